import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { CreateFileSystemInput, CreateFileSystemOutput } from '../../models/generated/elasticfilesystem';
import { badRequest, fileSystemExistsForToken } from './errors';
import { FS_CREATE_MS, describeFs, findFs, newId, type FsRow } from './state/file-systems';
import { createRoot } from './state/files';
import { INITIAL_CREDITS } from './state/throughput';
import { checkTags, checkThroughput } from './checks';

const PERFORMANCE = ['generalPurpose', 'maxIO'];

/**
 * A new, empty file system: `creating` for a few simulated seconds, then `available`. The creation
 * token makes the call idempotent: the same token answers FileSystemAlreadyExists naming the first one.
 */
export function CreateFileSystem(ctx: Ctx, input: CreateFileSystemInput): CreateFileSystemOutput {
  const performance = input.PerformanceMode ?? 'generalPurpose';
  if (!PERFORMANCE.includes(performance)) throw badRequest(`Invalid performance mode: ${performance}`);
  const mode = input.ThroughputMode ?? 'bursting';
  checkThroughput(mode, input.ProvisionedThroughputInMibps);
  if (mode === 'elastic' && performance === 'maxIO') throw badRequest('Elastic throughput mode is not supported with the Max I/O performance mode.');
  if (input.KmsKeyId && !input.Encrypted) throw badRequest('A KmsKeyId is given but Encrypted is not true.');
  checkTags(input.Tags ?? []);
  const existing = scoped(ctx).get<FsRow>('SELECT * FROM efs_file_systems WHERE creation_token = ?', input.CreationToken);
  if (existing) throw fileSystemExistsForToken(input.CreationToken, existing.id);
  const id = newId('fs');
  const now = ctx.clock.now();
  scoped(ctx).insert('efs_file_systems', {
    id,
    creation_token: input.CreationToken,
    performance_mode: performance,
    throughput_mode: mode,
    provisioned_mibps: mode === 'provisioned' ? input.ProvisionedThroughputInMibps : null,
    encrypted: input.Encrypted ? 1 : 0,
    kms_key_id: input.Encrypted ? (input.KmsKeyId ?? `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/aws/elasticfilesystem`) : null,
    az_name: input.AvailabilityZoneName ?? null,
    tags: JSON.stringify(input.Tags ?? []),
    backup: input.Backup ? 'ENABLED' : 'NONE',
    created_at: now,
    available_at: now + FS_CREATE_MS,
    credits: INITIAL_CREDITS,
    credits_at: now,
  });
  createRoot(ctx.store, id, now);
  return describeFs(ctx, findFs(ctx, id)!);
}
