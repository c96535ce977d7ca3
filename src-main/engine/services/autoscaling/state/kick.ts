/**
 * Handlers change a group's desired state inside their transaction; the reconciler (reconcile.ts)
 * then makes it so with EC2 and ELB calls. kick() asks for a pass right after the handler's call
 * (a pass that finds nothing to do costs one read).
 */
import type { Ctx } from '../../../core/provider';
import type { Store } from '../../../store/store';

type Kicker = (accountId: string, region: string, group: string) => void;
const kickers = new WeakMap<Store, Kicker>();

export function registerKicker(store: Store, k: Kicker): void {
  kickers.set(store, k);
}

export function kick(ctx: Ctx, group: string): void {
  const k = kickers.get(ctx.store);
  if (!k) return;
  setImmediate(() => k(ctx.accountId, ctx.region, group));
}
