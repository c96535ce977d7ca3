// A MySQL/MariaDB DB instance's engine: real MariaDB (with InnoDB) compiled to WebAssembly
// (lite4mariadb, GPL-2.0-only: it runs only here, in its own process, never in the lab's), behind a
// MySQL wire-protocol front (mysql-wire.mjs). The embedded server has no grant tables, so the front
// checks logins itself, against mysql_native_password hashes kept in this engine's data folder.
// MariaDB has one embedded session; the front gives each client its current database, and a client
// inside a transaction keeps the session until it commits or rolls back.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lite4MariaDB } from 'lite4mariadb';
import { runEngine } from '../../../supervisor/child-harness.mjs';
import { counters, engine, historyRpc, logWrite, mysqlKeywords, mysqlRefused, mysqlWrites, setClock, startHistory, stopHistory } from './binlog.mjs';
import {
  PacketConn, Reader, STATUS, authSwitch, checkNative, columnDef, eof, err, handshake, nativeHash, newScramble, ok, parseHandshakeResponse, textRow,
} from './mysql-wire.mjs';

let db;
let dataDir;
let version = '';
let users = {};
let engineDb = null;

function call(fn, sql) {
  const ptr = db.mod.ccall(fn, 'number', ['string'], [sql]);
  const json = db.mod.UTF8ToString(ptr);
  db.mod._l4m_free(ptr);
  return JSON.parse(json);
}
/** Raw answers (every value a string, binary as {$h}), as the text protocol wants them. */
const run = (sql) => call('l4m_query', sql);
const runMulti = (sql) => call('l4m_exec_multi', sql);
const q = (sql) => {
  const r = run(sql);
  if (!r.ok) throw Object.assign(new Error(r.error), { errno: r.errno, sqlstate: r.sqlstate });
  return r;
};
const ident = (s) => `\`${String(s).replace(/`/g, '``')}\``;

function saveUsers() {
  writeFileSync(join(dataDir, 'nimbus-users.json'), JSON.stringify(users), { mode: 0o600 });
}
function setUser(user, password) {
  users[user] = { host: '%', hash: nativeHash(password ?? '') };
  saveUsers();
}

// ---- one session, shared: a transaction owns it until it ends ----
let owner = null;
const waiters = [];
async function acquire(id) {
  while (owner !== null && owner !== id) await new Promise((r) => waiters.push(r));
}
function settle(id, inTransaction) {
  owner = inTransaction ? id : null;
  if (!inTransaction) for (const w of waiters.splice(0)) w();
}

function useDb(name) {
  if (name && engineDb !== name) {
    q(`USE ${ident(name)}`);
    engineDb = name;
  }
}

/** A write from the log (a restore's replay, or a replica following its primary) on the shared session. */
const APPLY = 0;
async function applyEntry(e) {
  await acquire(APPLY);
  let inTxn = false;
  try {
    if (e.db) {
      try {
        useDb(e.db);
      } catch {
        // the database was dropped later in the same history: the statement fails as it did
      }
    }
    runMulti(e.sql);
    const after = q('SELECT DATABASE() d, @@in_transaction t').rows[0];
    engineDb = after.d;
    inTxn = after.t === '1';
  } finally {
    settle(APPLY, inTxn);
  }
}

