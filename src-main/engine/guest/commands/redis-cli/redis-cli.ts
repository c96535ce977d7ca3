/**
 * redis-cli (package `redis` from EPEL, `redis-tools` on Ubuntu): one-shot commands, the
 * interactive prompt `host:6379>`, commands from standard input, `--scan`, `-a` and `-n`. It reaches
 * an ElastiCache node through the virtual network like any TCP client: the name resolves in the VPC,
 * security groups and NACLs decide, and a dropped connection waits, then times out (§12.1.2).
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { openStream } from '../../net-client';
import { Output } from '../util';
import { formatRaw, formatTty, splitArgs } from './format';
import { RespConnection, type RespReply } from './resp-client';

const VERSION = '3.2.12';

interface Options {
  host: string;
  port: number;
  password?: string;
  db: number;
  raw?: boolean;
  scan: boolean;
  pattern?: string;
  command: string[];
}

function parse(args: string[]): Options | string {
  const o: Options = { host: '127.0.0.1', port: 6379, db: 0, scan: false, command: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`Unrecognized option or bad number of args for: '${a}'`);
      return v;
    };
    try {
      if (o.command.length > 0) o.command.push(a);
      else if (a === '-h') o.host = value();
      else if (a === '-p') o.port = Number(value());
      else if (a === '-a') o.password = value();
      else if (a === '-n') o.db = Number(value());
      else if (a === '--raw') o.raw = true;
      else if (a === '--no-raw') o.raw = false;
      else if (a === '--scan') o.scan = true;
      else if (a === '--pattern') o.pattern = value();
      else if (a === '-v' || a === '--version') return `redis-cli ${VERSION}`;
      else if (a.startsWith('-') && a.length > 1) return `Unrecognized option or bad number of args for: '${a}'`;
      else o.command.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!Number.isInteger(o.port) || o.port <= 0 || o.port > 65535) return `Invalid port`;
  return o;
}

export function redisCliCommand(env: CommandEnv, installed: () => boolean): ShellCommand {
  return {
    name: 'redis-cli',
    async run(args, ctx) {
      if (!installed()) return { stdout: '', stderr: '-bash: redis-cli: command not found\n', exitCode: 127 };
      const parsed = parse(args);
      if (typeof parsed === 'string') {
        const isVersion = parsed.startsWith('redis-cli ');
        return { stdout: isVersion ? `${parsed}\n` : '', stderr: isVersion ? '' : `${parsed}\n`, exitCode: isVersion ? 0 : 1 };
      }
      const o = parsed;
      const io = env.io();
      const out = new Output(io);
      const tty = o.raw === undefined ? out.streaming : !o.raw;
      const show = (r: RespReply) => out.write(tty ? formatTty(r) : formatRaw(r));
      const target = `${o.host}:${o.port}`;

      const opened = await openStream(env.guest, o.host, o.port, { ...(io ? { io } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) });
      if (!opened.ok) {
        const why = opened.failure === 'unresolved' ? 'Name or service not known' : opened.failure === 'refused' ? 'Connection refused' : 'Connection timed out';
        out.error(`Could not connect to Redis at ${target}: ${why}\n`);
        if (o.command.length > 0 || o.scan || !(io?.interactive && io.streaming)) return out.done(1);
        // The interactive client stays, unconnected, as the real one does.
        for (;;) {
          const line = await io.readLine('not connected> ');
          if (line === null || /^(quit|exit)$/i.test(line.trim())) return out.done(0);
          if (line.trim()) out.error(`Could not connect to Redis at ${target}: ${why}\n`);
        }
      }
      const conn = new RespConnection(opened.stream);
      try {
        if (o.password !== undefined) {
          const r = await conn.send(['AUTH', o.password]);
          if (r?.t === 'error') out.error(`Warning: AUTH failed\n`);
        }
        let db = 0;
        if (o.db) {
          const r = await conn.send(['SELECT', String(o.db)]);
          if (r?.t === 'error') {
            out.error(`${r.s}\n`);
            return out.done(1);
          }
          db = o.db;
        }
        if (o.scan) {
          let cursor = '0';
          do {
            const r = await conn.send(['SCAN', cursor, ...(o.pattern ? ['MATCH', o.pattern] : [])]);
            if (!r || r.t !== 'array' || !r.a) break;
            cursor = r.a[0]?.t === 'bulk' ? (r.a[0].s ?? '0') : '0';
            const keys = r.a[1]?.t === 'array' ? (r.a[1].a ?? []) : [];
            for (const k of keys) if (k.t === 'bulk') out.write(`${k.s ?? ''}\n`);
          } while (cursor !== '0');
          return out.done(0);
        }
        if (o.command.length > 0) {
          const r = await conn.send(o.command);
          if (!r) {
            out.error('Error: Server closed the connection\n');
            return out.done(1);
          }
          show(r);
          return out.done(r.t === 'error' ? 1 : 0);
        }
        if (!(io?.interactive && io.streaming)) {
          // Commands from standard input, one a line (redis-cli < commands.txt).
          for (const line of ctx.stdin.split(/\r?\n/)) {
            const argv = splitArgs(line);
            if (!argv || argv.length === 0) continue;
            const r = await conn.send(argv);
            if (!r) break;
            show(r);
          }
          return out.done(0);
        }
        for (;;) {
          const line = await io.readLine(`${target}${db ? `[${db}]` : ''}> `);
          if (line === null) return out.done(0);
          const argv = splitArgs(line);
          if (argv === undefined) {
            out.write('Invalid argument(s)\n');
            continue;
          }
          if (argv.length === 0) continue;
          const name = argv[0]!.toLowerCase();
          if (name === 'quit' || name === 'exit') return out.done(0);
          const r = await conn.send(argv);
          if (!r) {
            out.error('Error: Server closed the connection\n');
            return out.done(1);
          }
          show(r);
          if (name === 'select' && r.t === 'status') db = Number(argv[1]);
          if ((name === 'subscribe' || name === 'psubscribe') && r.t === 'array') {
            out.write('Reading messages... (press Ctrl-C to quit)\n');
            for (let i = 2; i < argv.length; i++) {
              const more = await conn.next();
              if (more) show(more);
            }
            for (;;) {
              const msg = await Promise.race([conn.next(), new Promise<null>((ok) => ctx.signal?.addEventListener('abort', () => ok(null), { once: true }))]);
              if (!msg) return out.done(0);
              show(msg);
            }
          }
        }
      } finally {
        conn.close();
      }
    },
  };
}
