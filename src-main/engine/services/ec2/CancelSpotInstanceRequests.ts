import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidSpotRequestNotFound } from './errors';
import { cancelStep, catchUp } from './state/instance-lifecycle';
import { checkSpotRequestId, findSpotRequest, setSpotStatus, SPOT_STATUS_MESSAGES, type SpotRequestRow } from './state/spot';

/** Cancels requests; a running spot instance keeps running (terminate it yourself, §3.8.2). */
export function CancelSpotInstanceRequests(ctx: Ctx, input: Ec2Input<'CancelSpotInstanceRequests'>): Ec2Output<'CancelSpotInstanceRequests'> {
  catchUp(ctx);
  for (const id of input.SpotInstanceRequestIds) checkSpotRequestId(id);
  const rows: SpotRequestRow[] = input.SpotInstanceRequestIds.map((id) => {
    const row = findSpotRequest(ctx, id);
    if (!row) throw invalidSpotRequestNotFound(id);
    return row;
  });
  checkDryRun(input);
  for (const r of rows) {
    if (r.state === 'cancelled' || r.state === 'closed' || r.state === 'failed') continue;
    cancelStep(ctx, 'spot-evaluate', r.request_id);
    const code = r.state === 'active' ? 'request-canceled-and-instance-running' : 'canceled-before-fulfillment';
    setSpotStatus(ctx, r.request_id, 'cancelled', code, SPOT_STATUS_MESSAGES[code]!);
  }
  return { CancelledSpotInstanceRequests: rows.map((r) => ({ SpotInstanceRequestId: r.request_id, State: 'cancelled' })) };
}
