/**
 * The `nimbus` command (bundled to out/nimbus/main.mjs by bin/nimbus). Only `serve` lives here for
 * now, plus `chapters` (chapters-command.ts) and `shell` (shell-command.ts).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createEngine } from '../engine/index';
import { createLabServer } from './server';
import { BookCodeError, importBookCode } from './book-code';
import { chaptersCommand, ChaptersUsageError, CHAPTERS_USAGE } from './chapters-command';
import { defaultDataDir, ensureDir, writeConsoleUrl, writeCredentials } from './data-dir';
import { DataDirError, openDataDir, type DataDirLock } from './lab-data';
import { shellCommand, ShellUsageError, SHELL_USAGE } from './shell-command';
import { tunnelCommand, TunnelUsageError, TUNNEL_USAGE } from './tunnel-command';
import { envCommand, execCommand, ExecUsageError, EXEC_USAGE } from './exec-command';

const USAGE = `Usage: nimbus <command> [options]

Commands:
  serve      Start the lab headless: the AWS endpoint and the console on one port
               --port N      port to listen on (default 4566; 0 picks a free one)
               --host ADDR   address to bind (default 127.0.0.1)
               --data DIR    lab data folder (default $NIMBUS_DATA or the app-data folder)
               --no-token    console without the per-start token (still local only)
               --open        open the console in the system browser
               --warp N      simulated-time speed factor (default 1)
  import-book-code PATH
             Import the book's code repository (AWSinAction/code2: a folder or its zip)
             so the book's template URLs resolve in the lab
               --data DIR    lab data folder (default $NIMBUS_DATA or the app-data folder)
  build      Rebuild this command's bundle (out/nimbus/main.mjs)
  shell      Attach this terminal to a lab shell (the workstation, or an instance)
               --data DIR    the running lab's data folder
               --instance ID a shell on this instance, as its default user
  chapters   The book's guided chapters: list | solve N | export | verify FILE
               --data DIR    lab data folder (solve: a fresh temporary lab when omitted)
  tunnel     Open a 127.0.0.1 port to a DB instance or cache cluster of the running lab (mysql, psql, redis-cli)
               --data DIR    the running lab's data folder
               --port N      local port (default: a free one, printed)
  exec       Run a program of yours with the running lab's endpoint, credentials and region
               --data DIR    the running lab's data folder
               -- COMMAND…   the program and its arguments (aws-sdk v2 is pointed at the lab too)
  env        Print the same settings as shell exports (eval "$(./bin/nimbus env)")
  help       Show this text
`;

interface ServeArgs {
  port: number;
  host: string;
  data: string;
  noToken: boolean;
  open: boolean;
  warp?: number;
}

class UsageError extends Error {}

function parseServeArgs(argv: string[]): ServeArgs {
  const args: ServeArgs = { port: 4566, host: '127.0.0.1', data: defaultDataDir(), noToken: false, open: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      const v = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`option '${name}' needs a value`);
      return v;
    };
    switch (name) {
      case '--port': {
        const v = value();
        const port = Number(v);
        if (!/^\d+$/.test(v) || port > 65535) throw new UsageError(`'${v}' is not a port number`);
        args.port = port;
        break;
      }
      case '--host':
        args.host = value();
        break;
      case '--data':
        args.data = value();
        break;
      case '--no-token':
        args.noToken = true;
        break;
      case '--open':
        args.open = true;
        break;
      case '--warp': {
        const v = value();
        const warp = Number(v);
        if (!Number.isFinite(warp) || warp < 0) throw new UsageError(`'${v}' is not a warp factor`);
        args.warp = warp;
        break;
      }
      default:
        throw new UsageError(`unknown option '${raw}'`);
    }
  }
  return args;
}

function readVersion(): string {
  try {
    // Two levels up from both src-main/server/ and out/nimbus/.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'dev';
  } catch {
    return 'dev';
  }
}

/** Best effort: no browser (a server, CI) is not an error. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // nothing to open it with
  }
}

async function serve(argv: string[]): Promise<number> {
  const args = parseServeArgs(argv);
  let lock: DataDirLock;
  let engine: ReturnType<typeof createEngine>;
  try {
    lock = openDataDir(args.data);
  } catch (err) {
    if (!(err instanceof DataDirError)) throw err;
    console.error(`nimbus: ${err.message}`);
    return 1;
  }
  try {
    engine = createEngine({ dataDir: args.data });
  } catch (err) {
    lock.release();
    // SQLite's own complaint (a damaged file the quick check missed, a full disk): no stack trace.
    if ((err as { code?: unknown }).code === undefined || !String((err as { code: unknown }).code).startsWith('SQLITE_')) throw err;
    console.error(`nimbus: cannot open the lab in ${args.data}: ${(err as Error).message}. If lab.db is damaged, move it (with lab.db-wal, lab.db-shm) aside or copy a snapshot from ${args.data}/snapshots in its place, or start with another folder: --data DIR.`);
    return 1;
  }
  if (args.warp !== undefined) engine.clock.setWarp(args.warp);
  let lab;
  try {
    lab = await createLabServer({
      engine,
      port: args.port,
      host: args.host,
      noToken: args.noToken,
      version: readVersion(),
      buildConsole: process.env.NIMBUS_NO_CONSOLE_BUILD !== '1',
    });
  } catch (err) {
    engine.close();
    lock.release();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      console.error(`nimbus: port ${args.port} on ${args.host} is already in use (another lab running? try --port)`);
    else if (code === 'EADDRNOTAVAIL') console.error(`nimbus: cannot bind ${args.host}: no such local address`);
    else if (code === 'EACCES') console.error(`nimbus: not allowed to listen on ${args.host}:${args.port}`);
    else console.error(`nimbus: cannot listen on ${args.host}:${args.port}: ${(err as Error).message}`);
    return 1;
  }
  writeCredentials(args.data, engine.account.rootAccessKeyId, engine.account.rootSecretAccessKey);
  writeConsoleUrl(args.data, lab.consoleUrl);
  lock.update({ url: lab.url });
  console.log(`Console: ${lab.consoleUrl}`);
  console.log(`Credentials: ${args.data}/credentials (AWS_SHARED_CREDENTIALS_FILE), endpoint ${lab.url}`);
  console.log(`Nimbus Lab ready on ${lab.url}`);
  if (args.open) openBrowser(lab.consoleUrl);

  await new Promise<void>((resolveStop) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      lab.close().then(
        () => resolveStop(),
        () => resolveStop(),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  engine.close();
  lock.release();
  return 0;
}

function importBookCodeCommand(argv: string[]): number {
  let data = defaultDataDir();
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data') {
      const v = argv[++i];
      if (v === undefined) throw new UsageError("option '--data' needs a value");
      data = v;
    } else if (a.startsWith('--data=')) data = a.slice('--data='.length);
    else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
    else paths.push(a);
  }
  if (paths.length !== 1) throw new UsageError('import-book-code needs exactly one PATH (a folder or a zip of AWSinAction/code2)');
  ensureDir(data);
  try {
    console.log(importBookCode(paths[0]!, data));
    return 0;
  } catch (err) {
    if (err instanceof BookCodeError) {
      console.error(`nimbus import-book-code: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

/** Entry point called by bin/nimbus; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(rest);
      case 'import-book-code':
        return importBookCodeCommand(rest);
      case 'build':
        // bin/nimbus has already rebuilt the bundle before loading this file.
        console.log('nimbus: out/nimbus/main.mjs is up to date');
        return 0;
      case 'chapters':
        try {
          return await chaptersCommand(rest);
        } catch (err) {
          if (err instanceof ChaptersUsageError) {
            process.stderr.write(`nimbus chapters: ${err.message}\n\n${CHAPTERS_USAGE}`);
            return 1;
          }
          throw err;
        }
      case 'shell':
        try {
          return await shellCommand(rest);
        } catch (err) {
          if (err instanceof ShellUsageError) {
            process.stderr.write(`nimbus shell: ${err.message}\n\n${SHELL_USAGE}`);
            return 1;
          }
          throw err;
        }
      case 'tunnel':
        try {
          return await tunnelCommand(rest);
        } catch (err) {
          if (err instanceof TunnelUsageError) {
            process.stderr.write(`nimbus tunnel: ${err.message}\n\n${TUNNEL_USAGE}`);
            return 1;
          }
          throw err;
        }
      case 'exec':
      case 'env':
        try {
          return command === 'exec' ? await execCommand(rest) : envCommand(rest);
        } catch (err) {
          if (err instanceof ExecUsageError) {
            process.stderr.write(`nimbus ${command}: ${err.message}\n\n${EXEC_USAGE}`);
            return 1;
          }
          throw err;
        }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        process.stderr.write(`nimbus: unknown command '${command}'\n\n${USAGE}`);
        return 1;
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`nimbus ${command}: ${err.message}\n\n${USAGE}`);
      return 1;
    }
    throw err;
  }
}
