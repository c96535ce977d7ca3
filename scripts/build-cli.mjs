// Bundles the `nimbus` command (src-main/server/main.ts) into out/nimbus/main.mjs with esbuild, and
// tells whether the bundle is older than the sources. bin/nimbus calls ensureBuilt() on every start,
// so a fresh checkout works right after `npm install`, and an edit under src-main/ is picked up.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundlePath = join(root, 'out', 'nimbus', 'main.mjs');
const entry = join(root, 'src-main', 'server', 'main.ts');

/** Native, optional or huge packages stay in node_modules (just-bash: its optional runtimes import packages we do not install). */
const EXTERNAL = ['better-sqlite3', 'ws', 'just-bash', 'bufferutil', 'utf-8-validate', 'esbuild', 'electron', 'fsevents'];

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.isFile()) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function isStale() {
  let built;
  try {
    built = statSync(bundlePath).mtimeMs;
  } catch {
    return true;
  }
  // A directory's mtime moves when a file is deleted or renamed in it, so deletions count too.
  return newestMtime(join(root, 'src-main')) > built || statSync(join(root, 'src-main')).mtimeMs > built;
}

export async function build() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    write: false,
    outfile: bundlePath,
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'silent',
    // CommonJS packages bundled into ESM still call require() for node builtins.
    banner: {
      js: "import { createRequire as __nimbusRequire } from 'node:module'; const require = __nimbusRequire(import.meta.url);",
    },
  });
  mkdirSync(dirname(bundlePath), { recursive: true });
  // Write then rename (map first): two `nimbus` starting at once never load a half-written bundle.
  const files = [...result.outputFiles].sort((a, b) =>
    a.path.endsWith('.map') ? -1 : b.path.endsWith('.map') ? 1 : 0,
  );
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
}

export async function ensureBuilt(force = false) {
  if (force || isStale()) await build();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await build();
  console.log(`built ${bundlePath}`);
}
