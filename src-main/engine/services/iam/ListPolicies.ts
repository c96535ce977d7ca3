import type { Ctx } from '../../core/provider';
import { paginate } from './state/entities';
import { attachmentCount, awsManagedPolicies, customerPolicies, policyOutput } from './state/policies';

export const ListPolicies = (
  ctx: Ctx,
  input: { Scope?: 'All' | 'AWS' | 'Local'; OnlyAttached?: boolean; PathPrefix?: string; Marker?: string; MaxItems?: number },
) => {
  const scope = input.Scope ?? 'All';
  let all = [
    ...(scope !== 'Local' ? [...awsManagedPolicies().values()] : []),
    ...(scope !== 'AWS' ? customerPolicies(ctx.store, ctx.accountId) : []),
  ];
  const prefix = input.PathPrefix ?? '/';
  all = all.filter((p) => p.path.startsWith(prefix));
  if (input.OnlyAttached) all = all.filter((p) => attachmentCount(ctx.store, ctx.accountId, p.arn) > 0);
  all.sort((a, b) => a.name.localeCompare(b.name));
  const { page, IsTruncated, Marker } = paginate(all, input.Marker, input.MaxItems);
  return { Policies: page.map((p) => ({ ...policyOutput(ctx.store, ctx.accountId, p), Description: undefined })), IsTruncated, Marker };
};
