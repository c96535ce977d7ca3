/** A context for work Auto Scaling does by itself (its reconciler and scheduled actions). */
import type { Clock } from '../../../clock/clock';
import type { Ctx } from '../../../core/provider';
import type { Call } from '../../../protocol/types';
import type { Store } from '../../../store/store';
import { servicePrincipal } from '../../../core/account';

export function asgCtx(store: Store, clock: Clock, call: Call | undefined, accountId: string, region: string): Ctx {
  return {
    requestId: 'internal',
    accountId,
    region,
    service: 'autoscaling',
    operation: 'Reconcile',
    principal: servicePrincipal(accountId, 'autoscaling'),
    source: 'internal',
    store,
    clock,
    call: call ?? (() => Promise.reject(new Error('Auto Scaling has no dispatcher yet'))),
    commit: (fn) => store.tx(fn),
  };
}
