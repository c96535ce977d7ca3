/**
 * The composition root: the only place that builds concrete engine objects. Shells (server,
 * Electron, tests) call createEngine() and talk to the cloud through `call` or the gateway.
 */
import { join } from 'node:path';
import { openStore, type Store } from './store/store';
import { createClock, type Clock } from './clock/clock';
import { loadModel, type LoadedModel } from './models/load';
import { findResourcesDir } from './models/paths';
import { coreMigrations } from './core/migrations';
import { savedClockOffset, saveClockOffset } from './core/clock-state';
import { ensureLabAccount, lookupAccessKey, servicePrincipal, type AccessKeyRecord, type LabAccount } from './core/account';
import { loadRegions, type RegionCatalog } from './core/regions';
import { createDispatcher, type CallEvent } from './core/dispatch';
import type { ServiceProvider } from './core/provider';
import type { Call, Principal } from './protocol/types';
import { createAuthorizer } from './iam/authorize';
import { validateInput as validateHook } from './protocol/validate';
import { authzHooks, providers as allProviders } from './services/registry';
import { createSupervisor, type Supervisor } from './supervisor/index';
import { guestMigrations } from './guest/migrations';
import { createTerminals, refreshAfterCall, type TerminalManager } from './terminals';

export type { CallEvent } from './core/dispatch';
export type { Call, Principal } from './protocol/types';

export interface EngineOptions {
  /** Folder for lab.db and friends; omitted = in-memory database (tests). */
  dataDir?: string;
  resourcesDir?: string;
  clock?: Clock;
  /** Simulated seconds per real second of the lab's own clock (default 1; ignored with `clock`). */
  warp?: number;
  defaultRegion?: string;
  /** Where bugs inside handlers are reported (default: stderr). */
  onInternalError?(error: unknown, event: CallEvent): void;
}

export interface Engine {
  readonly dataDir?: string;
  readonly resourcesDir: string;
  readonly store: Store;
  readonly clock: Clock;
  readonly account: LabAccount;
  readonly regions: RegionCatalog;
  readonly call: Call;
  /** Services that have behaviour in the lab. */
  readonly services: string[];
  model(service: string): LoadedModel;
  lookupAccessKey(accessKeyId: string): AccessKeyRecord | undefined;
  servicePrincipal(service: string): Principal;
  /** Subscribe to the event history as it is written. */
  onEvent(listener: (event: CallEvent) => void): () => void;
  /** Writes queued history rows of reads (they are batched) before the history is read directly. */
  flushEvents(): void;
  /** Guests (the workstation, instances' Linux) and the terminals open on them. */
  readonly terminals: TerminalManager;
  /** Off-thread data planes (database engines, Redis servers, Lambda sandboxes). */
  readonly supervisor: Supervisor;
  close(): void;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const resourcesDir = options.resourcesDir ?? findResourcesDir();
  const providers = new Map<string, ServiceProvider>(allProviders.map((p) => [p.service, p]));
  const store = openStore(options.dataDir ? join(options.dataDir, 'lab.db') : ':memory:', [
    ...coreMigrations,
    ...allProviders.flatMap((p) => p.migrations),
    ...guestMigrations,
  ]);
  // A given clock belongs to the caller (tests step it); the lab's own clock resumes where it left off.
  const clock = options.clock ?? createClock({ start: Date.now() + savedClockOffset(store), ...(options.warp !== undefined ? { warp: options.warp } : {}) });
  const saveClock = options.clock ? undefined : setInterval(() => saveClockOffset(store, clock), 5_000);
  saveClock?.unref();
  const account = ensureLabAccount(store, clock.now());
  const regions = loadRegions(resourcesDir);
  const listeners = new Set<(event: CallEvent) => void>();
  const model = (service: string): LoadedModel => loadModel(resourcesDir, service);

  // The terminals need `call`; the dispatcher tells them about EC2 changes once they exist.
  const terminalsRef: { current?: TerminalManager } = {};
  const { call, flushEvents } = createDispatcher({
    store,
    clock,
    providers,
    model,
    validate: validateHook,
    authorize: createAuthorizer(authzHooks).authorize,
    defaultRegion: options.defaultRegion ?? 'us-east-1',
    onEvent: (event) => {
      if (terminalsRef.current) refreshAfterCall(terminalsRef.current, event);
      for (const l of listeners) l(event);
    },
    onInternalError:
      options.onInternalError ??
      ((error, event) => {
        console.error(`[nimbus] internal error in ${event.service}:${event.operation} (${event.requestId})`, error);
      }),
  });

  // One supervisor for every off-thread data plane; an in-memory lab gets a temporary folder.
  const supervisor = createSupervisor(options.dataDir ? { root: join(options.dataDir, 'engines') } : {});
  for (const p of allProviders) p.start?.({ store, clock, call, dataDir: options.dataDir, manifests: allProviders, supervisor });
  const terminals = createTerminals({
    store,
    clock,
    call,
    resourcesDir,
    accountId: account.accountId,
    defaultRegion: options.defaultRegion ?? 'us-east-1',
    servicePrincipal: (service) => servicePrincipal(account.accountId, service),
    lookupAccessKey: (id) => lookupAccessKey(store, id),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  terminalsRef.current = terminals;

  return {
    dataDir: options.dataDir,
    resourcesDir,
    store,
    clock,
    account,
    regions,
    call,
    services: [...providers.keys()],
    model,
    lookupAccessKey: (id) => lookupAccessKey(store, id),
    servicePrincipal: (service) => servicePrincipal(account.accountId, service),
    flushEvents,
    terminals,
    supervisor,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (saveClock) {
        clearInterval(saveClock);
        saveClockOffset(store, clock);
      }
      terminals.dispose();
      void supervisor.dispose();
      clock.dispose();
      flushEvents();
      store.close();
    },
  };
}

// The shells' way into the wire layer: the server builds the AWS endpoint from these.
export { createGateway } from './protocol/gateway';
export { createAuthenticator } from './protocol/sigv4';
export { listModelServices } from './models/load';
export { findResourcesDir } from './models/paths';
// `nimbus tunnel`: a byte stream to a DB instance's engine (the server's /_lab/tunnel/ upgrade).
export { tunnelTo } from './services/rds';

/**
 * `nimbus tunnel RESOURCE-ID`: the first service whose data plane knows the resource (a DB
 * instance, a cache cluster) opens a stream to it; a string says why not.
 */
export async function openTunnel(resourceId: string): Promise<{ stream: import('node:stream').Duplex; label: string; port: number; service: string; client?: string } | string> {
  for (const p of allProviders) {
    const r = await p.network?.tunnel?.(resourceId);
    if (typeof r === 'string') return r;
    if (r) return { ...r, service: p.service };
  }
  return `nothing in the lab is called ${resourceId} (give a DB instance identifier or a cache cluster id)`;
}
export type { HttpRequest, HttpResponse } from './protocol/types';
