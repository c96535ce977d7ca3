/** One console WebSocket ↔ one contract connection. Frames are JSON text both ways. */
import type { WebSocket } from 'ws';
import type { ContractHost } from '../engine/contract-host';

export function bridge(ws: WebSocket, host: ContractHost): void {
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
