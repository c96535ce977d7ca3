import type { Ctx } from '../../core/provider';
import { accessDenied } from '../../protocol/errors';
import { entityById } from './state/entities';
import { findKey, lastUse } from './state/access-keys';

/** Read from the event history; a key never used answers N/A, as AWS does. */
export const GetAccessKeyLastUsed = (ctx: Ctx, input: { AccessKeyId: string }) => {
  const key = findKey(ctx.store, input.AccessKeyId);
  if (!key || key.account_id !== ctx.accountId || key.principal_type !== 'user')
    throw accessDenied(`User: ${ctx.principal.arn} is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${input.AccessKeyId}`);
  const user = entityById(ctx.store, 'user', key.user_id);
  const used = lastUse(ctx.store, key.access_key_id);
  return {
    UserName: user?.name,
    AccessKeyLastUsed: used
      ? { LastUsedDate: new Date(used.time), ServiceName: used.service, Region: used.region }
      : { ServiceName: 'N/A', Region: 'N/A' },
  };
};
