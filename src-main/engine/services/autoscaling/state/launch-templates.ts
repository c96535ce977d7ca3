/**
 * Groups that launch from an EC2 launch template: the reference the group keeps ({ id, name,
 * version } with `$Default` or `$Latest` resolved at each launch, as AWS does) and the template
 * data turned into RunInstances parameters for one subnet.
 */
import type { Ctx } from '../../../core/provider';
import { AwsError } from '../../../protocol/errors';
import { resolveLaunchTemplate } from '../../ec2/index';
import { validationError } from '../errors';

export interface TemplateRef {
  LaunchTemplateId: string;
  LaunchTemplateName: string;
  Version: string;
}

/** The reference a group stores; the template and version must exist now. */
export function checkLaunchTemplate(ctx: Ctx, spec: { LaunchTemplateId?: string; LaunchTemplateName?: string; Version?: string }): TemplateRef {
  if (!spec.LaunchTemplateId && !spec.LaunchTemplateName) throw validationError('You must specify either a launch template ID or a launch template name in the request.');
  if (spec.LaunchTemplateId && spec.LaunchTemplateName) throw validationError('You must specify either a launch template ID or a launch template name in the request, but not both.');
  const version = spec.Version ?? '$Default';
  try {
    const r = resolveLaunchTemplate(ctx, { ...spec, Version: version });
    return { LaunchTemplateId: r.LaunchTemplateId, LaunchTemplateName: r.LaunchTemplateName, Version: version };
  } catch (e) {
    if (e instanceof AwsError) throw validationError(`You must use a valid fully-formed launch template. ${e.message}`);
    throw e;
  }
}

export interface ResolvedTemplate {
  ref: TemplateRef;
  /** The version number launched (recorded on the instance). */
  version: number;
  data: Record<string, unknown>;
}

export function resolveGroupTemplate(ctx: Ctx, json: string): ResolvedTemplate | undefined {
  const ref = JSON.parse(json) as TemplateRef;
  try {
    const r = resolveLaunchTemplate(ctx, { LaunchTemplateId: ref.LaunchTemplateId, Version: ref.Version });
    return { ref, version: r.VersionNumber, data: r.data };
  } catch {
    return undefined;
  }
}

/** RunInstances members a template's data carries under the same names. */
const PASSED = [
  'ImageId', 'InstanceType', 'KeyName', 'UserData', 'IamInstanceProfile', 'BlockDeviceMappings', 'EbsOptimized', 'Monitoring', 'MetadataOptions',
  'SecurityGroupIds', 'SecurityGroups', 'InstanceInitiatedShutdownBehavior', 'DisableApiTermination', 'DisableApiStop', 'CreditSpecification', 'KernelId', 'RamdiskId',
  'CpuOptions', 'HibernationOptions', 'PrivateDnsNameOptions', 'MaintenanceOptions', 'EnclaveOptions', 'InstanceMarketOptions',
] as const;

type TagSpec = { ResourceType?: string; Tags?: { Key?: string; Value?: string }[] };

/** One instance in `subnetId`: the group's propagated tags join the template's instance tags. */
export function templateRunInput(group: string, data: Record<string, unknown>, subnetId: string, tags: { key: string; value: string }[]): Record<string, unknown> {
  const input: Record<string, unknown> = { MinCount: 1, MaxCount: 1 };
  for (const k of PASSED) if (data[k] !== undefined) input[k] = data[k];
  const specs = ((data.TagSpecifications as TagSpec[] | undefined) ?? []).map((s) => ({ ...s }));
  let inst = specs.find((s) => s.ResourceType === 'instance');
  if (!inst) specs.push((inst = { ResourceType: 'instance', Tags: [] }));
  const own = [...tags.map((t) => ({ Key: t.key, Value: t.value })), { Key: 'aws:autoscaling:groupName', Value: group }];
  inst.Tags = [...(inst.Tags ?? []).filter((t) => !own.some((o) => o.Key === t.Key)), ...own];
  input.TagSpecifications = specs;
  const nics = data.NetworkInterfaces as Record<string, unknown>[] | undefined;
  if (nics?.length) {
    const groups = !nics.some((n) => n.Groups) && data.SecurityGroupIds ? { Groups: data.SecurityGroupIds } : {};
    input.NetworkInterfaces = nics.map((n) => ((n.DeviceIndex ?? 0) === 0 ? { ...n, ...groups, DeviceIndex: 0, SubnetId: subnetId } : n));
    delete input.SecurityGroupIds;
  } else input.SubnetId = subnetId;
  return input;
}
