import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { DeleteFileSystemInput, DeleteFileSystemOutput } from '../../models/generated/elasticfilesystem';
import { fileSystemInUse } from './errors';
import { getFs, mountTargetCount } from './state/file-systems';
import { dropFiles } from './state/files';

/** Deletes a file system and its files; refused while it has mount targets, as AWS refuses it. */
export function DeleteFileSystem(ctx: Ctx, input: DeleteFileSystemInput): DeleteFileSystemOutput {
  const fs = getFs(ctx, input.FileSystemId);
  if (mountTargetCount(ctx, fs.id) > 0) throw fileSystemInUse(fs.id);
  scoped(ctx).run('DELETE FROM efs_access_points WHERE fs_id = ?', fs.id);
  scoped(ctx).run('DELETE FROM efs_file_systems WHERE id = ?', fs.id);
  dropFiles(ctx.store, fs.id);
  return {};
}
