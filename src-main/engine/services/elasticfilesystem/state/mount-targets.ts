/** Mount target rows and their API view; `creating` until their simulated minute has passed. */
import type { Ctx } from '../../../core/provider';
import { scoped } from '../../../core/scoped';
import type { CreateMountTargetResult } from '../../../models/generated/elasticfilesystem';
import { mountTargetNotFound } from '../errors';
import { azId } from './file-systems';

export interface MtRow {
  account_id: string;
  region: string;
  id: string;
  fs_id: string;
  subnet_id: string;
  vpc_id: string;
  az: string;
  ip: string;
  eni_id: string;
  created_at: number;
  available_at: number;
}

/** AWS takes a minute or two to bring a mount target's interface up. */
export const MT_CREATE_MS = 60_000;

type Scope = Pick<Ctx, 'store' | 'accountId' | 'region'>;

export function getMt(ctx: Scope, id: string): MtRow {
  const row = scoped(ctx).get<MtRow>('SELECT * FROM efs_mount_targets WHERE id = ?', id);
  if (!row) throw mountTargetNotFound(id);
  return row;
}

export const mtState = (r: MtRow, now: number): string => (now < r.available_at ? 'creating' : 'available');

export function describeMt(r: MtRow, now: number): CreateMountTargetResult {
  return {
    OwnerId: r.account_id,
    MountTargetId: r.id,
    FileSystemId: r.fs_id,
    SubnetId: r.subnet_id,
    LifeCycleState: mtState(r, now),
    IpAddress: r.ip,
    NetworkInterfaceId: r.eni_id,
    AvailabilityZoneId: azId(r.region, r.az),
    AvailabilityZoneName: r.az,
    VpcId: r.vpc_id,
  };
}
