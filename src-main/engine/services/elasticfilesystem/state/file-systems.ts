/** File system rows: lookups, the API's view (size from the shared files, state from the clock), tags. */
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import { scoped } from '../../../core/scoped';
import type { CreateFileSystemResult } from '../../../models/generated/elasticfilesystem';
import { fileSystemNotFound } from '../errors';
import { meteredBytes } from './metered';

export interface FsRow {
  account_id: string;
  region: string;
  id: string;
  creation_token: string;
  performance_mode: string;
  throughput_mode: string;
  provisioned_mibps: number | null;
  encrypted: number;
  kms_key_id: string | null;
  az_name: string | null;
  tags: string;
  lifecycle: string;
  backup: string;
  policy: string | null;
  created_at: number;
  available_at: number;
  throughput_changed_at: number | null;
  credits: number;
  credits_at: number;
}

export interface Tag {
  Key: string;
  Value: string;
}

type Scope = Pick<Ctx, 'store' | 'accountId' | 'region'>;

/** AWS's ids: 17 hex digits after the prefix. */
export const newId = (prefix: string): string => `${prefix}-0${randomBytes(8).toString('hex')}`;

/** A new file system is `creating` for a few simulated seconds, as AWS's are. */
export const FS_CREATE_MS = 5_000;

export const fsArn = (r: Pick<FsRow, 'account_id' | 'region' | 'id'>): string =>
  `arn:aws:elasticfilesystem:${r.region}:${r.account_id}:file-system/${r.id}`;

export function findFs(ctx: Scope, id: string): FsRow | undefined {
  return scoped(ctx).get<FsRow>('SELECT * FROM efs_file_systems WHERE id = ?', id);
}

export function getFs(ctx: Scope, id: string): FsRow {
  const row = findFs(ctx, id);
  if (!row) throw fileSystemNotFound(id);
  return row;
}

export const fsState = (r: FsRow, now: number): string => (now < r.available_at ? 'creating' : 'available');

export const mountTargetCount = (ctx: Scope, id: string): number =>
  scoped(ctx).get<{ n: number }>('SELECT COUNT(*) AS n FROM efs_mount_targets WHERE fs_id = ?', id)?.n ?? 0;

export const tagsOf = (json: string): Tag[] => JSON.parse(json) as Tag[];

/** Tags replace by key, as TagResource does. */
export function mergeTags(old: Tag[], add: Tag[]): Tag[] {
  const m = new Map(old.map((t) => [t.Key, t.Value]));
  for (const t of add) m.set(t.Key, t.Value);
  return [...m].map(([Key, Value]) => ({ Key, Value }));
}

export function describeFs(ctx: Scope & { clock: { now(): number } }, r: FsRow): CreateFileSystemResult {
  const now = ctx.clock.now();
  const tags = tagsOf(r.tags);
  const name = tags.find((t) => t.Key === 'Name')?.Value;
  const size = meteredBytes(ctx.store, r.id);
  return {
    OwnerId: r.account_id,
    CreationToken: r.creation_token,
    FileSystemId: r.id,
    FileSystemArn: fsArn(r),
    CreationTime: new Date(r.created_at),
    LifeCycleState: fsState(r, now),
    ...(name !== undefined ? { Name: name } : {}),
    NumberOfMountTargets: mountTargetCount(ctx, r.id),
    // Metered size: what guests stored, counted in blocks as EFS meters it; all of it in Standard
    // (the lab does not age files into Infrequent Access: a lifecycle policy is recorded, see cost.ts).
    SizeInBytes: { Value: size, Timestamp: new Date(now), ValueInIA: 0, ValueInStandard: size, ValueInArchive: 0 },
    PerformanceMode: r.performance_mode,
    Encrypted: r.encrypted === 1,
    ...(r.kms_key_id ? { KmsKeyId: r.kms_key_id } : {}),
    ThroughputMode: r.throughput_mode,
    ...(r.provisioned_mibps !== null ? { ProvisionedThroughputInMibps: r.provisioned_mibps } : {}),
    ...(r.az_name ? { AvailabilityZoneName: r.az_name, AvailabilityZoneId: azId(r.region, r.az_name) } : {}),
    Tags: tags,
    FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
  };
}

/** use1-az1 style zone ids: the region's short form and the zone letter's position. */
export function azId(region: string, az: string): string {
  const [geo, dir, n] = region.split('-');
  const short = `${geo}${(dir ?? '').slice(0, 1)}${n ?? ''}`.replace(/^(..)(.)(\d)$/, '$1$2$3');
  return `${short}-az${az.charCodeAt(az.length - 1) - 96}`;
}
