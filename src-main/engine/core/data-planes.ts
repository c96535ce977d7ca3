/**
 * The off-thread data planes as services see them (a database engine, a Redis server, a Lambda
 * sandbox in a child process; engine/supervisor runs them). Declared here, below the services and
 * the supervisor alike, so a service's `start` can be handed the supervisor without importing it.
 */
import type { Duplex } from 'node:stream';

export interface EngineSpec {
  /** Stable id, also the data folder name: `<data dir>/engines/<id>/` (letters, digits, `-`, `_`, `.`). */
  id: string;
  /** Absolute path of the child's entry (a plain `.mjs` built on `child-harness.mjs`). */
  program: string;
  /** JSON handed to the program's `open` (credentials, engine version, template folder...). */
  config?: Record<string, unknown>;
  /** Memory bound in MB: the child's JS heap cap and the RSS watchdog's limit (default 1024). */
  memoryMb?: number;
  /** Stop the child after this long without an open stream or call (wall clock; default 5 min). */
  idleMs?: number;
  /** Give up starting after this long (default 60 s). */
  startTimeoutMs?: number;
}

export type EngineState = 'stopped' | 'starting' | 'running' | 'stopping' | 'crashed';

export interface EngineStatus {
  id: string;
  state: EngineState;
  pid?: number;
  /** Wall-clock ms the last start took (fork to ready). */
  startMs?: number;
  /** Last resident set size the child reported, in MB. */
  rssMb?: number;
  /** Crashes since it was defined (a crash restarts the engine on its next use). */
  crashes: number;
  /** Open streams right now. */
  streams: number;
  lastError?: string;
}

/** Who opened a stream: written as a PROXY protocol v1 line before the first byte, so the engine sees the guest's address. */
export interface StreamSource {
  sourceIp: string;
  sourcePort?: number;
  destIp?: string;
  destPort?: number;
}

export interface Supervisor {
  /** The folder holding every engine's data. */
  readonly root: string;
  /** Registers (or updates) an engine; nothing starts until it is used. */
  define(spec: EngineSpec): void;
  has(id: string): boolean;
  /** A duplex byte stream to the engine, starting it first when needed. */
  connect(id: string, source?: StreamSource): Promise<Duplex>;
  /** A control call answered by the program's `rpc` table (starts the engine when needed). */
  request<T = unknown>(id: string, method: string, args?: unknown): Promise<T>;
  start(id: string): Promise<void>;
  /** Graceful stop (the program closes its files); the engine starts again on next use. */
  stop(id: string): Promise<void>;
  /** Stops and forgets an engine; `deleteData` removes its folder too. */
  remove(id: string, options?: { deleteData?: boolean }): Promise<void>;
  status(id: string): EngineStatus | undefined;
  /** The engine's data folder (created on demand). */
  dataDir(id: string): string;
  /** Stops every engine (the lab is closing). */
  dispose(): Promise<void>;
  /** Called on state changes, for logs and the console. */
  onChange?: (status: EngineStatus) => void;
}

/**
 * A service's place in the guests' network (its manifest's `network`): DNS names it answers and the
 * network interfaces behind which its data plane listens. The guests' network (terminals/network.ts)
 * asks the network model first, so security groups, NACLs and routes apply as to any instance.
 */
export interface ServiceEndpoint {
  service: string;
  accountId: string;
  region: string;
  vpcId: string;
  /** The EC2 network interface the endpoint sits behind (the network model's `interface` endpoint). */
  eniId: string;
  /** Ports something listens on; another port is refused. */
  ports: readonly number[];
  /** A byte stream to the data plane; `source` is the connecting guest's address. */
  open(port: number, source: { ip: string; port?: number }): Promise<Duplex>;
}

export interface ServiceNetwork {
  /**
   * A DNS name this service answers (`x.abc.0001.use1.cache.amazonaws.com`) → private address.
   * `from` is the asking instance, for names that answer per zone (EFS: the mount target of its zone).
   */
  resolve(name: string, from?: { accountId: string; region: string; availabilityZone: string; vpcIds: readonly string[] }): string | undefined;
  /** The endpoint at a private address, if this service owns it (scope: the caller's account and region). */
  at(address: string, scope?: { accountId: string; region: string }): ServiceEndpoint | undefined;
  /**
   * `nimbus tunnel RESOURCE-ID`: a stream to the resource's data plane from the learner's own computer,
   * as through a bastion (no security group applies). undefined: not this service's; a string: why not.
   */
  tunnel?(resourceId: string): Promise<{ stream: Duplex; label: string; port: number; client?: string } | string | undefined>;
  /**
   * A public HTTP endpoint of the service on the internet side (an S3 website endpoint) at this address:
   * reached through the VPC's route to the internet, answered by the returned handler.
   */
  internetHttp?(address: string): ((req: HttpRequestLike) => Promise<HttpResponseLike>) | undefined;
}

/** The HTTP shapes guests send and receive (guest/types.ts HttpRequestIn / HttpResponseOut fit them). */
export interface HttpRequestLike {
  method: string;
  path: string;
  host: string;
  headers: Record<string, string>;
  body?: string;
}
export interface HttpResponseLike {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}
