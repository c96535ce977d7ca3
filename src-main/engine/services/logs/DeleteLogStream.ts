import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { streamNotFound } from './errors';
import { requireGroup } from './group-lookup';
import { findStream } from './state/groups';

export const DeleteLogStream = (ctx: Ctx, input: OperationInput<'logs', 'DeleteLogStream'>) => {
  const g = requireGroup(ctx, input);
  if (!findStream(ctx, g.name, input.logStreamName)) throw streamNotFound();
  ctx.store.stmt('DELETE FROM logs_events WHERE account_id = ? AND region = ? AND grp = ? AND stream = ?').run(g.account_id, g.region, g.name, input.logStreamName);
  ctx.store.stmt('DELETE FROM logs_streams WHERE account_id = ? AND region = ? AND grp = ? AND name = ?').run(g.account_id, g.region, g.name, input.logStreamName);
  return {};
};
