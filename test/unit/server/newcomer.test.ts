// The newcomer's first minutes: `nimbus serve` on a fresh clone builds the console by itself (the
// page says so meanwhile), and the console home learns the real endpoint from lab.info.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createEngine, type Engine } from '../../../src-main/engine/index';
import { createLabServer, type LabServer } from '../../../src-main/server/server';
import { startConsoleBuild } from '../../../src-main/server/console-build';
import { serveStatic } from '../../../src-main/server/static-files';

let dir: string;
let engine: Engine | undefined;
let lab: LabServer | undefined;
afterEach(async () => {
  await lab?.close();
  engine?.close();
  lab = undefined;
  engine = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('console build on first serve', () => {
  it('builds a missing console once, says so meanwhile, then serves it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'nimbus-web-'));
    const webRoot = join(dir, 'out', 'web');
    mkdirSync(join(dir, 'out'));
    // Stands in for vite: writes the index the way the build does.
    const fake = [process.execPath, '-e', `const fs=require('fs');fs.mkdirSync(${JSON.stringify(webRoot)},{recursive:true});fs.writeFileSync(${JSON.stringify(join(webRoot, 'index.html'))},'<title>console</title>')`];
    const build = startConsoleBuild({ repoRoot: dir, webRoot, command: fake })!;
    expect(build.building()).toBe(true);
    expect(String((await serveStatic(webRoot, '', build.building())).body)).toContain('being built');
    // A second serve meanwhile does not start another build.
    const second = startConsoleBuild({ repoRoot: dir, webRoot, command: fake });
    expect(second?.done === undefined || (await second.done) === false).toBe(true);
    expect(await build.done).toBe(true);
    expect(existsSync(join(dir, 'out', '.web-building'))).toBe(false);
    expect(String((await serveStatic(webRoot, '', build.building())).body)).toBe('<title>console</title>');
    expect(startConsoleBuild({ repoRoot: dir, webRoot, command: fake })).toBeUndefined();
  });
});

describe('lab.info', () => {
  it('names the endpoint the lab really listens on', async () => {
    dir = mkdtempSync(join(tmpdir(), 'nimbus-info-'));
    engine = createEngine();
    lab = await createLabServer({ engine, port: 0, noToken: true, webRoot: dir });
    const ws = new WebSocket(`ws://127.0.0.1:${lab.port}/_lab/ws`);
    await new Promise((ok, fail) => ws.once('open', ok).once('error', fail));
    const info = await new Promise<Record<string, unknown>>((ok) => {
      ws.once('message', (d) => ok((JSON.parse(d.toString()) as { result: Record<string, unknown> }).result));
      ws.send(JSON.stringify({ id: 1, type: 'lab.info', payload: {} }));
    });
    ws.close();
    expect(info.endpoint).toBe(`http://127.0.0.1:${lab.port}`);
    expect(lab.port).not.toBe(4566);
  });
});
