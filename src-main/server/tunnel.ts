/**
 * The lab's side of `nimbus tunnel`: an HTTP upgrade on /_lab/tunnel/<resource-id> (behind the
 * console's token) becomes a raw byte stream to the resource's data plane, like an ssh tunnel
 * through a bastion. `?probe=1` answers what the resource is, without opening a stream.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { openTunnel, type Engine } from '../engine/index';

export const TUNNEL_PREFIX = '/_lab/tunnel/';

export async function tunnelUpgrade(engine: Engine, req: IncomingMessage, socket: Duplex, head: Buffer, path: string): Promise<void> {
  const id = decodeURIComponent(path.slice(TUNNEL_PREFIX.length));
  const probe = /[?&]probe=1/.test(req.url ?? '');
  void engine;
  const answer = await openTunnel(id).catch((err: unknown) => (err instanceof Error ? err.message : String(err)));
  if (typeof answer === 'string') {
    socket.end(`HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${answer}\n`);
    return;
  }
  // `engine` keeps the older probe's meaning for RDS (mysql or postgres); `client` is what to type.
  const engineName = answer.service === 'rds' ? (/postgres/i.test(answer.label) ? 'postgres' : 'mysql') : answer.service;
  const info = JSON.stringify({ instance: answer.label, engine: engineName, port: answer.port, ...(answer.client ? { client: answer.client } : {}) });
  if (probe) {
    answer.stream.destroy();
    socket.end(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(info)}\r\nConnection: close\r\n\r\n${info}`);
    return;
  }
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: nimbus-tunnel\r\nConnection: Upgrade\r\nX-Nimbus-Tunnel: ${info}\r\n\r\n`);
  if (head.length) answer.stream.write(head);
  socket.pipe(answer.stream);
  answer.stream.pipe(socket);
  socket.on('close', () => answer.stream.destroy());
  answer.stream.on('close', () => socket.destroy());
  answer.stream.on('error', () => socket.destroy());
}
