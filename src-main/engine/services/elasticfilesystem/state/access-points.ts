/** Access point rows and their API view. */
import type { Ctx } from '../../../core/provider';
import { scoped } from '../../../core/scoped';
import type { CreateAccessPointResult, PosixUser, RootDirectory } from '../../../models/generated/elasticfilesystem';
import { accessPointNotFound } from '../errors';
import { tagsOf } from './file-systems';

export interface ApRow {
  account_id: string;
  region: string;
  id: string;
  fs_id: string;
  client_token: string;
  posix_user: string | null;
  root_directory: string | null;
  tags: string;
  created_at: number;
}

type Scope = Pick<Ctx, 'store' | 'accountId' | 'region'>;

export function getAp(ctx: Scope, id: string): ApRow {
  const row = scoped(ctx).get<ApRow>('SELECT * FROM efs_access_points WHERE id = ?', id);
  if (!row) throw accessPointNotFound(id);
  return row;
}

export const apArn = (r: Pick<ApRow, 'account_id' | 'region' | 'id'>): string =>
  `arn:aws:elasticfilesystem:${r.region}:${r.account_id}:access-point/${r.id}`;

export function describeAp(r: ApRow): CreateAccessPointResult {
  const tags = tagsOf(r.tags);
  const name = tags.find((t) => t.Key === 'Name')?.Value;
  return {
    ClientToken: r.client_token,
    ...(name !== undefined ? { Name: name } : {}),
    Tags: tags,
    AccessPointId: r.id,
    AccessPointArn: apArn(r),
    FileSystemId: r.fs_id,
    ...(r.posix_user ? { PosixUser: JSON.parse(r.posix_user) as PosixUser } : {}),
    RootDirectory: r.root_directory ? (JSON.parse(r.root_directory) as RootDirectory) : { Path: '/' },
    OwnerId: r.account_id,
    LifeCycleState: 'available',
  };
}
