/**
 * RESP, Redis's wire protocol: an incremental request parser (multibulk and inline commands, as
 * redis-server accepts both) and reply encoding for RESP2 and RESP3 (HELLO 3 switches a client).
 * Strings are kept as latin1 ("binary") JS strings, so every byte round-trips unchanged.
 */

export type Reply =
  | { t: 'simple'; s: string }
  | { t: 'err'; s: string }
  | { t: 'int'; n: number }
  | { t: 'bulk'; s: string | null }
  | { t: 'arr'; a: Reply[] | null }
  | { t: 'map'; a: [Reply, Reply][] }
  | { t: 'set'; a: Reply[] }
  | { t: 'double'; n: number }
  | { t: 'verbatim'; s: string }
  | { t: 'push'; a: Reply[] };

export const OK: Reply = { t: 'simple', s: 'OK' };
export const QUEUED: Reply = { t: 'simple', s: 'QUEUED' };
export const NIL: Reply = { t: 'bulk', s: null };
export const NIL_ARRAY: Reply = { t: 'arr', a: null };
export const simple = (s: string): Reply => ({ t: 'simple', s });
export const err = (s: string): Reply => ({ t: 'err', s });
export const int = (n: number | boolean): Reply => ({ t: 'int', n: Number(n) });
export const bulk = (s: string | null | undefined): Reply => ({ t: 'bulk', s: s ?? null });
export const arr = (a: Reply[] | null): Reply => ({ t: 'arr', a });
export const bulks = (a: (string | null)[]): Reply => ({ t: 'arr', a: a.map(bulk) });
export const map = (a: [Reply, Reply][]): Reply => ({ t: 'map', a });
export const double = (n: number): Reply => ({ t: 'double', n });

/** Thrown by command code; becomes an error reply (the text starts with its code: ERR, WRONGTYPE…). */
export class RedisError extends Error {}

/** Redis's own formatting of a double (%.17g, shortest form that round-trips). */
export function formatDouble(n: number): string {
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Number.isNaN(n)) return 'nan';
  if (Number.isInteger(n) && Math.abs(n) < 1e17) return String(n);
  const s = String(n);
  return s.includes('e') ? n.toExponential().replace(/e\+?/, 'e+').replace('e+-', 'e-') : s;
}

function encodeTo(out: string[], r: Reply, resp3: boolean): void {
  switch (r.t) {
    case 'simple':
      out.push(`+${r.s}\r\n`);
      return;
    case 'err':
      out.push(`-${r.s}\r\n`);
      return;
    case 'int':
      out.push(`:${r.n}\r\n`);
      return;
    case 'bulk':
      out.push(r.s === null ? (resp3 ? '_\r\n' : '$-1\r\n') : `$${r.s.length}\r\n${r.s}\r\n`);
      return;
    case 'verbatim':
      if (resp3) out.push(`=${r.s.length + 4}\r\ntxt:${r.s}\r\n`);
      else out.push(`$${r.s.length}\r\n${r.s}\r\n`);
      return;
    case 'double':
      if (resp3) out.push(`,${formatDouble(r.n)}\r\n`);
      else {
        const s = formatDouble(r.n);
        out.push(`$${s.length}\r\n${s}\r\n`);
      }
      return;
    case 'arr':
    case 'set':
    case 'push':
      if (r.a === null) {
        out.push(resp3 ? '_\r\n' : '*-1\r\n');
        return;
      }
      out.push(`${resp3 && r.t === 'set' ? '~' : resp3 && r.t === 'push' ? '>' : '*'}${r.a.length}\r\n`);
      for (const x of r.a) encodeTo(out, x, resp3);
      return;
    case 'map':
      out.push(resp3 ? `%${r.a.length}\r\n` : `*${r.a.length * 2}\r\n`);
      for (const [k, v] of r.a) {
        encodeTo(out, k, resp3);
        encodeTo(out, v, resp3);
      }
      return;
  }
}

const OK_BYTES = Buffer.from('+OK\r\n');
const NIL2_BYTES = Buffer.from('$-1\r\n');