let nextId = 1;
function connection(socket, source) {
  const id = nextId++;
  if (engine.settings.maxConnections && counters.connections >= engine.settings.maxConnections) {
    // The server's greeting is replaced by the error, as MySQL does past max_connections.
    const body = err(1040, '08004', 'Too many connections');
    const head = Buffer.alloc(4);
    head.writeUIntLE(body.length, 0, 3);
    socket.end(Buffer.concat([head, body]));
    return;
  }
  counters.connections++;
  socket.once('close', () => counters.connections--);
  const scramble = newScramble();
  let phase = 'auth';
  let hello;
  let current = null;
  let queue = Promise.resolve();
  const pc = new PacketConn(socket, (p) => {
    queue = queue.then(() => handle(p)).catch((e) => {
      process.stderr.write(`mysql connection ${id}: ${e?.stack ?? e}\n`);
      socket.destroy();
    });
  });
  const fail = (code, state, message) => {
    pc.send(err(code, state, message));
    socket.end();
  };
  const status = (inTxn) => STATUS.AUTOCOMMIT | (inTxn ? STATUS.IN_TRANS : 0);

  function login(token) {
    const u = users[hello.user];
    if (!u || !checkNative(u.hash, scramble, token)) {
      return fail(1045, '28000', `Access denied for user '${hello.user}'@'${source.sourceIp}' (using password: ${token.length ? 'YES' : 'NO'})`);
    }
    if (hello.database) {
      const found = q(`SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${hello.database.replace(/'/g, "''")}'`);
      if (!found.rows.length) return fail(1049, '42000', `Unknown database '${hello.database}'`);
      current = hello.database;
    }
    phase = 'ready';
    pc.send(ok());
  }

  async function query(sql) {
    const words = mysqlKeywords(sql);
    if (engine.settings.readOnly && mysqlRefused(words)) {
      const server = engine.settings.engine === 'mariadb' ? 'MariaDB' : 'MySQL';
      return pc.send(err(1290, 'HY000', `The ${server} server is running with the --read-only option so it cannot execute this statement`));
    }
    await acquire(id);
    let inTxn = false;
    try {
      useDb(current);
      // Writes go to the log with their simulated time (point-in-time restore, replicas).
      if (mysqlWrites(words)) {
        counters.writes++;
        logWrite({ db: current, sql });
      } else counters.reads++;
      const res = runMulti(sql);
      const after = q('SELECT DATABASE() d, @@in_transaction t, LAST_INSERT_ID() i').rows[0];
      engineDb = after.d;
      current = after.d;
      inTxn = after.t === '1';
      if (!res.ok) return pc.send(err(res.errno ?? 1105, res.sqlstate ?? 'HY000', res.error ?? 'Unknown error'));
      const results = res.results ?? [res];
      const inserts = /^\s*(insert|replace)\b/i.test(sql.split(';').at(-1) || sql);
      results.forEach((r, i) => {
        const more = i < results.length - 1 ? STATUS.MORE_RESULTS : 0;
        if (r.fields) {
          pc.push(Buffer.from([r.fields.length]));
          r.fields.forEach((name, c) => {
            const [type, charset, flags] = r.types[c];
            pc.push(columnDef({ schema: current ?? '', name, type, charset, flags, length: charset === 63 ? 20 : 1020, decimals: type === 4 || type === 5 ? 31 : 0 }));
          });
          pc.push(eof(status(inTxn)));
          for (const row of r.rows) {
            pc.push(textRow(r.fields.map((f) => {
              const v = row[f];
              return v && typeof v === 'object' ? Buffer.from(v.$h, 'hex') : v;
            })));
          }
          pc.push(eof(status(inTxn) | more));
        } else {
          pc.push(ok({ affected: r.affected ?? 0, insertId: inserts && !more ? Number(after.i) : 0, status: status(inTxn) | more }));
        }
      });
      pc.flush();
    } finally {
      settle(id, inTxn);
    }
  }

  async function handle(p) {
    if (phase === 'auth') {
      hello = parseHandshakeResponse(p);
      if (hello.plugin !== 'mysql_native_password') {
        phase = 'switch';
        return pc.send(authSwitch(scramble));
      }
      return login(hello.token);
    }
    if (phase === 'switch') return login(p);
    const r = new Reader(p);
    const cmd = r.u8();
    switch (cmd) {
      case 0x01: // COM_QUIT
        return socket.end();
      case 0x03: // COM_QUERY
        return query(r.rest().toString('utf8'));
      case 0x02: // COM_INIT_DB
        return query(`USE ${ident(r.rest().toString('utf8'))}`);
      case 0x0e: // COM_PING
      case 0x1f: // COM_RESET_CONNECTION
        return pc.send(ok());
      case 0x04: // COM_FIELD_LIST: no column list for completion
      case 0x1b: // COM_SET_OPTION
        return pc.send(eof());
      case 0x09: // COM_STATISTICS
        return pc.send(Buffer.from(`Uptime: ${Math.round(process.uptime())}  Threads: 1  Questions: 0  Slow queries: 0  Opens: 0  Open tables: 0  Queries per second avg: 0.000`));
      case 0x16: // COM_STMT_PREPARE
        return pc.send(err(1295, 'HY000', 'This command is not supported in the prepared statement protocol yet'));
      default:
        return pc.send(err(1047, '08S01', 'Unknown command'));
    }
  }

  socket.on('close', () => {
    queue = queue.then(() => {
      if (owner === id) {
        run('ROLLBACK');
        settle(id, false);
      }
    });
  });
  pc.send(handshake(id, version, scramble));
}

runEngine({
  async open(dir, config) {
    dataDir = dir;
    setClock(config.clock);
    const data = join(dir, 'mariadb');
    const ready = join(dir, 'nimbus-initialised');
    // A first start killed half-way leaves a datadir MariaDB cannot open: start that one again.
    if (!existsSync(ready)) rmSync(data, { recursive: true, force: true });
    db = await Lite4MariaDB.create({ dataDir: data });
    version = q('SELECT VERSION() v').rows[0].v;
    if (!existsSync(ready)) {
      if (config.dbName) q(`CREATE DATABASE IF NOT EXISTS ${ident(config.dbName)}`);
      writeFileSync(ready, new Date().toISOString());
    }
    try {
      users = JSON.parse(readFileSync(join(dir, 'nimbus-users.json'), 'utf8'));
    } catch {
      users = {};
    }
    if (config.masterUsername && users[config.masterUsername]?.hash !== nativeHash(config.masterPassword ?? '')) {
      setUser(config.masterUsername, config.masterPassword);
    }
    await startHistory(dir, config, applyEntry, () => {
      // A point in time inside a transaction: the transaction was not committed then.
      if (owner === APPLY) {
        run('ROLLBACK');
        settle(APPLY, false);
      }
    });
  },
  connection,
  rpc: {
    setMasterPassword: ({ user, password }) => {
      setUser(user, password);
      return true;
    },
    query: ({ sql }) => q(sql).rows,
    ...historyRpc,
  },
  async close() {
    stopHistory();
    await db?.close();
  },
});
