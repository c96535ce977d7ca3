import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidTagKeyReserved, missingParameter } from './errors';
import { checkTaggableResource, deleteTags, mayUseReservedKeys } from './state/tags';

/** Removes tags: no Tags = all of them; a tag with a Value only when the value matches. */
export function DeleteTags(ctx: Ctx, input: Ec2Input<'DeleteTags'>): Ec2Output<'DeleteTags'> {
  if (input.Resources.length === 0) throw missingParameter('resourceIdSet');
  if (!mayUseReservedKeys(ctx))
    for (const t of input.Tags ?? []) if (t.Key?.toLowerCase().startsWith('aws:')) throw invalidTagKeyReserved();
  for (const id of input.Resources) checkTaggableResource(ctx, id);
  checkDryRun(input);
  for (const id of input.Resources) deleteTags(ctx, id, input.Tags);
  return {};
}
