import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { transactionCanceled, validation } from './errors';
import { evalCondition } from './expressions/evaluate';
import { checkKey, checkNames, parseExpressions } from './request';
import { legacyCondition } from './legacy';
import { getItem, tableKeyOf } from './state/items';
import { requireActiveTable } from './state/tables';
import { normalizeItem, type Item } from './values';
import { PutItem } from './PutItem';
import { DeleteItem } from './DeleteItem';
import { UpdateItem } from './UpdateItem';

type In = OperationInput<'dynamodb', 'TransactWriteItems'>;
type Op = NonNullable<In['TransactItems']>[number];

/**
 * All or nothing: every condition is checked against the state before any write; one failure
 * cancels the whole call with a reason per action (None for the others). The writes then run in
 * the call's single SQLite transaction, so a crash leaves all or none of them.
 */
export function TransactWriteItems(ctx: Ctx, input: In) {
  const ops = input.TransactItems ?? [];
  if (ops.length > 100)
    throw validation(
      `1 validation error detected: Value '[...]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100`,
    );
  const seen = new Set<string>();
  const reasons: { Code: string; Message?: string; Item?: Item }[] = [];
  let failed = false;
  for (const op of ops) {
    const [kind, body] = Object.entries(op).find(([, v]) => v !== undefined) as [keyof Op, Record<string, unknown>];
    if (Object.values(op).filter((v) => v !== undefined).length !== 1)
      throw validation('TransactItems can only contain one of Check, Put, Update or Delete');
    checkNames([['tableName', body.TableName as string]]);
    const parsed = parseExpressions(body);
    const row = requireActiveTable(ctx, body.TableName as string);
    const key =
      kind === 'Put'
        ? tableKeyOf(row, normalizeItem(body.Item as Item))
        : checkKey(row, normalizeItem(body.Key as Item));
    const id = `${row.id}\u0000${key.hk}\u0000${key.rk}`;
    if (seen.has(id)) throw validation('Transaction request cannot include multiple operations on one item');
    seen.add(id);
    const cond = parsed.condition ?? legacyCondition(body.Expected as never, body.ConditionalOperator);
    const old = getItem(ctx, row.id, key.hk, key.rk)?.item;
    if (cond && !evalCondition(old, cond)) {
      failed = true;
      reasons.push({
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
        ...(body.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' && old ? { Item: old } : {}),
      });
    } else reasons.push({ Code: 'None' });
  }
  if (failed) throw transactionCanceled(reasons);
  const strip = (b: Record<string, unknown>) => {
    const { ConditionExpression: _c, Expected: _e, ReturnValuesOnConditionCheckFailure: _r, ...rest } = b;
    // Names/values used only by the (already checked) condition would otherwise count as unused.
    const out: Record<string, unknown> = { ...rest };
    if (_c !== undefined) {
      delete out.ExpressionAttributeNames;
      delete out.ExpressionAttributeValues;
      if (b.UpdateExpression !== undefined || b.ProjectionExpression !== undefined) {
        out.ExpressionAttributeNames = b.ExpressionAttributeNames;
        out.ExpressionAttributeValues = b.ExpressionAttributeValues;
        out.ConditionExpression = _c;
      }
    }
    return out;
  };
  for (const op of ops) {
    if (op.Put) PutItem(ctx, strip(op.Put as never) as never);
    else if (op.Delete) DeleteItem(ctx, strip(op.Delete as never) as never);
    else if (op.Update) UpdateItem(ctx, strip(op.Update as never) as never);
  }
  return {};
}
