/** The book's code where the book says it is, once imported: the public bucket's URL, raw GitHub, and git clone. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../src-main/engine/clock/clock';
import { createEngine } from '../../../src-main/engine/index';
import { GuestShell } from '../../../src-main/engine/guest/session';

const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-book-'));
const engine = createEngine({ dataDir, clock: createClock({ warp: 0, start: Date.UTC(2026, 5, 1) }) });
afterAll(() => {
  engine.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the book's code inside the lab", () => {
  it('says how to import before an import, and serves the files after one', async () => {
    const w = await engine.terminals.workstation();
    const sh = new GuestShell(w, w.user('learner')!);
    const url = 'https://s3.amazonaws.com/awsinaction-code2/chapter04/virtualmachine.yaml';
    expect((await sh.exec(`curl -s ${url}`)).stdout).toContain('import-book-code');
    mkdirSync(join(dataDir, 'book-code', 'chapter04'), { recursive: true });
    writeFileSync(join(dataDir, 'book-code', 'chapter04', 'virtualmachine.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\n');
    expect((await sh.exec(`curl -s ${url}`)).stdout).toBe('AWSTemplateFormatVersion: "2010-09-09"\n');
    expect((await sh.exec('curl -s https://raw.githubusercontent.com/AWSinAction/code2/master/chapter04/virtualmachine.yaml')).stdout).toContain('2010-09-09');
    const clone = await sh.exec('git clone https://github.com/AWSinAction/code2.git && cat code2/chapter04/virtualmachine.yaml');
    expect(clone.stdout).toContain('2010-09-09');
  });
});
