/**
 * A lab server in this test's own process (createEngine + createLabServer on a free port), for wire
 * tests that need many raw requests quickly: the same server `nimbus serve` runs, without a child.
 * It has the RunningLab fields signedFetch() uses.
 */
import { createEngine, type Engine } from '../../src-main/engine/index';
import { createLabServer, type LabServer } from '../../src-main/server/server';
import type { LabCredentials } from './lab';

export interface InProcessLab {
  engine: Engine;
  server: LabServer;
  endpoint: string;
  port: number;
  credentials: LabCredentials;
  stop(): Promise<void>;
}

export async function startInProcessLab(options: Parameters<typeof createEngine>[0] = {}): Promise<InProcessLab> {
  const engine = createEngine(options);
  const server = await createLabServer({ engine, port: 0, host: '127.0.0.1', noToken: true });
  return {
    engine,
    server,
    endpoint: server.url,
    port: server.port,
    credentials: { accessKeyId: engine.account.rootAccessKeyId, secretAccessKey: engine.account.rootSecretAccessKey },
    async stop() {
      await server.close();
      engine.close();
    },
  };
}
