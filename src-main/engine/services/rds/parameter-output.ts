/** The API's view of parameter groups and their parameters. */
import type { DBParameterGroup } from '../../models/generated/rds';
import { catalogue } from './parameters';
import { userValues, type ParameterGroupRow } from './state/parameter-groups';

export const parameterGroupOutput = (g: ParameterGroupRow): DBParameterGroup => ({
  DBParameterGroupName: g.name,
  DBParameterGroupFamily: g.family,
  Description: g.description,
  DBParameterGroupArn: `arn:aws:rds:${g.region}:${g.account_id}:pg:${g.name}`,
});

export function parametersOf(g: ParameterGroupRow) {
  const values = userValues(g);
  return catalogue(g.family).map((p) => {
    const user = values[p.name];
    const value = user ?? p.value;
    return {
      ParameterName: p.name,
      ...(value !== undefined ? { ParameterValue: value } : {}),
      Description: p.description,
      Source: user !== undefined ? 'user' : p.value !== undefined ? 'system' : 'engine-default',
      ApplyType: p.applyType,
      DataType: p.dataType,
      ...(p.allowed ? { AllowedValues: p.allowed } : {}),
      IsModifiable: true,
      ApplyMethod: p.applyType === 'static' ? 'pending-reboot' : 'immediate',
    };
  });
}
