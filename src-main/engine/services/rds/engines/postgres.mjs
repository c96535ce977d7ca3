// A PostgreSQL DB instance's engine: PGlite (real PostgreSQL compiled to WebAssembly) in this
// child process, behind a wire-protocol front that does what PGlite's single-user backend does
// not: password authentication against the roles PostgreSQL itself stores (SCRAM verifiers in
// pg_authid), and one connection's transaction at a time over PGlite's single session.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash, createHmac, pbkdf2, timingSafeEqual } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { runEngine } from '../../../supervisor/child-harness.mjs';
import { counters, engine, historyRpc, logWrite, setClock, startHistory, stopHistory } from './binlog.mjs';

let db;
let pgdata;
/** On a read replica, whether the shared session refuses writes right now (off only while the primary's log is applied). */
let readOnlyOn = false;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A fresh cluster costs an initdb (seconds); it is made once into the template folder and copied after that. */
async function prepareCluster(dataDir, templateDir) {
  pgdata = join(dataDir, 'pgdata');
  if (existsSync(join(pgdata, 'PG_VERSION'))) return false;
  rmSync(pgdata, { recursive: true, force: true });
  if (templateDir && !existsSync(join(templateDir, 'PG_VERSION'))) {
    // Half-made templates of engines that were killed (their process is gone) are removed.
    const dir = dirname(templateDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const name of readdirSync(dir)) {
      const m = new RegExp(`^${basename(templateDir)}\\.(\\d+)\\.tmp$`).exec(name);
      if (m && !alive(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
    }
    const tmp = `${templateDir}.${process.pid}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true, mode: 0o700 });
    const fresh = await PGlite.create({ dataDir: tmp });
    await fresh.close();
    try {
      renameSync(tmp, templateDir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another engine made it first
    }
  }
  if (templateDir && existsSync(join(templateDir, 'PG_VERSION'))) cpSync(templateDir, pgdata, { recursive: true });
  return true;
}

const ident = (s) => `"${String(s).replace(/"/g, '""')}"`;
const literal = (s) => `'${String(s).replace(/'/g, "''")}'`;

async function setMaster(user, password) {
  const exists = (await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user])).rows.length > 0;
  await db.exec(`${exists ? 'ALTER' : 'CREATE'} ROLE ${ident(user)} WITH LOGIN SUPERUSER PASSWORD ${literal(password)}`);
}

// ---- SCRAM-SHA-256 verifier check (the client sends its password in a cleartext message) ----
function checkScram(verifier, password) {
  const m = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(verifier ?? '');
  if (!m) return Promise.resolve(false);
  return new Promise((resolve) => {
    pbkdf2(password, Buffer.from(m[2], 'base64'), Number(m[1]), 32, 'sha256', (err, salted) => {
      if (err) return resolve(false);
      const clientKey = createHmac('sha256', salted).update('Client Key').digest();
      const stored = createHash('sha256').update(clientKey).digest();
      const want = Buffer.from(m[3], 'base64');
      resolve(want.length === stored.length && timingSafeEqual(want, stored));
    });
  });
}

// ---- backend messages ----
function msg(type, body) {
  const out = Buffer.alloc(5 + body.length);
  out.write(type, 0, 'latin1');
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}
const int32 = (n) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
function errorResponse(severity, code, message) {
  const f = (k, v) => Buffer.concat([Buffer.from(k, 'latin1'), Buffer.from(v, 'utf8'), Buffer.from([0])]);
  return msg('E', Buffer.concat([f('S', severity), f('V', severity), f('C', code), f('M', message), Buffer.from([0])]));
}

// ---- one session at a time: a connection inside a transaction keeps PGlite until it ends ----
let owner = null;
const waiters = [];
async function exclusive(connId, fn) {
  while (owner !== null && owner !== connId) await new Promise((r) => waiters.push(r));
  owner = connId;
  try {
    return await fn();
  } finally {
    if (!db.isInTransaction()) {
      owner = null;
      for (const w of waiters.splice(0)) w();
    }
  }
}
async function release(connId) {
  if (owner !== connId) return;
  if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => undefined);
  owner = null;
  for (const w of waiters.splice(0)) w();
}

const READ = /^\s*(select|show|explain|values|table)\b/i;
/** One protocol message from a client, on the shared session: logged on a primary, under read-only on a replica. */
async function clientMessage(packet, out) {
  if (engine.settings.readOnly && !readOnlyOn) {
    await db.exec('SET default_transaction_read_only = on');
    readOnlyOn = true;
  }
  const type = String.fromCharCode(packet[0]);
  const text = type === 'Q' ? packet.subarray(5).toString('utf8') : type === 'P' ? packet.subarray(5).toString('utf8').split('\0')[1] ?? '' : '';
  if (type === 'Q' || type === 'P') {
    if (READ.test(text)) counters.reads++;
    else counters.writes++;
  }
  // The whole message stream is the history: replaying it on a copy of the data gives the same database.
  if (!engine.settings.readOnly) logWrite({ b: Buffer.from(packet).toString('base64') });
  await db.execProtocolRawStream(new Uint8Array(packet), { onRawData: out });
}

