/** Custom DB parameter groups (the `default.<family>` ones are not stored: they are the catalogue's defaults). */
import type { Ctx } from '../../../core/provider';
import { AwsError } from '../../../protocol/errors';
import { defaultGroupName, FAMILIES } from '../parameters';

export interface ParameterGroupRow {
  account_id: string;
  region: string;
  name: string;
  family: string;
  description: string;
  /** name → value, only the values set by the user. */
  params: string;
  tags: string;
}

type Scope = Pick<Ctx, 'store' | 'accountId' | 'region'>;

export const parameterGroupNotFound = (name: string) => new AwsError('DBParameterGroupNotFound', `DBParameterGroup not found: ${name}`, 404);

const defaults = (scope: Scope): ParameterGroupRow[] =>
  Object.values(FAMILIES)
    .flat()
    .map((family) => ({ account_id: scope.accountId, region: scope.region, name: defaultGroupName(family), family, description: `Default parameter group for ${family}`, params: '{}', tags: '[]' }));

export const isDefaultGroup = (name: string): boolean => name.startsWith('default.');

export function findParameterGroup(scope: Scope, name: string): ParameterGroupRow | undefined {
  if (isDefaultGroup(name)) return defaults(scope).find((g) => g.name === name.toLowerCase());
  return scope.store.stmt('SELECT * FROM rds_parameter_groups WHERE account_id = ? AND region = ? AND name = ? COLLATE NOCASE').get(scope.accountId, scope.region, name) as
    | ParameterGroupRow
    | undefined;
}

export function getParameterGroup(scope: Scope, name: string): ParameterGroupRow {
  const g = findParameterGroup(scope, name);
  if (!g) throw parameterGroupNotFound(name);
  return g;
}

export function listParameterGroups(scope: Scope): ParameterGroupRow[] {
  const custom = scope.store.stmt('SELECT * FROM rds_parameter_groups WHERE account_id = ? AND region = ? ORDER BY name').all(scope.accountId, scope.region) as ParameterGroupRow[];
  return [...defaults(scope), ...custom];
}

export const userValues = (g: ParameterGroupRow): Record<string, string> => JSON.parse(g.params) as Record<string, string>;
