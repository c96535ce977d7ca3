import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { DescribeFileSystemsInput, DescribeFileSystemsOutput } from '../../models/generated/elasticfilesystem';
import { badRequest, fileSystemNotFound } from './errors';
import { describeFs, type FsRow } from './state/file-systems';
import { page } from './paging';

/** One file system by id, the one of a creation token, or all of them (oldest first), in pages. */
export function DescribeFileSystems(ctx: Ctx, input: DescribeFileSystemsInput): DescribeFileSystemsOutput {
  if (input.FileSystemId && input.CreationToken) throw badRequest('Specify either a FileSystemId or a CreationToken, not both.');
  let rows: FsRow[];
  if (input.FileSystemId) {
    rows = scoped(ctx).all<FsRow>('SELECT * FROM efs_file_systems WHERE id = ?', input.FileSystemId);
    if (rows.length === 0) throw fileSystemNotFound(input.FileSystemId);
  } else if (input.CreationToken) rows = scoped(ctx).all<FsRow>('SELECT * FROM efs_file_systems WHERE creation_token = ?', input.CreationToken);
  else rows = scoped(ctx).all<FsRow>('SELECT * FROM efs_file_systems ORDER BY created_at, id');
  const { items, next } = page(rows, input.Marker, input.MaxItems, 100);
  return {
    ...(input.Marker ? { Marker: input.Marker } : {}),
    FileSystems: items.map((r) => describeFs(ctx, r)),
    ...(next ? { NextMarker: next } : {}),
  };
}
