import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { getGroup, putTag } from './state/groups';

export const CreateOrUpdateTags = (ctx: Ctx, input: OperationInput<'autoscaling', 'CreateOrUpdateTags'>) => {
  for (const t of input.Tags) {
    if (t.ResourceType && t.ResourceType !== 'auto-scaling-group') throw validationError(`Invalid resource type: ${t.ResourceType}`);
    getGroup(ctx, t.ResourceId ?? '');
  }
  for (const t of input.Tags) putTag(ctx, t.ResourceId!, t.Key, t.Value ?? '', t.PropagateAtLaunch ?? false);
  return {};
};
