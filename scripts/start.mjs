#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is here, else the same console in a browser
// through `nimbus serve --open`. Plain Node (no TypeScript) so it runs before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/**
 * The Electron binary's path, or undefined. We read electron's path.txt ourselves: require('electron')
 * tries to download the binary when it is missing, which hangs or fails on an offline machine.
 */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readText(join(pkg, 'path.txt')) ?? 'electron');
    return existsSync(p) ? p : undefined;
  }
  const rel = readText(join(pkg, 'path.txt'));
  if (!rel) return undefined;
  const p = join(pkg, 'dist', rel);
  return existsSync(p) ? p : undefined;
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: opts.quiet ? 'pipe' : 'inherit',
    shell: process.platform === 'win32',
    ...opts,
  });
  return r.status === 0;
}

/** better-sqlite3 must match Electron's ABI, not Node's; rebuild once per Electron version. */
function rebuildNativeForElectron() {
  const version =
    readText(join(root, 'node_modules', 'electron', 'dist', 'version')) ??
    JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const marker = join(root, 'out', '.better-sqlite3-electron');
  if (readText(marker) === version) return;
  const ok = existsSync(join(root, 'node_modules', '@electron', 'rebuild'))
    ? run(bin('electron-rebuild'), ['-f', '-w', 'better-sqlite3'], { quiet: true })
    : run('npx', ['--yes', 'electron-builder', 'install-app-deps'], { quiet: true });
  if (!ok) {
    console.error('Could not rebuild better-sqlite3 for Electron; the app may fail to open its database.');
    return;
  }
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, version);
}

/** Newest modification time under a folder (or of a file). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function ensureWebBuild() {
  const index = join(root, 'out', 'web', 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newest(join(root, 'src-renderer')),
    newest(join(root, 'src-main', 'contract')),
    newest(join(root, 'vite.web.config.ts')),
  );
  if (built > sources) return true;
  return run(bin('vite'), ['build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']);
}

function launch(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (electron) {
  rebuildNativeForElectron();
  if (!run(bin('electron-vite'), ['build'])) process.exit(1);
  launch(electron, ['.']);
} else {
  console.log(
    'Electron is not available on this machine (its binary could not be downloaded); opening the console in your browser instead.',
  );
  if (!ensureWebBuild()) process.exit(1);
  launch(process.execPath, [join(root, 'bin', 'nimbus'), 'serve', '--open', ...process.argv.slice(2)]);
}
