/**
 * A raw RESP client for tests: sends commands, returns each reply's exact bytes (so two servers can
 * be compared byte for byte) and can split an array reply into its elements' bytes.
 */
import { connect, type Socket } from 'node:net';

/** Length in bytes of the one reply starting at `pos`, or -1 if incomplete. */
export function replyLength(buf: Buffer, pos = 0): number {
  const nl = buf.indexOf('\r\n', pos);
  if (nl < 0) return -1;
  const type = String.fromCharCode(buf[pos]!);
  const head = buf.toString('latin1', pos + 1, nl);
  let p = nl + 2;
  if ('+-:_,#('.includes(type)) return p - pos;
  if (type === '$' || type === '=' || type === '!') {
    const n = Number(head);
    if (n < 0) return p - pos;
    return p + n + 2 <= buf.length ? p + n + 2 - pos : -1;
  }
  if ('*~>%|'.includes(type)) {
    let n = Number(head);
    if (n < 0) return p - pos;
    if (type === '%' || type === '|') n *= 2;
    for (let i = 0; i < n; i++) {
      const len = replyLength(buf, p);
      if (len < 0) return -1;
      p += len;
    }
    return p - pos;
  }
  throw new Error(`bad reply type ${type} in ${buf.toString('latin1', pos, pos + 40)}`);
}

/** The raw bytes of each element of an array reply. */
export function arrayElements(reply: Buffer): Buffer[] {
  const nl = reply.indexOf('\r\n');
  const n = Number(reply.toString('latin1', 1, nl));
  const out: Buffer[] = [];
  let p = nl + 2;
  for (let i = 0; i < n; i++) {
    const len = replyLength(reply, p);
    out.push(reply.subarray(p, p + len));
    p += len;
  }
  return out;
}

export function encodeCommand(args: string[]): Buffer {
  return Buffer.from(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a, 'latin1')}\r\n${a}\r\n`).join('')}`, 'latin1');
}

export class RespClient {
  private buf = Buffer.alloc(0);
  private waiting: ((b: Buffer) => void)[] = [];
  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      for (;;) {
        if (this.buf.length === 0 || this.waiting.length === 0) return;
        const len = replyLength(this.buf);
        if (len < 0) return;
        const reply = this.buf.subarray(0, len);
        this.buf = this.buf.subarray(len);
        this.waiting.shift()!(Buffer.from(reply));
      }
    });
  }

  static open(port: number, host = '127.0.0.1'): Promise<RespClient> {
    return new Promise((ok, fail) => {
      const s = connect(port, host, () => ok(new RespClient(s)));
      s.once('error', fail);
    });
  }

  /** Sends one command; resolves with the raw bytes of its reply. */
  send(args: string[]): Promise<Buffer> {
    return new Promise((ok) => {
      this.waiting.push(ok);
      this.socket.write(encodeCommand(args));
    });
  }

  /** Waits for an unrequested reply (a published message). */
  next(): Promise<Buffer> {
    return new Promise((ok) => {
      this.waiting.push(ok);
      this.socket.emit('data', Buffer.alloc(0));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
