import type { Ctx } from '../../core/provider';
import { AwsError } from '../../protocol/errors';
import { getParameterGroup, isDefaultGroup } from './state/parameter-groups';
import type { RdsInput, RdsOutput } from './types';

export function DeleteDBParameterGroup(ctx: Ctx, input: RdsInput<'DeleteDBParameterGroup'>): RdsOutput<'DeleteDBParameterGroup'> {
  const g = getParameterGroup(ctx, input.DBParameterGroupName);
  if (isDefaultGroup(g.name)) throw new AwsError('InvalidDBParameterGroupState', 'Default DBParameterGroup cannot be deleted', 400);
  const used = ctx.store
    .stmt("SELECT id FROM rds_instances WHERE account_id = ? AND region = ? AND json_extract(extra, '$.parameterGroup') = ? COLLATE NOCASE LIMIT 1")
    .get(ctx.accountId, ctx.region, g.name) as { id: string } | undefined;
  if (used) throw new AwsError('InvalidDBParameterGroupState', `One or more database instances are still members of this parameter group ${g.name}, so the group cannot be deleted`, 400);
  ctx.store.stmt('DELETE FROM rds_parameter_groups WHERE account_id = ? AND region = ? AND name = ?').run(g.account_id, g.region, g.name);
  return {};
}
