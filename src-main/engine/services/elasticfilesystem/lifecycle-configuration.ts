/**
 * PutLifecycleConfiguration / DescribeLifecycleConfiguration: the policies are recorded as given.
 * The lab keeps every file in Standard (files are not aged into Infrequent Access or Archive), and
 * says so in the console; SizeInBytes.ValueInIA stays 0.
 */
import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type {
  DescribeLifecycleConfigurationInput,
  DescribeLifecycleConfigurationOutput,
  PutLifecycleConfigurationInput,
  PutLifecycleConfigurationOutput,
} from '../../models/generated/elasticfilesystem';
import { badRequest } from './errors';
import { getFs } from './state/file-systems';

const DAYS = ['AFTER_1_DAY', 'AFTER_7_DAYS', 'AFTER_14_DAYS', 'AFTER_30_DAYS', 'AFTER_60_DAYS', 'AFTER_90_DAYS', 'AFTER_180_DAYS', 'AFTER_270_DAYS', 'AFTER_365_DAYS'];
const ALLOWED: Record<string, string[]> = {
  TransitionToIA: DAYS,
  TransitionToArchive: DAYS,
  TransitionToPrimaryStorageClass: ['AFTER_1_ACCESS'],
};

type Policy = PutLifecycleConfigurationInput['LifecyclePolicies'][number];

export function PutLifecycleConfiguration(ctx: Ctx, input: PutLifecycleConfigurationInput): PutLifecycleConfigurationOutput {
  const fs = getFs(ctx, input.FileSystemId);
  const seen = new Set<string>();
  for (const p of input.LifecyclePolicies) {
    const keys = Object.keys(p).filter((k) => (p as Record<string, unknown>)[k] !== undefined);
    if (keys.length !== 1) throw badRequest('Each lifecycle policy must have exactly one transition.');
    const k = keys[0]!;
    const v = String((p as Record<string, unknown>)[k]);
    if (!ALLOWED[k]?.includes(v)) throw badRequest(`${v} is not a valid value for ${k}.`);
    if (seen.has(k)) throw badRequest(`Only one ${k} policy is allowed.`);
    seen.add(k);
  }
  scoped(ctx).run('UPDATE efs_file_systems SET lifecycle = ? WHERE id = ?', JSON.stringify(input.LifecyclePolicies), fs.id);
  return { LifecyclePolicies: input.LifecyclePolicies };
}

export function DescribeLifecycleConfiguration(ctx: Ctx, input: DescribeLifecycleConfigurationInput): DescribeLifecycleConfigurationOutput {
  const fs = getFs(ctx, input.FileSystemId);
  return { LifecyclePolicies: JSON.parse(fs.lifecycle) as Policy[] };
}
