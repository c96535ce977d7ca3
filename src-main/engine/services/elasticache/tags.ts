/** Tags on clusters (AddTagsToResource, ListTagsForResource, RemoveTagsFromResource name them by ARN). */
import type { Ctx } from '../../core/provider';
import type { AddTagsToResourceInput, ListTagsForResourceInput, RemoveTagsFromResourceInput } from '../../models/generated/elasticache';
import { AwsError } from '../../protocol/errors';
import { clusterNotFound } from './errors';
import { getCluster } from './state/rows';

type Tag = { Key?: string; Value?: string };

function clusterOf(ctx: Ctx, arn: string) {
  const m = /^arn:[^:]+:elasticache:[^:]+:\d{12}:cluster:(.+)$/.exec(arn);
  if (!m) throw new AwsError('InvalidARN', `The ARN ${arn} is not valid.`, 400);
  const c = getCluster(ctx, m[1]!);
  if (!c) throw clusterNotFound(m[1]!);
  return c;
}

const save = (ctx: Ctx, id: string, tags: Tag[]) =>
  ctx.store.stmt('UPDATE elasticache_clusters SET tags = ? WHERE account_id = ? AND region = ? AND id = ?').run(JSON.stringify(tags), ctx.accountId, ctx.region, id);

export const ListTagsForResource = (ctx: Ctx, input: ListTagsForResourceInput) => ({ TagList: JSON.parse(clusterOf(ctx, input.ResourceName).tags) as Tag[] });

export const AddTagsToResource = (ctx: Ctx, input: AddTagsToResourceInput) => {
  const c = clusterOf(ctx, input.ResourceName);
  const tags = (JSON.parse(c.tags) as Tag[]).filter((t) => !input.Tags.some((n) => n.Key === t.Key));
  tags.push(...input.Tags);
  if (tags.length > 50) throw new AwsError('TagQuotaPerResourceExceeded', 'The request cannot be processed because it would cause the resource to have more than the allowed number of tags. The maximum number of tags permitted on a resource is 50.', 400);
  save(ctx, c.id, tags);
  return { TagList: tags };
};

export const RemoveTagsFromResource = (ctx: Ctx, input: RemoveTagsFromResourceInput) => {
  const c = clusterOf(ctx, input.ResourceName);
  const tags = (JSON.parse(c.tags) as Tag[]).filter((t) => !input.TagKeys.includes(t.Key ?? ''));
  save(ctx, c.id, tags);
  return { TagList: tags };
};
