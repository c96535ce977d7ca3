import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { CreateAccessPointInput, CreateAccessPointOutput } from '../../models/generated/elasticfilesystem';
import { accessPointExists, badRequest } from './errors';
import { getFs, newId } from './state/file-systems';
import { describeAp, getAp, type ApRow } from './state/access-points';
import { checkTags } from './checks';

/**
 * An access point: a root directory (created on first mount with the owner and permissions given)
 * and a POSIX identity. Guests mount it with `mount -t efs -o tls,accesspoint=fsap-… fs-…:/ DIR`.
 */
export function CreateAccessPoint(ctx: Ctx, input: CreateAccessPointInput): CreateAccessPointOutput {
  const fs = getFs(ctx, input.FileSystemId);
  checkTags(input.Tags ?? []);
  const same = scoped(ctx).get<ApRow>('SELECT * FROM efs_access_points WHERE client_token = ? AND fs_id = ?', input.ClientToken, fs.id);
  if (same) throw accessPointExists(same.id);
  const root = input.RootDirectory;
  const path = root?.Path ?? '/';
  if (!path.startsWith('/') || path.length > 100 || path.split('/').length > 5) throw badRequest('RootDirectory Path must be absolute, at most 100 characters and 4 directories deep.');
  if (root?.CreationInfo && !/^[0-7]{3,4}$/.test(root.CreationInfo.Permissions)) throw badRequest('CreationInfo Permissions must be an octal mode such as 0755.');
  const id = newId('fsap');
  scoped(ctx).insert('efs_access_points', {
    id,
    fs_id: fs.id,
    client_token: input.ClientToken,
    posix_user: input.PosixUser ? JSON.stringify(input.PosixUser) : null,
    root_directory: JSON.stringify({ Path: path, ...(root?.CreationInfo ? { CreationInfo: root.CreationInfo } : {}) }),
    tags: JSON.stringify(input.Tags ?? []),
    created_at: ctx.clock.now(),
  });
  return describeAp(getAp(ctx, id));
}
