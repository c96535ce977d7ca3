/**
 * psql: PostgreSQL's terminal client, speaking the real PostgreSQL protocol (through the `pg`
 * library as a protocol client) over a byte stream the virtual network opens to an RDS instance's
 * engine. `-c`, `-f`, standard input, an interactive prompt (`dbname=>`), the password prompt and
 * the server's FATAL/ERROR lines.
 */
import type { Duplex } from 'node:stream';
import pg from 'pg';
import type { CommandEnv } from '../registry';
import type { CommandOutput, ShellCommand } from '../../shell';
import type { InteractiveProgram, TerminalIo } from '../../types';
import { openStream } from '../../net-client';
import { Output } from '../util';
import { aligned, NUMERIC_OIDS, unaligned } from './format';

interface PsqlArgs {
  host: string;
  port: number;
  user?: string;
  database?: string;
  commands: string[];
  file?: string;
  tuplesOnly: boolean;
  unaligned: boolean;
  quiet: boolean;
  version: boolean;
  noPassword: boolean;
  forcePassword: boolean;
  bad?: string;
}

function parseArgs(argv: string[]): PsqlArgs {
  const a: PsqlArgs = { host: '', port: 5432, commands: [], tuplesOnly: false, unaligned: false, quiet: false, version: false, noPassword: false, forcePassword: false };
  const positional: string[] = [];
  const take = (i: number, rest: string): [string | undefined, number] => (rest ? [rest, i] : [argv[i + 1], i + 1]);
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const long = /^--([a-z-]+)(?:=(.*))?$/.exec(x);
    if (long) {
      const [, name, inline] = long;
      const value = () => inline ?? argv[++i];
      if (name === 'host') a.host = value() ?? '';
      else if (name === 'port') a.port = Number(value());
      else if (name === 'username') a.user = value();
      else if (name === 'dbname') a.database = value();
      else if (name === 'command') a.commands.push(value() ?? '');
      else if (name === 'file') a.file = value();
      else if (name === 'tuples-only') a.tuplesOnly = true;
      else if (name === 'no-align') a.unaligned = true;
      else if (name === 'quiet') a.quiet = true;
      else if (name === 'version') a.version = true;
      else if (name === 'no-password') a.noPassword = true;
      else if (name === 'password') a.forcePassword = true;
      else return { ...a, bad: `psql: unrecognized option '${x}'` };
      continue;
    }
    if (x.startsWith('-') && x.length > 1) {
      const f = x[1]!;
      const rest = x.slice(2);
      let v: string | undefined;
      switch (f) {
        case 'h': [v, i] = take(i, rest); a.host = v ?? ''; break;
        case 'p': [v, i] = take(i, rest); a.port = Number(v); break;
        case 'U': [v, i] = take(i, rest); a.user = v; break;
        case 'd': [v, i] = take(i, rest); a.database = v; break;
        case 'c': [v, i] = take(i, rest); a.commands.push(v ?? ''); break;
        case 'f': [v, i] = take(i, rest); a.file = v; break;
        default:
          for (const g of x.slice(1)) {
            if (g === 't') a.tuplesOnly = true;
            else if (g === 'A') a.unaligned = true;
            else if (g === 'q') a.quiet = true;
            else if (g === 'V') a.version = true;
            else if (g === 'w') a.noPassword = true;
            else if (g === 'W') a.forcePassword = true;
            else if (g === 'X' || g === 'e' || g === 'a') continue;
            else return { ...a, bad: `psql: invalid option -- '${g}'` };
          }
      }
      continue;
    }
    positional.push(x);
  }
  if (positional[0] && !a.database) a.database = positional[0];
  if (positional[1] && !a.user) a.user = positional[1];
  return a;
}

interface PgError {
  message: string;
  severity?: string;
  position?: string;
  code?: string;
}

const errorText = (e: PgError, sql?: string): string => {
  let s = `${e.severity ?? 'ERROR'}:  ${e.message}\n`;
  if (sql && e.position) {
    const pos = Number(e.position) - 1;
    const before = sql.slice(0, pos);
    const lineNo = before.split('\n').length;
    const lineText = sql.split('\n')[lineNo - 1] ?? '';
    const col = pos - before.lastIndexOf('\n') - 1;
    s += `LINE ${lineNo}: ${lineText}\n${' '.repeat(`LINE ${lineNo}: `.length + col)}^\n`;
  }
  return s;
};

