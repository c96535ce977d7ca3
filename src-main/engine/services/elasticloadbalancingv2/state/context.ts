/** A context for work the load balancer does by itself (health checks, forwarding): it acts as ELB. */
import type { Clock } from '../../../clock/clock';
import type { Ctx } from '../../../core/provider';
import type { Store } from '../../../store/store';

export function elbCtx(store: Store, clock: Clock, accountId: string, region: string): Ctx {
  return {
    requestId: 'internal',
    accountId,
    region,
    service: 'elasticloadbalancingv2',
    operation: 'DataPlane',
    principal: { type: 'service', accountId, arn: 'elasticloadbalancing.amazonaws.com', userId: 'elasticloadbalancing.amazonaws.com' },
    source: 'internal',
    store,
    clock,
    call: () => Promise.reject(new Error('the load balancer data plane makes no API calls')),
    commit: (fn) => store.tx(fn),
  };
}
