/** Serves a RedisServer on a real TCP port (127.0.0.1): for `nimbus tunnel`, tests and benchmarks. */
import { createServer, type Server, type Socket } from 'node:net';
import type { RedisServer } from './server';

export function listenTcp(redis: RedisServer, port = 0, host = '127.0.0.1'): Promise<{ server: Server; port: number }> {
  const server = createServer((socket: Socket) => {
    socket.setNoDelay(true);
    const conn = redis.connect(
      (b) => socket.write(b),
      () => socket.end(),
      `${socket.remoteAddress ?? '127.0.0.1'}:${socket.remotePort ?? 0}`,
    );
    socket.on('data', (chunk: Buffer) => conn.feed(chunk));
    socket.on('close', () => conn.end());
    socket.on('error', () => conn.end());
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const addr = server.address();
      ok({ server, port: typeof addr === 'object' && addr ? addr.port : port });
    });
  });
}
