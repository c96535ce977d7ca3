/**
 * mysql (and mariadb): the MySQL command-line client, speaking the real MySQL protocol (through the
 * mysql2 library as a protocol client) over a byte stream the virtual network opens to an RDS
 * instance's engine. Interactive monitor with its prompts, `-e`, batch from standard input
 * (`mysql … < dump.sql`), `-p` prompting, and the real client's error lines.
 */
import type { Duplex } from 'node:stream';
import mysql from 'mysql2/promise';
import type { CommandEnv } from '../registry';
import type { CommandOutput, ShellCommand } from '../../shell';
import type { InteractiveProgram, TerminalIo } from '../../types';
import { openStream } from '../../net-client';
import { Output } from '../util';
import { parseMysqlArgs, type MysqlArgs } from './args';
import { batch, seconds, table, vertical, type Column } from './format';
import { splitStatements, type Statement } from './split';

type Conn = mysql.Connection;
interface SqlError {
  errno?: number;
  sqlState?: string;
  message: string;
}

const isNumeric = (type: number | undefined): boolean => type !== undefined && ((type <= 9 && type !== 7) || type === 13 || type === 246);

const errorLine = (e: SqlError, line?: number): string =>
  `ERROR ${e.errno ?? 2013} (${e.sqlState ?? 'HY000'})${line !== undefined ? ` at line ${line}` : ''}: ${e.message}\n`;

export interface Result {
  columns?: Column[];
  rows?: (string | null)[][];
  affected?: number;
  ms: number;
}

export async function runSql(conn: Conn, sql: string): Promise<Result> {
  const started = Date.now();
  const [rows, fields] = await conn.query({ sql, rowsAsArray: true, typeCast: (field) => field.string() }); // the text protocol's values as sent (NULL → null)
  const ms = Date.now() - started;
  if (!fields) return { affected: (rows as { affectedRows?: number }).affectedRows ?? 0, ms };
  return {
    columns: fields.map((f) => ({ name: f.name, numeric: isNumeric(f.columnType) })),
    rows: (rows as unknown[][]).map((r) => r.map((v) => (v === null || v === undefined ? null : String(v)))),
    ms,
  };
}

async function connect(env: CommandEnv, a: MysqlArgs, password: string, signal?: AbortSignal): Promise<Conn | string> {
  if (a.host === 'localhost' || a.host === '127.0.0.1') {
    if (a.host === 'localhost') return "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/lib/mysql/mysql.sock' (2)\n";
  }
  const io = env.io();
  const opened = await openStream(env.guest, a.host, a.port, { connectTimeoutMs: (a.connectTimeout ?? 130) * 1000, ...(io ? { io } : {}), ...(signal ? { signal } : {}) });
  if (!opened.ok) {
    if (opened.failure === 'unresolved') return `ERROR 2005 (HY000): Unknown MySQL server host '${a.host}' (0)\n`;
    return `ERROR 2003 (HY000): Can't connect to MySQL server on '${a.host}' (${opened.failure === 'timeout' ? 110 : 111})\n`;
  }
  try {
    return await mysql.createConnection({
      stream: opened.stream as Duplex as never,
      user: a.user ?? '',
      password,
      ...(a.database ? { database: a.database } : {}),
      multipleStatements: false,
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: true,
    });
  } catch (err) {
    opened.stream.destroy();
    return errorLine(err as SqlError);
  }
}

/** One statement's output in the monitor (table or vertical, then the summary line). */
function monitorOutput(r: Result, st: Statement, forceVertical: boolean): string {
  if (!r.columns) return `Query OK, ${r.affected} ${r.affected === 1 ? 'row' : 'rows'} affected ${seconds(r.ms)}\n\n`;
  const n = r.rows!.length;
  if (n === 0) return `Empty set ${seconds(r.ms)}\n\n`;
  const body = st.vertical || forceVertical ? vertical(r.columns, r.rows!) : table(r.columns, r.rows!);
  return `${body}${n} ${n === 1 ? 'row' : 'rows'} in set ${seconds(r.ms)}\n\n`;
}

/** -e and standard input: tab-separated (or boxed with -t / on a terminal with -e), stop at the first error. */
async function runBatch(conn: Conn, text: string, a: MysqlArgs, out: Output, boxed: boolean, withLines: boolean): Promise<number> {
  const { statements, rest, restLine } = splitStatements(text);
  if (rest.trim()) statements.push({ sql: rest.trim(), line: restLine, vertical: false });
  for (const st of statements) {
    try {
      const r = await runSql(conn, st.sql);
      if (!r.columns) continue;
      if (st.vertical || a.vertical) out.write(vertical(r.columns, r.rows!));
      else if (boxed && !a.batch && r.rows!.length) out.write(table(r.columns, r.rows!));
      else if (!boxed || a.batch) out.write(batch(r.columns, r.rows!, !a.skipColumnNames && !a.silent));
    } catch (err) {
      out.error(errorLine(err as SqlError, withLines ? st.line : undefined));
      return 1;
    }
  }
  return 0;
}

