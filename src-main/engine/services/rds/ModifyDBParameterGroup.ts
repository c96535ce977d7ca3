import type { Ctx } from '../../core/provider';
import { AwsError } from '../../protocol/errors';
import { invalidParameterValue } from './errors';
import { applyDynamic } from './parameter-apply';
import { catalogue } from './parameters';
import { getParameterGroup, isDefaultGroup, userValues } from './state/parameter-groups';
import type { RdsInput, RdsOutput } from './types';

/** Sets values; a static parameter must be applied `pending-reboot`, as AWS insists. */
export function ModifyDBParameterGroup(ctx: Ctx, input: RdsInput<'ModifyDBParameterGroup'>): RdsOutput<'ModifyDBParameterGroup'> {
  const g = getParameterGroup(ctx, input.DBParameterGroupName);
  if (isDefaultGroup(g.name)) throw new AwsError('InvalidDBParameterGroupState', 'Default parameter groups cannot be modified.', 400);
  if (!input.Parameters.length || input.Parameters.length > 20) throw invalidParameterValue('The parameter Parameters must contain between 1 and 20 parameters.');
  const specs = catalogue(g.family);
  const values = userValues(g);
  const changed: string[] = [];
  for (const p of input.Parameters) {
    const spec = specs.find((s) => s.name === p.ParameterName);
    if (!spec) throw invalidParameterValue(`Could not find parameter with name: ${p.ParameterName ?? ''}`);
    if (p.ApplyMethod !== 'immediate' && p.ApplyMethod !== 'pending-reboot') throw invalidParameterValue(`Invalid apply method ${p.ApplyMethod ?? ''} for parameter ${spec.name}.`);
    if (spec.applyType === 'static' && p.ApplyMethod === 'immediate')
      throw new AwsError('InvalidParameterCombination', `cannot use immediate apply method for static parameter`, 400);
    if (spec.dataType === 'integer' && p.ParameterValue !== undefined && !/^\d+$/.test(p.ParameterValue))
      throw invalidParameterValue(`Invalid parameter value: ${p.ParameterValue} for: ${spec.name} allowed values are: ${spec.allowed ?? 'integers'}`);
    if (p.ParameterValue === undefined) delete values[spec.name];
    else values[spec.name] = p.ParameterValue;
    if (p.ApplyMethod === 'immediate') changed.push(spec.name);
  }
  const next = { ...g, params: JSON.stringify(values) };
  ctx.store.stmt('UPDATE rds_parameter_groups SET params = ? WHERE account_id = ? AND region = ? AND name = ?').run(next.params, g.account_id, g.region, g.name);
  applyDynamic(ctx, next, changed);
  return { DBParameterGroupName: g.name };
}
