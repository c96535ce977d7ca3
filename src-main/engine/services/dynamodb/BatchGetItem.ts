import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validation } from './errors';
import { consumedCapacity } from './capacity';
import { applyProjection, getConsumption, meter, totalUnits } from './item-common';
import { checkExpressionParams, checkKey, checkNames, parseExpressions } from './request';
import { getItem } from './state/items';
import { requireActiveTable } from './state/tables';
import { admit, charge } from './throughput';
import { normalizeItem, type Item } from './values';
import type { AwsError } from '../../protocol/errors';

type In = OperationInput<'dynamodb', 'BatchGetItem'>;

/**
 * Up to 100 keys over several tables. A table whose read capacity is used up has its keys handed
 * back in UnprocessedKeys (the SDKs retry them); only when nothing at all could be read does the
 * call fail with ProvisionedThroughputExceededException, as DynamoDB does.
 */
export function BatchGetItem(ctx: Ctx, input: In) {
  const requests = Object.entries(input.RequestItems ?? {});
  checkNames(requests.map(([name]) => ['requestItems', name] as [string, string]));
  const total = requests.reduce((n, [, r]) => n + (r.Keys?.length ?? 0), 0);
  if (total > 100) throw validation('Too many items requested for the BatchGetItem call');
  if (requests.length === 0)
    throw validation(
      "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  const responses: Record<string, Item[]> = {};
  const unprocessed: Record<string, unknown> = {};
  const consumed: Record<string, unknown>[] = [];
  let throttled: AwsError | undefined;
  const m = meter(ctx);
  for (const [name, r] of requests) {
    const data = r as unknown as Record<string, unknown>;
    checkExpressionParams(data, ['ProjectionExpression'], ['AttributesToGet']);
    const parsed = parseExpressions(data);
    const row = requireActiveTable(ctx, name);
    const keys = (r.Keys as Item[]).map((k) => normalizeItem(k));
    const encoded = keys.map((k) => checkKey(row, k));
    if (new Set(encoded.map((k) => `${k.hk}\u0000${k.rk}`)).size !== encoded.length)
      throw validation('Provided list of item keys contains duplicates');
    try {
      admit(m, row, 'read');
    } catch (e) {
      throttled = e as AwsError;
      unprocessed[name] = r;
      continue;
    }
    let units = 0;
    const items: Item[] = [];
    for (const k of encoded) {
      const found = getItem(ctx, row.id, k.hk, k.rk);
      units += totalUnits(getConsumption(found?.size ?? 0, !!r.ConsistentRead));
      if (found) items.push(applyProjection(found.item, parsed.projection, r.AttributesToGet));
    }
    charge(m, row, 'read', units, { returned: items.length });
    responses[name] = items;
    const cc = consumedCapacity(name, { table: units, indexes: {}, read: true }, input.ReturnConsumedCapacity);
    if (cc) consumed.push(cc);
  }
  if (throttled && Object.keys(responses).length === 0) throw throttled;
  return {
    Responses: responses,
    UnprocessedKeys: unprocessed,
    ...(consumed.length ? { ConsumedCapacity: consumed } : {}),
  };
}
