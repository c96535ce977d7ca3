// The MySQL client/server protocol, server side, as far as the mysql/mariadb command-line
// clients and client libraries need it: handshake with mysql_native_password, OK/ERR/EOF packets,
// text result sets. (Plain JavaScript: it runs in the engine's child process.)
import { createHash, randomBytes } from 'node:crypto';

export const CLIENT = {
  LONG_PASSWORD: 0x1,
  FOUND_ROWS: 0x2,
  LONG_FLAG: 0x4,
  CONNECT_WITH_DB: 0x8,
  PROTOCOL_41: 0x200,
  TRANSACTIONS: 0x2000,
  SECURE_CONNECTION: 0x8000,
  MULTI_STATEMENTS: 0x10000,
  MULTI_RESULTS: 0x20000,
  PS_MULTI_RESULTS: 0x40000,
  PLUGIN_AUTH: 0x80000,
  CONNECT_ATTRS: 0x100000,
  PLUGIN_AUTH_LENENC_CLIENT_DATA: 0x200000,
};
export const SERVER_CAPABILITIES =
  CLIENT.LONG_PASSWORD | CLIENT.FOUND_ROWS | CLIENT.LONG_FLAG | CLIENT.CONNECT_WITH_DB | CLIENT.PROTOCOL_41 |
  CLIENT.TRANSACTIONS | CLIENT.SECURE_CONNECTION | CLIENT.MULTI_STATEMENTS | CLIENT.MULTI_RESULTS |
  CLIENT.PS_MULTI_RESULTS | CLIENT.PLUGIN_AUTH | CLIENT.CONNECT_ATTRS | CLIENT.PLUGIN_AUTH_LENENC_CLIENT_DATA;
export const STATUS = { IN_TRANS: 0x1, AUTOCOMMIT: 0x2, MORE_RESULTS: 0x8 };
const UTF8MB4_GENERAL_CI = 45;

