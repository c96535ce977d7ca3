/** A table found by its ARN, for the tagging calls. */
import type { Ctx } from '../../core/provider';
import { resourceNotFound, validation } from './errors';
import { findTable, type TableRow } from './state/tables';

export function tableByArn(ctx: Ctx, arn: string): TableRow {
  const m = /^arn:aws[a-z-]*:dynamodb:([^:]+):(\d{12}):table\/([a-zA-Z0-9_.-]{3,255})$/.exec(arn);
  if (!m) throw validation(`Invalid TableArn: Invalid ResourceArn provided as input ${arn}`);
  const row = m[1] === ctx.region && m[2] === ctx.accountId ? findTable(ctx, m[3]!) : undefined;
  if (!row) throw resourceNotFound(`Requested resource not found: ResourcArn: ${arn} not found`);
  return row;
}
