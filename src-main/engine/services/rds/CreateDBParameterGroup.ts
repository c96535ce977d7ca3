import type { Ctx } from '../../core/provider';
import { AwsError } from '../../protocol/errors';
import { invalidParameterValue } from './errors';
import { parameterGroupOutput } from './parameter-output';
import { knownFamily } from './parameters';
import { findParameterGroup, type ParameterGroupRow } from './state/parameter-groups';
import type { RdsInput, RdsOutput } from './types';

export function CreateDBParameterGroup(ctx: Ctx, input: RdsInput<'CreateDBParameterGroup'>): RdsOutput<'CreateDBParameterGroup'> {
  const name = input.DBParameterGroupName;
  if (!/^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,254}$/.test(name) || name.endsWith('-'))
    throw invalidParameterValue('The parameter DBParameterGroupName is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.');
  if (!knownFamily(input.DBParameterGroupFamily)) throw invalidParameterValue(`ParameterGroupFamily ${input.DBParameterGroupFamily} is not a valid parameter group family`);
  if (findParameterGroup(ctx, name)) throw new AwsError('DBParameterGroupAlreadyExists', `Parameter group ${name} already exists`, 400);
  const g: ParameterGroupRow = { account_id: ctx.accountId, region: ctx.region, name: name.toLowerCase(), family: input.DBParameterGroupFamily, description: input.Description, params: '{}', tags: JSON.stringify(input.Tags ?? []) };
  ctx.store.stmt('INSERT INTO rds_parameter_groups (account_id, region, name, family, description, params, tags) VALUES (?, ?, ?, ?, ?, ?, ?)').run(g.account_id, g.region, g.name, g.family, g.description, g.params, g.tags);
  return { DBParameterGroup: parameterGroupOutput(g) };
}