const sha1 = (...parts) => {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** What mysql.user keeps for mysql_native_password: SHA1(SHA1(password)), hex. */
export const nativeHash = (password) => (password ? sha1(sha1(Buffer.from(password, 'utf8'))).toString('hex').toUpperCase() : '');

/** Checks a client's scrambled answer against the stored double SHA1 without knowing the password. */
export function checkNative(hashHex, scramble, token) {
  if (!hashHex) return token.length === 0;
  if (token.length !== 20) return false;
  const hash2 = Buffer.from(hashHex, 'hex');
  const mask = sha1(scramble, hash2);
  const hash1 = Buffer.alloc(20);
  for (let i = 0; i < 20; i++) hash1[i] = token[i] ^ mask[i];
  return sha1(hash1).equals(hash2);
}

export function lenenc(n) {
  if (n < 251) return Buffer.from([n]);
  if (n < 0x10000) return Buffer.from([0xfc, n & 0xff, n >> 8]);
  if (n < 0x1000000) return Buffer.from([0xfd, n & 0xff, (n >> 8) & 0xff, n >> 16]);
  const b = Buffer.alloc(9);
  b[0] = 0xfe;
  b.writeBigUInt64LE(BigInt(n), 1);
  return b;
}
const lenencStr = (s) => {
  const b = Buffer.isBuffer(s) ? s : Buffer.from(String(s), 'utf8');
  return Buffer.concat([lenenc(b.length), b]);
};

export class Reader {
  constructor(buf) {
    this.buf = buf;
    this.pos = 0;
  }
  u8() {
    return this.buf[this.pos++];
  }
  u16() {
    const v = this.buf.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }
  u32() {
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  skip(n) {
    this.pos += n;
  }
  cstr() {
    const end = this.buf.indexOf(0, this.pos);
    const stop = end < 0 ? this.buf.length : end;
    const s = this.buf.subarray(this.pos, stop);
    this.pos = stop + 1;
    return s;
  }
  lenenc() {
    const first = this.u8();
    if (first < 0xfb) return first;
    if (first === 0xfc) return this.u16();
    if (first === 0xfd) {
      const v = this.buf.readUIntLE(this.pos, 3);
      this.pos += 3;
      return v;
    }
    const v = Number(this.buf.readBigUInt64LE(this.pos));
    this.pos += 8;
    return v;
  }
  bytes(n) {
    const s = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  rest() {
    return this.buf.subarray(this.pos);
  }
  get done() {
    return this.pos >= this.buf.length;
  }
}

/** Frames packets both ways for one connection (3-byte length, sequence id). */
export class PacketConn {
  constructor(socket, onPacket) {
    this.socket = socket;
    this.seq = 0;
    this.out = [];
    let buf = Buffer.alloc(0);
    let pending = [];
    socket.on('data', (chunk) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      while (buf.length >= 4) {
        const len = buf.readUIntLE(0, 3);
        if (buf.length < 4 + len) break;
        this.seq = (buf[3] + 1) & 0xff;
        pending.push(buf.subarray(4, 4 + len));
        buf = buf.subarray(4 + len);
        if (len < 0xffffff) {
          const payload = pending.length === 1 ? pending[0] : Buffer.concat(pending);
          pending = [];
          onPacket(payload);
        }
      }
    });
  }
  /** Queues one packet (split at 16 MB as the protocol wants); flush() writes them in one go. */
  push(payload) {
    for (let off = 0; ; off += 0xffffff) {
      const part = payload.subarray(off, off + 0xffffff);
      const head = Buffer.alloc(4);
      head.writeUIntLE(part.length, 0, 3);
      head[3] = this.seq;
      this.seq = (this.seq + 1) & 0xff;
      this.out.push(head, part);
      if (part.length < 0xffffff) break;
    }
  }
  flush() {
    if (this.out.length && this.socket.writable) this.socket.write(Buffer.concat(this.out));
    this.out = [];
  }
  send(payload) {
    this.push(payload);
    this.flush();
  }
}

export function handshake(connectionId, serverVersion, scramble) {
  const caps = Buffer.alloc(4);
  caps.writeUInt32LE(SERVER_CAPABILITIES);
  const id = Buffer.alloc(4);
  id.writeUInt32LE(connectionId);
  return Buffer.concat([
    Buffer.from([10]),
    Buffer.from(serverVersion + '\0', 'latin1'),
    id,
    scramble.subarray(0, 8),
    Buffer.from([0]),
    caps.subarray(0, 2),
    Buffer.from([UTF8MB4_GENERAL_CI]),
    Buffer.from([STATUS.AUTOCOMMIT, 0]),
    caps.subarray(2, 4),
    Buffer.from([21]),
    Buffer.alloc(10),
    scramble.subarray(8, 20),
    Buffer.from([0]),
    Buffer.from('mysql_native_password\0', 'latin1'),
  ]);
}

export const newScramble = () => {
  // Printable bytes, no NUL: some clients read the scramble as a C string.
  const b = randomBytes(20);
  for (let i = 0; i < 20; i++) b[i] = 0x21 + (b[i] % 94);
  return b;
};

export function parseHandshakeResponse(payload) {
  const r = new Reader(payload);
  const caps = r.u32();
  r.skip(4 + 1 + 23);
  const user = r.cstr().toString('utf8');
  let token;
  if (caps & CLIENT.PLUGIN_AUTH_LENENC_CLIENT_DATA) token = r.bytes(r.lenenc());
  else if (caps & CLIENT.SECURE_CONNECTION) token = r.bytes(r.u8());
  else token = r.cstr();
  let database = null;
  if (caps & CLIENT.CONNECT_WITH_DB && !r.done) {
    database = r.cstr().toString('utf8') || null;
  }
  let plugin = 'mysql_native_password';
  if (caps & CLIENT.PLUGIN_AUTH && !r.done) plugin = r.cstr().toString('latin1') || plugin;
  return { caps, user, token: Buffer.from(token), database, plugin };
}

export const authSwitch = (scramble) =>
  Buffer.concat([Buffer.from([0xfe]), Buffer.from('mysql_native_password\0', 'latin1'), scramble, Buffer.from([0])]);

export function ok({ affected = 0, insertId = 0, status = STATUS.AUTOCOMMIT, warnings = 0, info = '' } = {}) {
  const sw = Buffer.alloc(4);
  sw.writeUInt16LE(status, 0);
  sw.writeUInt16LE(warnings, 2);
  return Buffer.concat([Buffer.from([0]), lenenc(affected), lenenc(insertId), sw, Buffer.from(info, 'utf8')]);
}

export function err(code, sqlState, message) {
  const c = Buffer.alloc(2);
  c.writeUInt16LE(code);
  return Buffer.concat([Buffer.from([0xff]), c, Buffer.from(`#${sqlState}`, 'latin1'), Buffer.from(message, 'utf8')]);
}

export function eof(status = STATUS.AUTOCOMMIT, warnings = 0) {
  const b = Buffer.alloc(5);
  b[0] = 0xfe;
  b.writeUInt16LE(warnings, 1);
  b.writeUInt16LE(status, 3);
  return b;
}

/** A column definition (Protocol::ColumnDefinition41); type/charset/flags come from the engine. */
export function columnDef({ schema = '', table = '', name, type, charset, flags, length = 0, decimals = 0 }) {
  const fixed = Buffer.alloc(13);
  fixed[0] = 0x0c;
  fixed.writeUInt16LE(charset, 1);
  fixed.writeUInt32LE(length, 3);
  fixed[7] = type;
  fixed.writeUInt16LE(flags & 0xffff, 8);
  fixed[10] = decimals;
  return Buffer.concat([lenencStr('def'), lenencStr(schema), lenencStr(table), lenencStr(table), lenencStr(name), lenencStr(name), fixed]);
}

export function textRow(values) {
  return Buffer.concat(values.map((v) => (v === null || v === undefined ? Buffer.from([0xfb]) : lenencStr(v))));
}