type PgResult = pg.QueryResult<unknown[]>;

function render(r: PgResult, a: PsqlArgs, tag: string | undefined): string {
  if (r.fields && r.fields.length && r.command === 'SELECT') {
    const columns = r.fields.map((f) => ({ name: f.name, numeric: NUMERIC_OIDS.has(f.dataTypeID) }));
    const rows = (r.rows as unknown[][]).map((row) => row.map((v) => (v === null || v === undefined ? null : String(v))));
    if (a.unaligned) return unaligned(columns, rows, a.tuplesOnly);
    if (a.tuplesOnly) return aligned(columns, rows).split('\n').slice(2, -3).join('\n') + '\n';
    return aligned(columns, rows);
  }
  if (a.quiet) return '';
  // The server's command tag as sent ("CREATE TABLE", "INSERT 0 2"); pg keeps only its first word.
  return `${tag ?? r.command ?? ''}\n`;
}

async function runText(client: pg.Client, sql: string, a: PsqlArgs, out: Output): Promise<number> {
  if (!sql.trim()) return 0;
  const tags: string[] = [];
  const connection = (client as unknown as { connection: { on(e: string, f: (m: { text: string }) => void): void; off(e: string, f: (m: { text: string }) => void): void } }).connection;
  const onTag = (m: { text: string }) => tags.push(m.text);
  connection.on('commandComplete', onTag);
  try {
    // The simple query protocol, as psql -c sends it: every statement's result is printed.
    const res = (await client.query({ text: sql, rowMode: 'array' } as never)) as unknown as PgResult | PgResult[];
    (Array.isArray(res) ? res : [res]).forEach((r, i) => out.write(render(r, a, tags[i])));
    return 0;
  } catch (err) {
    out.error(errorText(err as PgError, sql));
    return 1;
  } finally {
    connection.off('commandComplete', onTag);
  }
}

/** psql's statements end at a `;` outside quotes; backslash commands are one line. */
function complete(text: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    }
  }
  return !quote && /;\s*$/.test(text);
}

class Prompt implements InteractiveProgram {
  private status = 0;
  readonly history: string[] = [];
  constructor(
    private readonly client: pg.Client,
    private readonly a: PsqlArgs,
    private readonly db: string,
    private readonly superuser: boolean,
  ) {}
  banner(): string {
    return 'psql (9.2.23, server 18.6)\r\nType "help" for help.\r\n\r\n';
  }
  prompt(): string {
    return `${this.db}${this.superuser ? '=#' : '=>'} `;
  }
  continuationPrompt(): string {
    return `${this.db}${this.superuser ? '-#' : '->'} `;
  }
  needsMore(text: string): boolean {
    const t = text.trim();
    return !!t && !t.startsWith('\\') && !/^(help|quit|exit)$/i.test(t) && !complete(text);
  }
  exitStatus(): number {
    return this.status;
  }
  async run(line: string, _io: TerminalIo, _signal: AbortSignal): Promise<{ output: CommandOutput; exit: boolean }> {
    const t = line.trim();
    if (t) this.history.push(line);
    if (/^(\\q|quit|exit)$/i.test(t)) {
      await this.client.end().catch(() => undefined);
      return { output: { stdout: '', stderr: '', exitCode: 0 }, exit: true };
    }
    const out = new Output(undefined);
    if (t === '\\dt' || t === '\\d') {
      await runText(this.client, "SELECT n.nspname AS \"Schema\", c.relname AS \"Name\", 'table' AS \"Type\", pg_get_userbyid(c.relowner) AS \"Owner\" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2", this.a, out);
    } else if (t === '\\l') {
      await runText(this.client, 'SELECT datname AS "Name", pg_get_userbyid(datdba) AS "Owner", pg_encoding_to_char(encoding) AS "Encoding" FROM pg_database ORDER BY 1', this.a, out);
    } else if (t.startsWith('\\')) out.error(`invalid command ${t.split(/\s+/)[0]}\nTry \\? for help.\n`);
    else if (t) await runText(this.client, line, this.a, out);
    const o = out.done(0);
    return { output: { stdout: o.stdout.replace(/\n/g, '\r\n'), stderr: o.stderr.replace(/\n/g, '\r\n'), exitCode: 0 }, exit: false };
  }
}

