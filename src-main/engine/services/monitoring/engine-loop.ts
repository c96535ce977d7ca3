/**
 * CloudWatch's heartbeat on the simulated clock. Once per simulated minute it asks the registered
 * metric sources for the minute that just ended (EC2 CPU, billing, queue depths...), evaluates every
 * alarm, and starts the actions of the alarms that changed state. Once per simulated hour it applies
 * retention. Ticks run at the minute they were due (the clock runs due jobs in order when it jumps),
 * so an hour stepped at once is sixty ticks.
 */
import type { Clock } from '../../clock/clock';
import type { Store } from '../../store/store';
import type { Call } from '../../protocol/types';
import { allAlarms, addHistory, findAlarm, setState, type Alarm, type AlarmState } from './state/alarms';
import { applyRetention, recordDatum, type Datum } from './state/metrics';
import { evaluate } from './evaluate';
import { noticeOf, runAlarmAction } from './actions';
import type { ServiceProvider } from '../../core/provider';
import { loadRegions } from '../../core/regions';
import { findResourcesDir } from '../../models/paths';

const MINUTE = 60_000;

/** A datum some part of the engine measured, with the account and region it belongs to. */
export interface MetricSample {
  accountId: string;
  region: string;
  namespace: string;
  datum: Datum;
}

/** Called once per simulated minute for [from, to); returns the datapoints it measured. */
export type MetricSource = (env: { store: Store; from: number; to: number }) => MetricSample[] | void;

const sources = new Map<string, MetricSource>();

/** Registers (or replaces) a named metric source. */
export function registerMetricSource(name: string, source: MetricSource): () => void {
  sources.set(name, source);
  return () => {
    if (sources.get(name) === source) sources.delete(name);
  };
}

interface LoopEngine {
  store: Store;
  clock: Clock;
  call?: Call;
  /** Every service's manifest: those that declare `metrics.sample` are sampled each minute. */
  manifests?: readonly ServiceProvider[];
}

const engines = new WeakMap<Store, LoopEngine>();

/** The dispatcher of the engine that owns `store` (for actions started outside the loop). */
export const callFor = (store: Store): Call | undefined => engines.get(store)?.call;

const storesByCall = new WeakMap<Call, Store>();
/** The store of the engine whose dispatcher is `call` (alarm action handlers get only the call). */
export const storeFor = (call: Call): Store | undefined => storesByCall.get(call);

export function startLoop(engine: LoopEngine): void {
  engines.set(engine.store, engine);
  if (engine.call) storesByCall.set(engine.call, engine.store);
  const schedule = (at: number) => engine.clock.at(at, () => tick(engine, at, schedule));
  schedule(Math.floor(engine.clock.now() / MINUTE) * MINUTE + MINUTE);
}

function tick(engine: LoopEngine, at: number, schedule: (at: number) => void): void {
  const { store } = engine;
  if (!store.db.open) return;
  try {
    const changed = store.tx(() => {
      for (const s of manifestSamples(engine, at))
        recordDatum({ store, accountId: s.accountId, region: s.region, clock: engine.clock }, s.namespace, s.datum);
      for (const [name, source] of sources) {
        try {
          for (const s of source({ store, from: at - MINUTE, to: at }) ?? []) {
            recordDatum({ store, accountId: s.accountId, region: s.region, clock: engine.clock }, s.namespace, s.datum);
          }
        } catch (e) {
          console.error(`[nimbus] metric source ${name} failed`, e);
        }
      }
      if (at % 3_600_000 === 0) applyRetention(store, at);
      return evaluateAll(store, at);
    });
    for (const c of changed) startActions(engine, c.alarm, c.oldState, c.value);
  } finally {
    schedule(at + MINUTE);
  }
}

/** Regions the account has called in (refreshed every simulated hour): samplers need not visit all thirty. */
const activeRegions = new WeakMap<Store, { at: number; regions: string[] }>();

function regionsOf(store: Store, account: string, at: number): string[] {
  const cached = activeRegions.get(store);
  if (cached && at - cached.at < 3_600_000) return cached.regions;
  const known = new Set(loadRegions(findResourcesDir()).all.map((r) => r.name));
  const used = (
    store.stmt('SELECT DISTINCT region FROM events WHERE account_id = ?').all(account) as { region: string }[]
  )
    .map((r) => r.region)
    .filter((r) => known.has(r));
  const regions = [...new Set(['us-east-1', ...used])];
  activeRegions.set(store, { at, regions });
  return regions;
}

/** The manifests' own samplers, for the lab account in every region it uses. */
function manifestSamples(engine: LoopEngine, at: number): MetricSample[] {
  const samplers = (engine.manifests ?? []).filter((m) => m.metrics?.sample);
  if (samplers.length === 0) return [];
  const account = (
    engine.store.stmt("SELECT value FROM lab_meta WHERE key = 'account_id'").get() as { value: string } | undefined
  )?.value;
  if (!account) return [];
  const regionNames = regionsOf(engine.store, account, at);
  const out: MetricSample[] = [];
  for (const m of samplers) {
    const spec = m.metrics!;
    for (const region of regionNames) {
      try {
        for (const p of spec.sample!({ store: engine.store }, { accountId: account, region }, at, MINUTE)) {
          out.push({
            accountId: account,
            region,
            namespace: spec.namespace,
            datum: {
              MetricName: p.name,
              Dimensions: Object.entries(p.dimensions).map(([Name, Value]) => ({ Name, Value })),
              Value: p.value,
              Unit: p.unit,
              Timestamp: at - MINUTE,
            },
          });
        }
      } catch (e) {
        console.error(`[nimbus] metrics of ${m.service} failed`, e);
      }
    }
  }
  return out;
}

interface Transition {
  alarm: Alarm;
  oldState: AlarmState;
  value?: number;
}

function evaluateAll(store: Store, at: number): Transition[] {
  const out: Transition[] = [];
  for (const alarm of allAlarms(store)) {
    // An alarm set by SetAlarmState keeps that state until the next period boundary evaluates it.
    const periodMs = (alarm.config.Period ?? 60) * 1000;
    if (at % periodMs !== 0 && alarm.row.state !== 'INSUFFICIENT_DATA') continue;
    const v = evaluate(store, alarm, at);
    if (!v) continue;
    const old = alarm.row.state;
    if (setState(store, alarm, v.state, v.reason, v.reasonData, at))
      out.push({ alarm, oldState: old, value: v.latest });
  }
  return out;
}

/** Runs the actions of a transition that has been committed (never inside the transaction). */
export function startActions(
  engine: { store: Store; call?: Call },
  alarm: Alarm,
  oldState: AlarmState,
  value?: number,
): void {
  const call = engine.call ?? callFor(engine.store);
  if (!call || alarm.row.actions_enabled !== 1) return;
  const c = alarm.config;
  const arns =
    alarm.row.state === 'ALARM' ? c.AlarmActions : alarm.row.state === 'OK' ? c.OKActions : c.InsufficientDataActions;
  if (!arns?.length) return;
  const notice = noticeOf(alarm, oldState, value);
  queueMicrotask(() => {
    for (const arn of arns) {
      void runAlarmAction(call, notice, arn).then((r) => {
        if (!engine.store.db.open) return;
        const now = notice.at;
        engine.store.tx(() => {
          const current = findAlarm(engine.store, notice.accountId, notice.region, notice.alarmName);
          if (current)
            addHistory(engine.store, current.row, now, 'Action', r.summary, {
              actionState: r.ok ? 'Succeeded' : 'Failed',
              stateUpdateTimestamp: now,
              notificationResource: arn,
              publishedMessage: r.summary,
            });
        });
      });
    }
  });
}
