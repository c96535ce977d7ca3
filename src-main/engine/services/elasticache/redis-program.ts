/**
 * Where the Redis node's program is: `redis/child.ts` bundled into one plain `.mjs` that Node runs
 * as it is (the supervisor forks plain JavaScript). Built with esbuild on first use and again when
 * a source file is newer, in a few tens of milliseconds.
 */
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findResourcesDir } from '../../models/paths';

const root = join(findResourcesDir(), '..');
const sourceDir = join(root, 'src-main', 'engine', 'services', 'elasticache', 'redis');
const harness = join(root, 'src-main', 'engine', 'supervisor', 'child-harness.mjs');
export const redisProgramPath = join(root, 'out', 'engines', 'redis-node.mjs');

function newest(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n = Math.max(n, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return n;
}

function stale(): boolean {
  try {
    const built = statSync(redisProgramPath).mtimeMs;
    return newest(sourceDir) > built || statSync(harness).mtimeMs > built;
  } catch {
    return true;
  }
}

let ready: Promise<string> | undefined;

/** The program's path, building it first when needed (once per process). */
export function redisProgram(): Promise<string> {
  ready ??= (async () => {
    if (!stale()) return redisProgramPath;
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      entryPoints: [join(sourceDir, 'child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    mkdirSync(dirname(redisProgramPath), { recursive: true });
    const tmp = `${redisProgramPath}.${process.pid}.tmp`;
    writeFileSync(tmp, out.outputFiles[0]!.contents);
    renameSync(tmp, redisProgramPath);
    return redisProgramPath;
  })();
  return ready;
}
