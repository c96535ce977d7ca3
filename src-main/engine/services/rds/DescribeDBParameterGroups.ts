import type { Ctx } from '../../core/provider';
import { parameterGroupOutput } from './parameter-output';
import { getParameterGroup, listParameterGroups } from './state/parameter-groups';
import type { RdsInput, RdsOutput } from './types';

export function DescribeDBParameterGroups(ctx: Ctx, input: RdsInput<'DescribeDBParameterGroups'>): RdsOutput<'DescribeDBParameterGroups'> {
  if (input.DBParameterGroupName) return { DBParameterGroups: [parameterGroupOutput(getParameterGroup(ctx, input.DBParameterGroupName))] };
  return { DBParameterGroups: listParameterGroups(ctx).map(parameterGroupOutput) };
}
