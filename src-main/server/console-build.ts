/**
 * A fresh clone's first `nimbus serve` builds the console (vite → out/web) in the background, the
 * way bin/nimbus builds its own bundle: the endpoint answers at once, and the console page says it
 * is being built until it is. One build at a time across processes (a lock file names its pid).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ConsoleBuild {
  /** True while a build (ours or another process's) is running. */
  building(): boolean;
  /** Resolves when our build ends (true: built). */
  done: Promise<boolean>;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** `command` defaults to the repo's vite with vite.web.config.ts; absent vite (a packaged app) means no build. */
export function startConsoleBuild(opts: { repoRoot: string; webRoot: string; command?: string[] }): ConsoleBuild | undefined {
  if (existsSync(join(opts.webRoot, 'index.html'))) return undefined;
  const vite = join(opts.repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = join(opts.repoRoot, 'vite.web.config.ts');
  const command = opts.command ?? (existsSync(vite) && existsSync(config) ? [process.execPath, vite, 'build', '--config', config, '--logLevel', 'warn'] : undefined);
  if (!command) return undefined;
  const lock = join(dirname(opts.webRoot), '.web-building');
  const otherBuilding = (): boolean => {
    try {
      return alive(Number(readFileSync(lock, 'utf8')));
    } catch {
      return false;
    }
  };
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch {
    if (otherBuilding()) return { building: () => otherBuilding() && !existsSync(join(opts.webRoot, 'index.html')), done: Promise.resolve(false) };
    rmSync(lock, { force: true });
    return startConsoleBuild(opts);
  }
  writeSync(fd, String(process.pid));
  closeSync(fd);
  let running = true;
  console.log('Building the console (first start; about a minute). The AWS endpoint already answers.');
  const child = spawn(command[0]!, command.slice(1), { cwd: opts.repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (c: Buffer) => (errors = (errors + c.toString()).slice(-4000)));
  const done = new Promise<boolean>((resolve) => {
    const finish = (ok: boolean): void => {
      if (!running) return;
      running = false;
      rmSync(lock, { force: true });
      if (ok) console.log('Console built: reload the page.');
      else console.error(`nimbus: building the console failed; run npm run build to see why.\n${errors}`);
      resolve(ok);
    };
    child.on('error', () => finish(false));
    child.on('exit', (code) => finish(code === 0 && existsSync(join(opts.webRoot, 'index.html'))));
  });
  process.once('exit', () => {
    if (running) {
      child.kill();
      rmSync(lock, { force: true });
    }
  });
  return { building: () => running, done };
}
