/**
 * What a service folder exports from its index.ts: its manifest (tables, one handler per
 * operation, IAM table, CloudFormation resource types, inventory, metrics; see "Adding a service"
 * in docs/architecture.md).
 * Handlers are synchronous by default and run inside one IMMEDIATE transaction together with the
 * event-history row. A handler that must await (streaming S3 bodies) is wrapped with `streaming()`
 * and commits its own final transaction.
 */
import type { Migration, Store } from '../store/store';
import type { Clock } from '../clock/clock';
import type { Call, RequestContext } from '../protocol/types';
import type { OperationName, ServiceName } from '../models/generated';
import type { ServiceTable } from './iam-table';
import type { InventoryKind } from './inventory';
import type { ServiceMetrics } from './metrics';
import type { ResourceProvider } from './resource-provider';
import type { ServiceNetwork, Supervisor } from './data-planes';

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

/** What a service's `start` gets once the engine is open. */
export interface ServiceStart {
  store: Store;
  clock: Clock;
  /** The dispatcher, for work a service does by itself later (CloudFormation creating a stack's resources). */
  call?: Call;
  /** The lab's data folder (absent for in-memory engines). */
  dataDir?: string;
  /** Every service's manifest (registry order): CloudFormation reads resource types, IAM the tables. */
  manifests?: readonly ServiceProvider[];
  /** The one supervisor of off-thread data planes (database engines, Redis, Lambda sandboxes). */
  supervisor?: Supervisor;
}

/**
 * A service's manifest, the one thing `services/registry.ts` lists. Every piece is declared, even
 * when empty (`cloudformation: {}`, `inventory: []`), so a forgotten piece is a type error and a
 * failing test (test/unit/core/manifest.test.ts) rather than a silent gap.
 */
export interface ServiceProvider {
  /** Service key, as the model folder name ('s3', 'sts', 'ec2'...). */
  service: string;
  /** SQLite tables (`migrations.ts`); each migration declares its scope. */
  migrations: Migration[];
  /** Operation name (exactly as the model) → handler. Build it with `defineService` to check the names. */
  handlers: Readonly<Record<string, Handler>>;
  /** Called once the engine is open (start lifecycle timers, seed defaults, resume work). */
  start?(engine: ServiceStart): void;
  /** What IAM checks per call: action names, resource ARN templates, condition keys (`iam-table.ts`). */
  iam: ServiceTable;
  /** CloudFormation resource type (`AWS::SQS::Queue`) → its provider (`cloudformation.ts`); `{}` for none. */
  cloudformation: Readonly<Record<string, ResourceProvider>>;
  /** What chapter clean-up lists of this service (`inventory.ts`); `[]` when it owns nothing a learner makes. */
  inventory: readonly InventoryKind[];
  /** CloudWatch metrics the service publishes (`metrics.ts`), read by the monitoring service. */
  metrics?: ServiceMetrics;
  /** Names and network interfaces the service's data plane answers on, for guests (`network.ts`). */
  network?: ServiceNetwork;
}

/** Handler table keyed by the generated model's operation names: a misspelled name fails tsc. */
export type HandlersOf<S extends ServiceName> = { readonly [K in OperationName<S>]?: Handler };

/** A manifest whose handler names are checked against the `<Svc>Operations` of the generated model. */
export interface TypedManifest<S extends ServiceName> extends Omit<ServiceProvider, 'service' | 'handlers'> {
  service: S;
  handlers: HandlersOf<S>;
}

/** Declares a service: `export const sqsProvider = defineService({ service: 'sqs', handlers: {…}, … })`. */
export function defineService<S extends ServiceName>(manifest: TypedManifest<S>): ServiceProvider {
  return manifest as ServiceProvider;
}
