/**
 * Builds the chapter runtime for an engine (one per engine, shared by the console's contract host
 * and the `nimbus chapters` command). This is where the labs' injected pieces are wired: the
 * dispatcher, which operations have behaviour (the providers' handler tables), the event history
 * (core table), the workstation/instance shells over the engine's terminals (lab-machines.ts) and the
 * network model.
 */
import type { Engine } from '../index';
import { providers } from '../services/registry';
import { createLabs, type Labs } from '../labs/runtime';
import { CHAPTERS } from '../labs/chapters/index';
import type { HistoryRow, LabMachines, LabNetwork } from '../labs/types';
import type { Ctx } from '../core/provider';
import { explainReachability } from '../services/ec2/state/network-world';
import { WORKSTATION_IP } from '../network/world';
import { requestId } from '../ids';
import { labMachines } from './lab-machines';
import { labPrograms } from './lab-programs';

export interface LabsOptions {
  machines?: LabMachines;
  network?: LabNetwork;
  recheckDelayMs?: number;
}

interface EventRow {
  time: number;
  region: string;
  source: string;
  principal_arn: string;
  service: string;
  operation: string;
  error_code: string | null;
  user_agent: string | null;
  request_parameters: string | null;
}

const runtimes = new WeakMap<Engine, Labs>();
/** Where the engine's AWS endpoint listens, once a shell serves it (programs reach the lab there). */
const endpoints = new WeakMap<Engine, () => string | undefined>();

/** The shell that serves the engine's AWS endpoint says where (createContractHost's `endpoint`). */
export function setLabsEndpoint(engine: Engine, endpoint: () => string | undefined): void {
  endpoints.set(engine, endpoint);
}

export function labsFor(engine: Engine, options: LabsOptions = {}): Labs {
  let labs = runtimes.get(engine);
  if (labs) return labs;
  // The workstation and instance shells (checks run commands in the background; "Show me" types).
  const ownMachines = options.machines ? undefined : labMachines(engine.terminals);
  const handlers = new Map(providers.map((p) => [p.service, p.handlers]));
  const history = engine.store.stmt(
    `SELECT time, region, source, principal_arn, service, operation, error_code, user_agent, request_parameters
       FROM events WHERE account_id = ? AND time >= ? AND source <> 'internal' ORDER BY id`,
  );
  labs = createLabs(
    {
      store: engine.store,
      clock: engine.clock,
      call: engine.call,
      accountId: engine.account.accountId,
      root: engine.account.root,
      resourcesDir: engine.resourcesDir,
      dataDir: engine.dataDir,
      regions: engine.regions.all.filter((r) => !r.optIn).map((r) => r.name),
      hasOperation: (service, operation) => Object.hasOwn(handlers.get(service) ?? {}, operation),
      onEvent: (listener) =>
        engine.onEvent((e) => {
          if (e.source !== 'internal') listener();
        }),
      history: (since) => {
        engine.flushEvents();
        return (history.all(engine.account.accountId, since) as EventRow[]).map(
          (r): HistoryRow => ({
            time: r.time,
            region: r.region,
            source: r.source,
            principalArn: r.principal_arn,
            service: r.service,
            operation: r.operation,
            errorCode: r.error_code ?? undefined,
            userAgent: r.user_agent ?? undefined,
            parameters: parseParameters(r.request_parameters),
          }),
        );
      },
      // Lifecycles scheduled on the clock are rebuilt from the restored rows.
      afterRestore: () => {
        for (const p of providers) p.start?.({ store: engine.store, clock: engine.clock, call: engine.call, dataDir: engine.dataDir });
      },
      machines: options.machines ?? ownMachines,
      programs: labPrograms(engine.resourcesDir, () => endpoints.get(engine)?.()),
      network: options.network ?? networkOf(engine),
      recheckDelayMs: options.recheckDelayMs,
    },
    CHAPTERS,
  );
  if (ownMachines) {
    const dispose = labs.dispose;
    labs.dispose = () => {
      ownMachines.dispose();
      dispose();
    };
  }
  runtimes.set(engine, labs);
  return labs;
}

function parseParameters(text: string | null): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The network model's answer for the labs. The model reads EC2's tables directly (it is the same
 * read the guest's ssh/curl/ping use), so it gets a read-only context for the account and region.
 */
function networkOf(engine: Engine): LabNetwork {
  return {
    workstationIp: WORKSTATION_IP,
    async reach(q) {
      const ctx: Ctx = {
        requestId: requestId(),
        accountId: engine.account.accountId,
        region: q.region,
        service: 'ec2',
        operation: 'ExplainReachability',
        principal: engine.account.root,
        source: 'internal',
        store: engine.store,
        clock: engine.clock,
        call: engine.call,
        commit: (fn) => fn(),
      };
      const from = q.from.kind === 'workstation' ? { kind: 'workstation' as const } : { kind: 'instance' as const, instanceId: q.from.instanceId };
      const r = explainReachability(ctx, {
        from,
        to: { kind: 'instance', instanceId: q.toInstanceId },
        protocol: q.protocol,
        port: q.protocol === 'icmp' ? 8 : (q.port ?? 0),
      });
      // On success, the security-group hop says which rule lets the traffic in.
      if (r.ok) return { reachable: true, reason: r.path.filter((h) => h.kind === 'security-group').map((h) => h.note).join('; ') };
      return { reachable: false, reason: r.reason.message.replace(/\.$/, '') };
    },
  };
}
