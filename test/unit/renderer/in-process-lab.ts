/**
 * A real engine behind the console's contract client, in-process: the same envelopes the
 * WebSocket or IPC would carry, JSON-copied, with no mocks of our own code.
 */
import { createEngine, type Engine } from '../../../src-main/engine';
import { createClock } from '../../../src-main/engine/clock/clock';
import { createContractHost } from '../../../src-main/engine/contract-host';
import { createContractClient, type ContractClient, type Transport } from '../../../src-renderer/contract-client';

export const START = Date.UTC(2026, 0, 15, 10, 30, 0);

export interface InProcessLab {
  engine: Engine;
  client: ContractClient;
  close(): void;
}

export function startInProcessLab(): InProcessLab {
  const engine = createEngine({ clock: createClock({ warp: 0, start: START }) });
  const host = createContractHost(engine, { version: 'test' });
  const listeners: ((m: unknown) => void)[] = [];
  const connection = host.connect((m) => {
    const copy: unknown = JSON.parse(JSON.stringify(m));
    queueMicrotask(() => listeners.forEach((l) => l(copy)));
  });
  const transport: Transport = {
    send: (m) => connection.receive(JSON.parse(JSON.stringify(m))),
    onMessage: (l) => void listeners.push(l),
    onStatus: (l) => queueMicrotask(() => l('open')),
  };
  return {
    engine,
    client: createContractClient(transport),
    close() {
      connection.close();
      engine.close();
    },
  };
}

/** Let queued answers and the store reactions they trigger run. */
export const settle = async (rounds = 5): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};
