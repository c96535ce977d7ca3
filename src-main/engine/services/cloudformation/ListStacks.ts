import type { Ctx } from '../../core/provider';
import { listStacks } from './state/stacks';

interface ListStacksInput {
  StackStatusFilter?: string[];
  NextToken?: string;
}

/** Every stack of the region, deleted ones included, as summaries. */
export const ListStacks = (ctx: Ctx, input: ListStacksInput) => {
  const filter = input.StackStatusFilter?.length ? new Set(input.StackStatusFilter) : undefined;
  const summaries = listStacks(ctx.store, ctx.accountId, ctx.region)
    .filter((s) => !filter || filter.has(s.status))
    .map((s) => {
      const v: Record<string, unknown> = {
        StackId: s.stack_id,
        StackName: s.name,
        TemplateDescription: s.description ?? undefined,
        CreationTime: new Date(s.created_at),
        LastUpdatedTime: s.updated_at !== null ? new Date(s.updated_at) : undefined,
        DeletionTime: s.deleted_at !== null ? new Date(s.deleted_at) : undefined,
        StackStatus: s.status,
        StackStatusReason: s.status_reason ?? undefined,
        DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
      };
      for (const k of Object.keys(v)) if (v[k] === undefined) delete v[k];
      return v;
    });
  return { StackSummaries: summaries };
};
