import { scoped } from '../../core/scoped';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { configurationOf, resolveVersion } from './state/functions';

/** Functions by name; Marker is the last name of the previous page. */
export const ListFunctions = (ctx: Ctx, input: OperationInput<'lambda', 'ListFunctions'>) => {
  const max = input.MaxItems ?? 50;
  if (max < 1 || max > 10000) throw invalidParameter('1 validation error detected: Value at \'maxItems\' failed to satisfy constraint: Member must have value less than or equal to 10000');
  const names = scoped(ctx).all<{ name: string }>('SELECT name FROM lambda_functions WHERE name > ? ORDER BY name LIMIT ?', input.Marker ?? '', max + 1);
  const page = names.slice(0, max);
  return {
    Functions: page.map((r) => configurationOf(resolveVersion(ctx, r.name))),
    ...(names.length > max ? { NextMarker: page.at(-1)!.name } : {}),
  };
};
