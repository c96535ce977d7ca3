/** Tags on file systems and access points: TagResource family, and the older CreateTags family (file systems only). */
import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type {
  CreateTagsInput,
  CreateTagsOutput,
  DeleteTagsInput,
  DeleteTagsOutput,
  DescribeTagsInput,
  DescribeTagsOutput,
  ListTagsForResourceInput,
  ListTagsForResourceOutput,
  TagResourceInput,
  TagResourceOutput,
  UntagResourceInput,
  UntagResourceOutput,
} from '../../models/generated/elasticfilesystem';
import { badRequest } from './errors';
import { getFs, mergeTags, tagsOf, type Tag } from './state/file-systems';
import { getAp } from './state/access-points';
import { checkTags } from './checks';
import { page } from './paging';

/** The table and current tags of an fs-… or fsap-… id (an ARN's last part works too). */
function resource(ctx: Ctx, ref: string): { table: string; id: string; tags: Tag[] } {
  const id = ref.slice(ref.lastIndexOf('/') + 1);
  if (id.startsWith('fsap-')) return { table: 'efs_access_points', id, tags: tagsOf(getAp(ctx, id).tags) };
  if (id.startsWith('fs-')) return { table: 'efs_file_systems', id, tags: tagsOf(getFs(ctx, id).tags) };
  throw badRequest(`Invalid resource id: ${ref}`);
}

function save(ctx: Ctx, table: string, id: string, tags: Tag[]): void {
  checkTags(tags);
  scoped(ctx).run(`UPDATE ${table} SET tags = ? WHERE id = ?`, JSON.stringify(tags), id);
}

export function TagResource(ctx: Ctx, input: TagResourceInput): TagResourceOutput {
  const r = resource(ctx, input.ResourceId);
  save(ctx, r.table, r.id, mergeTags(r.tags, input.Tags));
  return {};
}

export function UntagResource(ctx: Ctx, input: UntagResourceInput): UntagResourceOutput {
  const r = resource(ctx, input.ResourceId);
  save(ctx, r.table, r.id, r.tags.filter((t) => !input.TagKeys.includes(t.Key)));
  return {};
}

export function ListTagsForResource(ctx: Ctx, input: ListTagsForResourceInput): ListTagsForResourceOutput {
  const r = resource(ctx, input.ResourceId);
  const { items, next } = page(r.tags, input.NextToken, input.MaxResults, 100);
  return { Tags: items, ...(next ? { NextToken: next } : {}) };
}

export function CreateTags(ctx: Ctx, input: CreateTagsInput): CreateTagsOutput {
  const fs = getFs(ctx, input.FileSystemId);
  save(ctx, 'efs_file_systems', fs.id, mergeTags(tagsOf(fs.tags), input.Tags));
  return {};
}

export function DeleteTags(ctx: Ctx, input: DeleteTagsInput): DeleteTagsOutput {
  const fs = getFs(ctx, input.FileSystemId);
  save(ctx, 'efs_file_systems', fs.id, tagsOf(fs.tags).filter((t) => !input.TagKeys.includes(t.Key)));
  return {};
}

export function DescribeTags(ctx: Ctx, input: DescribeTagsInput): DescribeTagsOutput {
  const fs = getFs(ctx, input.FileSystemId);
  const { items, next } = page(tagsOf(fs.tags), input.Marker, input.MaxItems, 100);
  return { ...(input.Marker ? { Marker: input.Marker } : {}), Tags: items, ...(next ? { NextMarker: next } : {}) };
}
