import type { Ctx } from '../../core/provider';
import { parametersOf } from './parameter-output';
import { getParameterGroup } from './state/parameter-groups';
import type { RdsInput, RdsOutput } from './types';

export function DescribeDBParameters(ctx: Ctx, input: RdsInput<'DescribeDBParameters'>): RdsOutput<'DescribeDBParameters'> {
  const g = getParameterGroup(ctx, input.DBParameterGroupName);
  let params = parametersOf(g);
  if (input.Source) params = params.filter((p) => p.Source === input.Source);
  for (const f of input.Filters ?? []) if (f.Name === 'parameter-name') params = params.filter((p) => f.Values.includes(p.ParameterName));
  return { Parameters: params };
}
