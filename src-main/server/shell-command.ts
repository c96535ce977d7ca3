/**
 * `nimbus shell [--data DIR] [--instance i-…]`: this terminal becomes a lab terminal. It finds the
 * running lab through DIR/console-url and speaks the console contract over /_lab/ws. On a TTY it is
 * interactive (raw mode: every keystroke goes to the lab's line editor); otherwise it reads commands
 * from standard input one line at a time, sends each when the lab is ready, prints the output and
 * exits with the last command's status.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { serverMessage, type ContractRequests, type RequestName } from '../contract';
import { defaultDataDir } from './data-dir';

export const SHELL_USAGE = `Usage: nimbus shell [--data DIR] [--instance i-…]
  Attach this terminal to the lab's workstation shell, or to an instance's shell (as its default user).
  --data DIR       the running lab's data folder (default $NIMBUS_DATA or the app-data folder)
  --instance ID    open a shell on this instance instead of the workstation
`;

export class ShellUsageError extends Error {}

interface ShellArgs {
  data: string;
  instance?: string;
}

function parseArgs(argv: string[]): ShellArgs {
  const args: ShellArgs = { data: defaultDataDir() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      const v = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new ShellUsageError(`option '${name}' needs a value`);
      return v;
    };
    if (name === '--data') args.data = value();
    else if (name === '--instance') {
      const v = value();
      if (!/^i-[0-9a-f]{8,17}$/.test(v)) throw new ShellUsageError(`'${v}' is not an instance id (i-…)`);
      args.instance = v;
    } else throw new ShellUsageError(`unknown option '${a}'`);
  }
  return args;
}

/** ws://HOST:PORT/_lab/ws?token=… from the console URL the lab wrote. */
export function socketUrl(consoleUrl: string): string {
  const u = new URL(consoleUrl.trim());
  const token = u.searchParams.get('token');
  return `ws://${u.host}/_lab/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

class LabConnection {
  private seq = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly eventHandlers = new Map<string, (payload: unknown) => void>();
  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      let msg: unknown;
      try {
        msg = JSON.parse(data.toString());
      } catch {
        return;
      }
      const parsed = serverMessage.safeParse(msg);
      if (!parsed.success) return;
      const m = parsed.data;
      if ('event' in m) this.eventHandlers.get(m.event)?.(m.payload);
      else if (typeof m.id === 'number') {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.result);
        else p.reject(new Error(`${m.error.code}: ${m.error.message}`));
      }
    });
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('the lab closed the connection'));
      this.pending.clear();
    });
  }
  request<K extends RequestName>(type: K, payload: ContractRequests[K]['request']): Promise<ContractRequests[K]['response']> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ id, type, payload }));
    });
  }
  on(event: string, handler: (payload: unknown) => void): void {
    this.eventHandlers.set(event, handler);
  }
}

/** The real terminal's size (a pseudo-terminal may report 0: use the classic 80×24 then). */
function size(): { cols: number; rows: number } {
  const cols = process.stdout.columns;
  const rows = process.stdout.rows;
  return { cols: cols && cols >= 10 ? Math.min(cols, 1000) : 80, rows: rows && rows >= 2 ? Math.min(rows, 1000) : 24 };
}

function connect(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', (e) => reject(e));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the lab refused the connection (HTTP ${res.statusCode})`)));
  });
}

export async function shellCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  let consoleUrl: string;
  try {
    consoleUrl = readFileSync(join(args.data, 'console-url'), 'utf8');
  } catch {
    process.stderr.write(`nimbus shell: no running lab found in ${args.data} (start one with: nimbus serve --data ${args.data})\n`);
    return 1;
  }
  let ws: WebSocket;
  try {
    ws = await connect(socketUrl(consoleUrl));
  } catch (e) {
    process.stderr.write(`nimbus shell: cannot reach the lab at ${consoleUrl.trim().replace(/\?.*$/, '')}: ${(e as Error).message}\n`);
    return 1;
  }
  const lab = new LabConnection(ws);
  const tty = !!process.stdin.isTTY && !!process.stdout.isTTY;
  let terminalId = '';
  let lastStatus = 0;
  let ready: (() => void) | undefined;
  let readyNow = false;
  const exited = new Promise<number>((resolve) => {
    lab.on('terminal.exit', (p) => {
      const e = p as { terminalId: string; exitCode: number };
      if (e.terminalId === terminalId) resolve(e.exitCode);
    });
    ws.on('close', () => resolve(lastStatus));
  });
  lab.on('terminal.output', (p) => {
    const e = p as { terminalId: string; data: string };
    if (e.terminalId === terminalId) process.stdout.write(tty ? e.data : e.data.replace(/\r\n/g, '\n'));
  });
  lab.on('terminal.idle', (p) => {
    const e = p as { terminalId: string; exitCode: number; reading: boolean };
    if (e.terminalId !== terminalId) return;
    if (!e.reading) lastStatus = e.exitCode;
    readyNow = true;
    ready?.();
  });

  let info;
  try {
    info = await lab.request('terminal.open', {
      target: args.instance ?? 'workstation',
      mode: tty ? 'interactive' : 'batch',
      ...size(),
    });
  } catch (e) {
    process.stderr.write(`nimbus shell: ${(e as Error).message}\n`);
    ws.close();
    return 1;
  }
  terminalId = info.terminalId;
  process.stdout.write(tty ? info.scrollback : info.scrollback.replace(/\r\n/g, '\n'));
  readyNow = true;

  if (tty) {
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.on('data', (d: Buffer) => void lab.request('terminal.input', { terminalId, data: d.toString('utf8') }).catch(() => {}));
    process.stdout.on('resize', () => void lab.request('terminal.resize', { terminalId, ...size() }).catch(() => {}));
    const code = await exited;
    process.stdin.setRawMode(false);
    process.stdin.pause();
    ws.close();
    return code;
  }

  // Batch: one line at a time, each sent once the lab waits for input.
  const waitReady = (): Promise<void> =>
    readyNow
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          ready = () => {
            ready = undefined;
            resolve();
          };
        });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let done = false;
  void exited.then(() => {
    done = true;
    ready?.();
    rl.close();
  });
  for await (const line of rl) {
    if (done) break;
    await waitReady();
    if (done) break;
    readyNow = false;
    await lab.request('terminal.input', { terminalId, data: `${line}\r` }).catch(() => {});
  }
  // End of input: log out of every nested session, as Ctrl-D would.
  while (!done) {
    await waitReady();
    if (done) break;
    readyNow = false;
    await lab.request('terminal.input', { terminalId, data: '\x04' }).catch(() => {});
  }
  const code = await exited;
  ws.close();
  return code;
}