export function encode(r: Reply, resp3 = false): Buffer {
  // The commonest replies skip the general path (they dominate pipelined SET/GET/INCR traffic).
  if (r === OK) return OK_BYTES;
  if (r.t === 'int') return Buffer.from(`:${r.n}\r\n`, 'latin1');
  if (r.t === 'bulk') {
    if (r.s === null) return resp3 ? Buffer.from('_\r\n') : NIL2_BYTES;
    return Buffer.from(`$${r.s.length}\r\n${r.s}\r\n`, 'latin1');
  }
  const out: string[] = [];
  encodeTo(out, r, resp3);
  return Buffer.from(out.join(''), 'latin1');
}

const MAX_BULK = 512 * 1024 * 1024;
const MAX_INLINE = 64 * 1024;

/**
 * Feeds bytes in, yields complete commands (arrays of latin1 strings). A protocol error ends the
 * connection after its error reply, as redis-server does.
 */
export class RequestParser {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;

  feed(chunk: Buffer): void {
    this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), chunk]) : chunk;
    this.pos = 0;
  }

  /** The next whole command, undefined when more bytes are needed; throws RedisError on bad input. */
  next(): string[] | undefined {
    for (;;) {
      if (this.pos >= this.buf.length) return undefined;
      if (this.buf[this.pos] === 0x2a /* '*' */) return this.multibulk();
      const cmd = this.inline();
      if (cmd === undefined) return undefined;
      if (cmd.length > 0) return cmd;
      // An empty inline line is skipped, as redis-server does.
    }
  }

  private line(from: number): { text: string; end: number } | undefined {
    const nl = this.buf.indexOf(0x0a, from);
    if (nl < 0) return undefined;
    const stop = nl > from && this.buf[nl - 1] === 0x0d ? nl - 1 : nl;
    return { text: this.buf.toString('latin1', from, stop), end: nl + 1 };
  }

  private inline(): string[] | undefined {
    const l = this.line(this.pos);
    if (!l) {
      if (this.buf.length - this.pos > MAX_INLINE) throw new RedisError('ERR Protocol error: too big inline request');
      return undefined;
    }
    this.pos = l.end;
    return splitInline(l.text);
  }

  private multibulk(): string[] | undefined {
    const head = this.line(this.pos + 1);
    if (!head) return undefined;
    const count = Number(head.text);
    if (!Number.isInteger(count) || count > 1024 * 1024) throw new RedisError('ERR Protocol error: invalid multibulk length');
    let p = head.end;
    const args: string[] = [];
    for (let i = 0; i < count; i++) {
      if (p >= this.buf.length) return undefined;
      if (this.buf[p] !== 0x24 /* '$' */) {
        throw new RedisError(`ERR Protocol error: expected '$', got '${String.fromCharCode(this.buf[p]!)}'`);
      }
      const lenLine = this.line(p + 1);
      if (!lenLine) return undefined;
      const len = Number(lenLine.text);
      if (!Number.isInteger(len) || len < 0 || len > MAX_BULK) throw new RedisError('ERR Protocol error: invalid bulk length');
      if (lenLine.end + len + 2 > this.buf.length) return undefined;
      args.push(this.buf.toString('latin1', lenLine.end, lenLine.end + len));
      p = lenLine.end + len + 2;
    }
    this.pos = p;
    return count <= 0 ? this.next() : args;
  }
}

/** Inline commands split like redis-cli's sdssplitargs: spaces, "double" and 'single' quotes. */
export function splitInline(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let cur = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) {
          const c = line[++i]!;
          if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(line.slice(i + 1, i + 3))) {
            cur += String.fromCharCode(parseInt(line.slice(i + 1, i + 3), 16));
            i += 2;
          } else cur += ({ n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' } as Record<string, string>)[c] ?? c;
        } else cur += line[i];
        i++;
      }
      if (line[i] !== '"') throw new RedisError('ERR Protocol error: unbalanced quotes in request');
      i++;
    } else if (line[i] === "'") {
      i++;
      while (i < line.length && line[i] !== "'") {
        if (line[i] === '\\' && line[i + 1] === "'") i++;
        cur += line[i++];
      }
      if (line[i] !== "'") throw new RedisError('ERR Protocol error: unbalanced quotes in request');
      i++;
    } else {
      while (i < line.length && !/\s/.test(line[i]!)) cur += line[i++];
    }
    out.push(cur);
  }
  return out;
}
