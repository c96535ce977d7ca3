import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { missingParameter } from './errors';
import { checkTag, checkTaggableResource, mayUseReservedKeys, setTags } from './state/tags';

/** Adds or overwrites tags on one or more resources; all resources are checked before any write. */
export function CreateTags(ctx: Ctx, input: Ec2Input<'CreateTags'>): Ec2Output<'CreateTags'> {
  if (input.Resources.length === 0) throw missingParameter('resourceIdSet');
  if (input.Tags.length === 0) throw missingParameter('tagSet');
  const tags = input.Tags.map((t) => checkTag(t, mayUseReservedKeys(ctx)));
  for (const id of input.Resources) checkTaggableResource(ctx, id);
  checkDryRun(input);
  for (const id of input.Resources) setTags(ctx, id, tags);
  return {};
}