class Monitor implements InteractiveProgram {
  private status = 0;
  private done = false;
  private db: string | null;
  readonly history: string[] = [];
  constructor(
    private readonly conn: Conn,
    private readonly a: MysqlArgs,
    private readonly name: string,
  ) {
    this.db = a.database ?? null;
  }
  banner(): string {
    const c = (this.conn as unknown as { connection: unknown }).connection as { threadId?: number; serverVersion?: string; _handshakePacket?: { serverVersion?: string } };
    const version = c._handshakePacket?.serverVersion ?? '';
    return [
      this.name === 'mariadb' ? 'Welcome to the MariaDB monitor.  Commands end with ; or \\g.' : 'Welcome to the MySQL monitor.  Commands end with ; or \\g.',
      `Your ${this.name === 'mariadb' ? 'MariaDB' : 'MySQL'} connection id is ${c.threadId ?? 1}`,
      `Server version: ${version} Source distribution`,
      '',
      'Copyright (c) 2000, 2018, Oracle and/or its affiliates. All rights reserved.',
      '',
      'Oracle is a registered trademark of Oracle Corporation and/or its',
      'affiliates. Other names may be trademarks of their respective',
      'owners.',
      '',
      "Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.",
      '',
      '',
    ].join('\r\n');
  }
  prompt(): string {
    return this.name === 'mariadb' ? `MariaDB [${this.db ?? '(none)'}]> ` : 'mysql> ';
  }
  continuationPrompt(): string {
    return '    -> ';
  }
  needsMore(text: string): boolean {
    const t = text.trim();
    if (!t || /^(exit|quit|\\q|help|\\h|\\c|use\s+\S+|status|\\s)\s*;?$/i.test(t) || /\\c$/.test(t)) return false;
    return splitStatements(text).rest.trim() !== '';
  }
  exitStatus(): number {
    return this.status;
  }
  farewell(): string {
    return 'Bye\r\n';
  }
  closed(): boolean {
    return this.done;
  }
  async run(line: string, _io: TerminalIo, _signal: AbortSignal): Promise<{ output: CommandOutput; exit: boolean }> {
    const t = line.trim();
    if (t) this.history.push(line);
    let out = '';
    let err = '';
    if (/^(exit|quit|\\q)\s*;?$/i.test(t)) {
      await this.conn.end().catch(() => undefined);
      return { output: { stdout: '', stderr: '', exitCode: 0 }, exit: true };
    }
    if (!t || /\\c$/.test(t)) return { output: { stdout: '', stderr: '', exitCode: 0 }, exit: false };
    const use = /^use\s+`?([^`;\s]+)`?\s*;?$/i.exec(t);
    if (use) {
      try {
        await this.conn.query(`USE \`${use[1]!.replace(/`/g, '``')}\``);
        this.db = use[1]!;
        out += 'Database changed\n';
      } catch (e) {
        err += errorLine(e as SqlError);
      }
      return { output: { stdout: out.replace(/\n/g, '\r\n'), stderr: err.replace(/\n/g, '\r\n'), exitCode: 0 }, exit: false };
    }
    for (const st of splitStatements(line).statements) {
      try {
        const r = await runSql(this.conn, st.sql);
        out += monitorOutput(r, st, this.a.vertical);
        if (/^\s*use\s/i.test(st.sql)) {
          this.db = st.sql.trim().split(/\s+/)[1]!.replace(/[`;]/g, '');
          out += 'Database changed\n';
        }
      } catch (e) {
        const x = e as SqlError & { fatal?: boolean };
        err += errorLine(x);
        if (x.fatal) {
          err += 'ERROR 2006 (HY000): MySQL server has gone away\n';
          this.done = true;
        }
      }
    }
    return { output: { stdout: out.replace(/\n/g, '\r\n'), stderr: err.replace(/\n/g, '\r\n'), exitCode: 0 }, exit: this.done };
  }
}

export function mysqlCommand(name: 'mysql' | 'mariadb', env: CommandEnv, installed: () => boolean, version: () => string): ShellCommand {
  return {
    name,
    async run(args, ctx) {
      if (!installed()) return { stdout: '', stderr: `-bash: ${name}: command not found\n`, exitCode: 127 };
      const a = parseMysqlArgs(args, env.user().name);
      if (a.bad) return { stdout: '', stderr: `${a.bad}\n`, exitCode: 7 };
      if (a.version) return { stdout: `${name}  Ver 14.14 Distrib ${version()}, for Linux (x86_64) using readline 5.1\n`, stderr: '', exitCode: 0 };
      const io = env.io();
      let password = a.password ?? ctx.env.get('MYSQL_PWD') ?? '';
      if (a.password === null) {
        // The real client reads the password from the terminal even when standard input is a dump.
        const typed = io ? await io.readLine('Enter password: ', { secret: true }) : '';
        if (typed === null) return { stdout: '', stderr: '', exitCode: 1 };
        password = typed;
      }
      const out = new Output(io);
      const conn = await connect(env, a, password, ctx.signal);
      if (typeof conn === 'string') {
        out.error(conn);
        return out.done(1);
      }
      try {
        if (a.execute !== undefined) return out.done(await runBatch(conn, a.execute, a, out, !!io?.streaming || a.table, false));
        const piped = ctx.stdin !== '' || !io?.interactive;
        if (piped) return out.done(await runBatch(conn, ctx.stdin, a, out, a.table, true));
        const status = await io.attach(new Monitor(conn, a, name));
        return { stdout: '', stderr: '', exitCode: status };
      } finally {
        await conn.end().catch(() => undefined);
      }
    },
  };
}
