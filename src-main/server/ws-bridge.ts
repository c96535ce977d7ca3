/** One console WebSocket ↔ one contract connection. Frames are JSON text both ways. */
import type { WebSocket, WebSocketServer } from 'ws';
import type { ContractHost } from '../engine/contract-host';

const alive = new WeakSet<WebSocket>();

/**
 * Pings every console socket each `everyMs`; one that has not answered the previous ping (a laptop
 * lid closed, a network gone without a FIN) is terminated, so its connection closes and the
 * terminals only it held are reaped. Returns the stop function.
 */
export function heartbeat(wss: WebSocketServer, everyMs: number): () => void {
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function bridge(ws: WebSocket, host: ContractHost): void {
  alive.add(ws);
  ws.on('pong', () => alive.add(ws));
  const conn = host.connect((message) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  });
  ws.on('message', (data, isBinary) => {
    // The contract host parses text and answers garbage with an error envelope.
    conn.receive(isBinary ? undefined : data.toString());
  });
  ws.on('close', () => conn.close());
  ws.on('error', () => ws.terminate());
}
