// Types for the plain-JavaScript harness every data-plane program runs on (child-harness.mjs).
import type { Socket } from 'node:net';

export interface EngineProgram {
  open(dataDir: string, config: Record<string, unknown>): Promise<void>;
  connection(socket: Socket, source: { sourceIp: string; sourcePort: number }): void;
  rpc?: Record<string, (args: unknown) => unknown>;
  close?(): Promise<void>;
}

export function runEngine(engine: EngineProgram): void;
