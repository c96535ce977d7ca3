import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { DeleteAccessPointInput, DeleteAccessPointOutput } from '../../models/generated/elasticfilesystem';
import { getAp } from './state/access-points';

/** The access point goes; files under its root directory stay in the file system. */
export function DeleteAccessPoint(ctx: Ctx, input: DeleteAccessPointInput): DeleteAccessPointOutput {
  const ap = getAp(ctx, input.AccessPointId);
  scoped(ctx).run('DELETE FROM efs_access_points WHERE id = ?', ap.id);
  return {};
}