/** A message from the log (a restore's replay, or a replica following its primary) on the shared session. */
const APPLY = 0;
async function applyEntry(e) {
  await exclusive(APPLY, async () => {
    if (readOnlyOn) {
      await db.exec('SET default_transaction_read_only = off');
      readOnlyOn = false;
    }
    await db.execProtocolRawStream(new Uint8Array(Buffer.from(e.b, 'base64')), { onRawData: () => undefined });
  });
}

let nextConn = 1;
function connection(socket) {
  const id = nextConn++;
  if (engine.settings.maxConnections && counters.connections >= engine.settings.maxConnections) {
    // Said after the startup message, as PostgreSQL does past max_connections.
    socket.once('data', () => socket.end(errorResponse('FATAL', '53300', 'sorry, too many clients already')));
    return;
  }
  counters.connections++;
  socket.once('close', () => counters.connections--);
  let buf = Buffer.alloc(0);
  let phase = 'startup';
  let startup;
  let user = '';
  let busy = Promise.resolve();

  const fail = (code, message) => {
    socket.end(errorResponse('FATAL', code, message));
  };

  async function handle(packet) {
    if (phase === 'startup') {
      const code = packet.readInt32BE(4);
      if (code === 80877103 || code === 80877104) return void socket.write('N'); // no SSL, no GSS encryption
      if (code === 80877102) return void socket.end(); // cancel: not supported
      if (code !== 196608) return fail('08P01', `unsupported frontend protocol ${code >> 16}.${code & 0xffff}`);
      const fields = packet.subarray(8).toString('utf8').split('\0');
      const params = {};
      for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i]) params[fields[i]] = fields[i + 1];
      user = params.user ?? '';
      startup = packet;
      phase = 'password';
      socket.write(msg('R', int32(3))); // AuthenticationCleartextPassword
      return;
    }
    const type = String.fromCharCode(packet[0]);
    if (phase === 'password') {
      if (type !== 'p') return fail('08P01', 'expected password response');
      const password = packet.subarray(5).toString('utf8').replace(/\0$/, '');
      const row = (await exclusive(id, () => db.query('SELECT rolpassword, rolcanlogin FROM pg_authid WHERE rolname = $1', [user]))).rows[0];
      const ok = row && row.rolcanlogin && (await checkScram(row.rolpassword, password));
      if (!ok) return fail('28P01', `password authentication failed for user "${user}"`);
      phase = 'ready';
      await exclusive(id, () => clientMessage(startup, (d) => socket.write(Buffer.from(d))));
      return;
    }
    if (type === 'X') return void socket.end();
    await exclusive(id, () => clientMessage(packet, (d) => socket.write(Buffer.from(d))));
  }

  socket.setNoDelay(true);
  socket.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const typed = phase !== 'startup';
      const need = typed ? 5 : 4;
      if (buf.length < need) break;
      const len = typed ? buf.readInt32BE(1) + 1 : buf.readInt32BE(0);
      if (len < need - 1 || len > 1 << 30) return void socket.destroy();
      if (buf.length < len) break;
      const packet = buf.subarray(0, len);
      buf = buf.subarray(len);
      const wasStartup = phase === 'startup';
      busy = busy.then(() => handle(packet)).catch((err) => {
        process.stderr.write(`pg connection ${id}: ${err?.stack ?? err}\n`);
        socket.destroy();
      });
      // The startup answer decides how the next bytes are framed: wait for it before reading on.
      if (wasStartup) {
        socket.pause();
        busy = busy.then(() => {
          socket.resume();
          if (buf.length) socket.emit('data', Buffer.alloc(0));
        });
        break;
      }
    }
  });
  socket.on('close', () => {
    busy = busy.then(() => release(id));
  });
}

runEngine({
  async open(dir, config) {
    setClock(config.clock);
    const fresh = await prepareCluster(dir, config.templateDir);
    db = await PGlite.create({ dataDir: pgdata });
    const marker = join(dir, 'nimbus-master.json');
    const want = JSON.stringify({ user: config.masterUsername, password: config.masterPassword });
    if (config.masterUsername && (fresh || !existsSync(marker) || readFileSync(marker, 'utf8') !== want)) {
      await setMaster(config.masterUsername, config.masterPassword ?? '');
      writeFileSync(marker, want, { mode: 0o600 });
    }
    // A point in time inside a transaction: the transaction was not committed then.
    await startHistory(dir, config, applyEntry, () => release(APPLY));
  },
  connection,
  rpc: {
    setMasterPassword: async ({ user, password }) => {
      await setMaster(user, password);
      return true;
    },
    query: async ({ sql }) => (await db.query(sql)).rows,
    ...historyRpc,
  },
  async close() {
    stopHistory();
    await db?.close();
  },
});