/** pg drives the stream like a net.Socket it connects itself: the stream is already connected. */
function asSocket(stream: Duplex): Duplex {
  const s = stream as Duplex & { connect?: unknown; setNoDelay?: unknown; setKeepAlive?: unknown };
  s.connect = () => {
    process.nextTick(() => s.emit('connect'));
    return s;
  };
  if (typeof s.setNoDelay !== 'function') s.setNoDelay = () => s;
  if (typeof s.setKeepAlive !== 'function') s.setKeepAlive = () => s;
  return s;
}

export function psqlCommand(env: CommandEnv, installed: () => boolean): ShellCommand {
  return {
    name: 'psql',
    async run(args, ctx) {
      if (!installed()) return { stdout: '', stderr: '-bash: psql: command not found\n', exitCode: 127 };
      const a = parseArgs(args);
      if (a.bad) return { stdout: '', stderr: `${a.bad}\nTry "psql --help" for more information.\n`, exitCode: 1 };
      if (a.version) return { stdout: 'psql (PostgreSQL) 9.2.23\n', stderr: '', exitCode: 0 };
      const io = env.io();
      const out = new Output(io);
      const host = a.host || ctx.env.get('PGHOST') || '';
      const user = a.user ?? ctx.env.get('PGUSER') ?? env.user().name;
      const database = a.database ?? ctx.env.get('PGDATABASE') ?? user;
      if (!host) {
        out.error('psql: could not connect to server: No such file or directory\n\tIs the server running locally and accepting\n\tconnections on Unix domain socket "/var/run/postgresql/.s.PGSQL.5432"?\n');
        return out.done(2);
      }
      const opened = await openStream(env.guest, host, a.port, { ...(io ? { io } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) });
      if (!opened.ok) {
        if (opened.failure === 'unresolved') out.error(`psql: could not translate host name "${host}" to address: Name or service not known\n`);
        else
          out.error(
            `psql: could not connect to server: ${opened.failure === 'timeout' ? 'Connection timed out' : 'Connection refused'}\n\tIs the server running on host "${host}" and accepting\n\tTCP/IP connections on port ${a.port}?\n`,
          );
        return out.done(2);
      }
      // The lab's servers always ask for a password: psql asks the terminal unless PGPASSWORD is set.
      let password = ctx.env.get('PGPASSWORD');
      if (password === undefined) {
        if (a.noPassword || !io) {
          opened.stream.destroy();
          out.error('psql: fe_sendauth: no password supplied\n');
          return out.done(2);
        }
        const typed = await io.readLine(`Password for user ${user}: `, { secret: true });
        if (typed === null) {
          opened.stream.destroy();
          return out.done(2);
        }
        password = typed;
      }
      const client = new pg.Client({ stream: () => asSocket(opened.stream) as never, user, password, database, host, port: a.port });
      client.on('error', () => undefined);
      try {
        await client.connect();
      } catch (err) {
        opened.stream.destroy();
        out.error(`psql: ${(err as PgError).severity ?? 'FATAL'}:  ${(err as PgError).message}\n`);
        return out.done(2);
      }
      try {
        if (a.commands.length) {
          let status = 0;
          for (const c of a.commands) status = Math.max(status, await runText(client, c, a, out));
          return out.done(status);
        }
        if (a.file !== undefined || ctx.stdin !== '' || !io?.interactive) {
          const text = a.file !== undefined ? await env.fs.readFile(a.file.startsWith('/') ? a.file : `${ctx.cwd}/${a.file}`).catch(() => null) : ctx.stdin;
          if (text === null) {
            out.error(`psql: ${a.file}: No such file or directory\n`);
            return out.done(1);
          }
          // Statement by statement, like psql reading a script: an error is printed and the script goes on.
          let buf = '';
          for (const l of String(text).split('\n')) {
            buf += `${l}\n`;
            if (complete(buf)) {
              await runText(client, buf, a, out);
              buf = '';
            }
          }
          if (buf.trim()) await runText(client, buf, a, out);
          return out.done(0);
        }
        const superuser = (await client.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user').catch(() => ({ rows: [{ rolsuper: false }] }))).rows[0]?.rolsuper === true;
        const status = await io.attach(new Prompt(client, a, database, superuser));
        return { stdout: '', stderr: '', exitCode: status };
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}
