/**
 * File system policies (a resource policy on the file system). Recorded and validated as JSON with
 * statements; NFS clients in the lab mount as if IAM authorization were off (no `iam` mount option).
 */
import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type {
  DeleteFileSystemPolicyInput,
  DeleteFileSystemPolicyOutput,
  DescribeFileSystemPolicyInput,
  DescribeFileSystemPolicyOutput,
  PutFileSystemPolicyInput,
  PutFileSystemPolicyOutput,
} from '../../models/generated/elasticfilesystem';
import { invalidPolicy, policyNotFound } from './errors';
import { getFs } from './state/file-systems';

export function PutFileSystemPolicy(ctx: Ctx, input: PutFileSystemPolicyInput): PutFileSystemPolicyOutput {
  const fs = getFs(ctx, input.FileSystemId);
  let doc: unknown;
  try {
    doc = JSON.parse(input.Policy);
  } catch {
    throw invalidPolicy('Policy contains invalid JSON.');
  }
  const statements = (doc as { Statement?: unknown } | null)?.Statement;
  if (!statements || (Array.isArray(statements) && statements.length === 0)) throw invalidPolicy('Policy must contain at least one Statement.');
  scoped(ctx).run('UPDATE efs_file_systems SET policy = ? WHERE id = ?', input.Policy, fs.id);
  return { FileSystemId: fs.id, Policy: input.Policy };
}

export function DescribeFileSystemPolicy(ctx: Ctx, input: DescribeFileSystemPolicyInput): DescribeFileSystemPolicyOutput {
  const fs = getFs(ctx, input.FileSystemId);
  if (!fs.policy) throw policyNotFound(fs.id);
  return { FileSystemId: fs.id, Policy: fs.policy };
}

export function DeleteFileSystemPolicy(ctx: Ctx, input: DeleteFileSystemPolicyInput): DeleteFileSystemPolicyOutput {
  const fs = getFs(ctx, input.FileSystemId);
  scoped(ctx).run('UPDATE efs_file_systems SET policy = NULL WHERE id = ?', fs.id);
  return {};
}
