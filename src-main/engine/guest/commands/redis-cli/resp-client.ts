/**
 * The client half of RESP for redis-cli: commands out as multibulk, replies in as a tree. Guests
 * speak to a Redis node over a byte stream, the way the real client does over TCP.
 */
import type { Duplex } from 'node:stream';

export type RespReply =
  | { t: 'status'; s: string }
  | { t: 'error'; s: string }
  | { t: 'int'; n: string }
  | { t: 'bulk'; s: string | null }
  | { t: 'array'; a: RespReply[] | null };

/** Parses one reply at `pos`; undefined when the buffer holds only part of it. */
export function parseReply(buf: Buffer, pos: number): { reply: RespReply; end: number } | undefined {
  const nl = buf.indexOf('\r\n', pos);
  if (nl < 0) return undefined;
  const type = String.fromCharCode(buf[pos]!);
  const head = buf.toString('latin1', pos + 1, nl);
  const next = nl + 2;
  switch (type) {
    case '+':
      return { reply: { t: 'status', s: head }, end: next };
    case '-':
      return { reply: { t: 'error', s: head }, end: next };
    case ':':
      return { reply: { t: 'int', n: head }, end: next };
    case '$': {
      const n = Number(head);
      if (n < 0) return { reply: { t: 'bulk', s: null }, end: next };
      if (next + n + 2 > buf.length) return undefined;
      return { reply: { t: 'bulk', s: buf.toString('latin1', next, next + n) }, end: next + n + 2 };
    }
    case '*': {
      const n = Number(head);
      if (n < 0) return { reply: { t: 'array', a: null }, end: next };
      const items: RespReply[] = [];
      let p = next;
      for (let i = 0; i < n; i++) {
        const r = parseReply(buf, p);
        if (!r) return undefined;
        items.push(r.reply);
        p = r.end;
      }
      return { reply: { t: 'array', a: items }, end: p };
    }
    default:
      return { reply: { t: 'error', s: `Protocol error, got "${type}" as reply type byte` }, end: buf.length };
  }
}

export const encodeCommand = (args: string[]): Buffer =>
  Buffer.from(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a, 'latin1')}\r\n${a}\r\n`).join('')}`, 'latin1');

/** One connection: send a command, await its reply; `next()` waits for pushed messages (SUBSCRIBE). */
export class RespConnection {
  private buf: Buffer = Buffer.alloc(0);
  private readonly waiting: ((r: RespReply | null) => void)[] = [];
  private closed = false;

  constructor(private readonly stream: Duplex) {
    stream.on('data', (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      this.drain();
    });
    const end = () => {
      this.closed = true;
      for (const w of this.waiting.splice(0)) w(null);
    };
    stream.on('end', end);
    stream.on('close', end);
    stream.on('error', end);
  }

  private drain(): void {
    while (this.waiting.length > 0 && this.buf.length > 0) {
      const r = parseReply(this.buf, 0);
      if (!r) return;
      this.buf = this.buf.subarray(r.end);
      this.waiting.shift()!(r.reply);
    }
  }

  /** The next reply, or null when the server closed the connection. */
  next(): Promise<RespReply | null> {
    if (this.closed && this.buf.length === 0) return Promise.resolve(null);
    return new Promise((ok) => {
      this.waiting.push(ok);
      this.drain();
    });
  }

  send(args: string[]): Promise<RespReply | null> {
    if (this.closed) return Promise.resolve(null);
    this.stream.write(encodeCommand(args));
    return this.next();
  }

  close(): void {
    this.closed = true;
    this.stream.destroy();
  }
}
