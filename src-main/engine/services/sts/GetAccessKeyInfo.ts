import type { Ctx } from '../../core/provider';
import { createHash } from 'node:crypto';

/** The account a key belongs to. Keys the lab never issued get a stable made-up account, as AWS answers for any well-formed id. */
export const GetAccessKeyInfo = (ctx: Ctx, input: { AccessKeyId: string }) => {
  const row = ctx.store.stmt('SELECT account_id FROM access_keys WHERE access_key_id = ?').get(input.AccessKeyId) as { account_id: string } | undefined;
  if (row) return { Account: row.account_id };
  const digits = createHash('sha256').update(input.AccessKeyId).digest().subarray(0, 12);
  return { Account: Array.from(digits, (b, i) => String(i === 0 ? 1 + (b % 9) : b % 10)).join('') };
};
