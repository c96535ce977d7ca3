/**
 * What a service folder exports from its index.ts: its tables and one handler per operation.
 * Handlers are synchronous by default and run inside one IMMEDIATE transaction together with the
 * event-history row. A handler that must await (streaming S3 bodies) is wrapped with `streaming()`
 * and commits its own final transaction.
 */
import type { Migration, Store } from '../store/store';
import type { Clock } from '../clock/clock';
import type { Call, RequestContext } from '../protocol/types';

export interface Ctx extends RequestContext<Store, Clock> {
  /**
   * A streaming handler's final transaction: the event-history row is written inside it, so the
   * acknowledged write and its record commit together (one commit per call, not two).
   */
  commit<T>(fn: () => T): T;
}

// Typed per operation once the generated model types exist; kept loose at the seam.
export type Input = Record<string, unknown>;
export type Output = Record<string, unknown>;

export type SyncHandler<I = Input, O = Output> = (ctx: Ctx, input: I) => O;
export type StreamingHandler<I = Input, O = Output> = ((ctx: Ctx, input: I) => Promise<O>) & { streaming: true };
export type Handler<I = any, O = any> = SyncHandler<I, O> | StreamingHandler<I, O>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function streaming<I, O>(fn: (ctx: Ctx, input: I) => Promise<O>): StreamingHandler<I, O> {
  return Object.assign(fn, { streaming: true as const });
}

export const isStreaming = (h: Handler): h is StreamingHandler =>
  (h as Partial<StreamingHandler>).streaming === true;

export interface ServiceProvider {
  /** Service key, as the model folder name ('s3', 'sts', 'ec2'...). */
  service: string;
  migrations: Migration[];
  handlers: Record<string, Handler>;
  /**
   * Called once the engine is open (start lifecycle timers, seed defaults). `call` is the dispatcher,
   * for work a service does by itself later (CloudFormation creating a stack's resources);
   * `dataDir` is the lab's data folder (absent for in-memory engines).
   */
  start?(engine: { store: Store; clock: Clock; call?: Call; dataDir?: string }): void;
}
