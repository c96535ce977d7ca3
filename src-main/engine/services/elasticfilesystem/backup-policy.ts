/**
 * PutBackupPolicy / DescribeBackupPolicy: whether AWS Backup's daily plan covers the file system.
 * The lab records it (and the console shows it); no backup jobs run.
 */
import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { DescribeBackupPolicyInput, DescribeBackupPolicyOutput, PutBackupPolicyInput, PutBackupPolicyOutput } from '../../models/generated/elasticfilesystem';
import { backupPolicyNotFound, badRequest } from './errors';
import { getFs } from './state/file-systems';

export function PutBackupPolicy(ctx: Ctx, input: PutBackupPolicyInput): PutBackupPolicyOutput {
  const fs = getFs(ctx, input.FileSystemId);
  const status = input.BackupPolicy.Status;
  if (status !== 'ENABLED' && status !== 'DISABLED') throw badRequest(`Invalid backup policy status: ${status}`);
  scoped(ctx).run('UPDATE efs_file_systems SET backup = ? WHERE id = ?', status, fs.id);
  return { BackupPolicy: { Status: status } };
}

export function DescribeBackupPolicy(ctx: Ctx, input: DescribeBackupPolicyInput): DescribeBackupPolicyOutput {
  const fs = getFs(ctx, input.FileSystemId);
  if (fs.backup === 'NONE') throw backupPolicyNotFound(fs.id);
  return { BackupPolicy: { Status: fs.backup } };
}
