/**
 * Health checks on the simulated clock. One clock job per engine wakes every few simulated
 * seconds, finds the targets whose next check is due (in groups a listener uses, health checks
 * enabled), and runs each check through the data plane's prober (registered by the guests' network,
 * which can reach web servers); the result moves the target's state (state/targets.ts).
 */
import type { Clock } from '../../clock/clock';
import type { Ctx } from '../../core/provider';
import type { Store } from '../../store/store';
import { elbCtx } from './state/context';
import { findTargetGroup, type TargetGroupRow } from './state/target-groups';
import { expireDraining, recordProbe, type ProbeResult, type TargetRow } from './state/targets';

export type Prober = (ctx: Ctx, tg: TargetGroupRow, target: TargetRow) => Promise<ProbeResult | undefined>;

const TICK_MS = 5_000;
const probers = new WeakMap<Store, Prober>();
const inFlight = new WeakMap<Store, Set<number>>();

export function registerProber(store: Store, prober: Prober): void {
  probers.set(store, prober);
}

interface DueRow extends TargetRow {
  account_id: string;
  region: string;
}

/** Starts the checks of every due target; resolves once they have all been recorded. */
export async function runHealthChecks(store: Store, clock: Clock): Promise<void> {
  if (!store.db.open) return;
  const prober = probers.get(store);
  const busy = inFlight.get(store) ?? new Set<number>();
  inFlight.set(store, busy);
  const due = store.tx(() => {
    store.stmt('DELETE FROM elbv2_targets WHERE draining_until IS NOT NULL AND draining_until <= ?').run(clock.now());
    return store
      .stmt(
        `SELECT t.*, g.account_id, g.region FROM elbv2_targets t JOIN elbv2_target_groups g ON g.arn = t.tg_arn
          WHERE t.next_check_at <= ? AND t.state != 'draining' AND g.hc_enabled = 1
            AND EXISTS (SELECT 1 FROM elbv2_listeners l WHERE l.default_actions LIKE '%"' || g.arn || '"%'
                        OR EXISTS (SELECT 1 FROM elbv2_rules r WHERE r.listener_arn = l.arn AND r.actions LIKE '%"' || g.arn || '"%'))
          ORDER BY t.id`,
      )
      .all(clock.now()) as DueRow[];
  });
  if (!prober) return;
  await Promise.all(
    due
      .filter((t) => !busy.has(t.id))
      .map(async (t) => {
        busy.add(t.id);
        try {
          const ctx = elbCtx(store, clock, t.account_id, t.region);
          const tg = store.read(() => findTargetGroup(ctx, t.tg_arn));
          if (!tg) return;
          let result: ProbeResult | undefined;
          try {
            result = await prober(ctx, tg, t);
          } catch {
            result = { ok: false, reason: 'Target.FailedHealthChecks', description: 'Health checks failed' };
          }
          if (!store.db.open) return;
          store.tx(() => {
            const fresh = store.stmt('SELECT * FROM elbv2_targets WHERE id = ?').get(t.id) as TargetRow | undefined;
            const group = findTargetGroup(ctx, t.tg_arn);
            if (!fresh || !group) return;
            if (result) recordProbe(ctx, group, fresh, result);
            else store.stmt('UPDATE elbv2_targets SET next_check_at = ? WHERE id = ?').run(clock.now() + group.hc_interval * 1000, t.id);
          });
        } finally {
          busy.delete(t.id);
        }
      }),
  );
}

const running = new WeakMap<Store, Promise<void>>();

/** Resolves when the checks started so far are recorded (tests step the clock, then wait on this). */
export function healthIdle(store: Store): Promise<void> {
  return running.get(store) ?? Promise.resolve();
}

/** A restored chapter re-runs `start`: the newest loop per store is the one that keeps ticking. */
const generations = new WeakMap<Store, number>();

export function startHealthChecks(engine: { store: Store; clock: Clock }): void {
  const { store, clock } = engine;
  const generation = (generations.get(store) ?? 0) + 1;
  generations.set(store, generation);
  const tick = (): void => {
    if (!store.db.open || generations.get(store) !== generation) return;
    const p = runHealthChecks(store, clock).catch((e: unknown) => console.error('[nimbus] load balancer health checks', e));
    running.set(store, p);
    clock.at(clock.now() + TICK_MS, tick);
  };
  clock.at(clock.now() + TICK_MS, tick);
}

export { expireDraining };
