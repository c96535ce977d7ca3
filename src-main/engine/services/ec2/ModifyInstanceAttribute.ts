import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidParameterCombination, notStoppedForAttribute, unknownInstanceAttribute, userDataTooLarge } from './errors';
import { checkInstanceType, MAX_USER_DATA_BYTES } from './RunInstances';
import { resolveSecurityGroups } from './state/instance-networking';
import { catchUp } from './state/instance-lifecycle';
import { getInstance, type InstanceRow } from './state/instances';
import { enisOfInstance, setGroups, setSourceDestCheck } from './state/network-interfaces';
import { attachmentsOfInstance, setDeleteOnTermination } from './state/volumes';

type In = Ec2Input<'ModifyInstanceAttribute'>;

/** Attributes that may only change while the instance is stopped (§3.4 changes the type this way). */
const STOPPED_ONLY = new Set(['instanceType', 'userData', 'kernel', 'ramdisk', 'ebsOptimized', 'enaSupport', 'sriovNetSupport']);

const bool = (v: string): boolean => v.toLowerCase() === 'true';

/** Collapses the two request forms (Attribute + Value, or one structured member) into one change. */
function requestedChange(input: In): { attribute: string; value: unknown } {
  const changes: { attribute: string; value: unknown }[] = [];
  if (input.InstanceType?.Value !== undefined) changes.push({ attribute: 'instanceType', value: input.InstanceType.Value });
  if (input.UserData?.Value !== undefined) changes.push({ attribute: 'userData', value: Buffer.from(input.UserData.Value) });
  if (input.Groups?.length) changes.push({ attribute: 'groupSet', value: input.Groups });
  if (input.SourceDestCheck?.Value !== undefined) changes.push({ attribute: 'sourceDestCheck', value: input.SourceDestCheck.Value });
  if (input.DisableApiTermination?.Value !== undefined) changes.push({ attribute: 'disableApiTermination', value: input.DisableApiTermination.Value });
  if (input.DisableApiStop?.Value !== undefined) changes.push({ attribute: 'disableApiStop', value: input.DisableApiStop.Value });
  if (input.InstanceInitiatedShutdownBehavior?.Value !== undefined)
    changes.push({ attribute: 'instanceInitiatedShutdownBehavior', value: input.InstanceInitiatedShutdownBehavior.Value });
  if (input.EbsOptimized?.Value !== undefined) changes.push({ attribute: 'ebsOptimized', value: input.EbsOptimized.Value });
  if (input.BlockDeviceMappings?.length) changes.push({ attribute: 'blockDeviceMapping', value: input.BlockDeviceMappings });
  if (input.Attribute !== undefined) {
    const a = input.Attribute;
    const v = input.Value ?? '';
    const value =
      a === 'sourceDestCheck' || a === 'disableApiTermination' || a === 'disableApiStop' || a === 'ebsOptimized' ? bool(v) : a === 'userData' ? Buffer.from(v, 'base64') : v;
    changes.push({ attribute: a, value });
  }
  if (changes.length !== 1) throw invalidParameterCombination('Fields for multiple attribute types specified: ' + changes.map((c) => c.attribute).join(', '));
  return changes[0]!;
}

function apply(ctx: Ctx, inst: InstanceRow, attribute: string, value: unknown): void {
  const set = (column: string, v: unknown) => ctx.store.stmt(`UPDATE ec2_instances SET ${column} = ? WHERE instance_id = ?`).run(v, inst.instance_id);
  switch (attribute) {
    case 'instanceType':
      set('instance_type', checkInstanceType(value as string).instanceType);
      return;
    case 'userData': {
      const data = value as Buffer;
      if (data.length > MAX_USER_DATA_BYTES) throw userDataTooLarge();
      set('user_data', data.length ? data.toString('base64') : null);
      return;
    }
    case 'groupSet': {
      const groups = resolveSecurityGroups(ctx, inst.vpc_id, { ids: value as string[], subnetId: inst.subnet_id });
      const primary = enisOfInstance(ctx, inst.instance_id).find((e) => e.device_index === 0);
      if (primary) setGroups(ctx, primary.eni_id, groups);
      return;
    }
    case 'sourceDestCheck':
      for (const e of enisOfInstance(ctx, inst.instance_id)) setSourceDestCheck(ctx, e.eni_id, value as boolean);
      return;
    case 'disableApiTermination':
      set('disable_api_termination', value ? 1 : 0);
      return;
    case 'disableApiStop':
      set('disable_api_stop', value ? 1 : 0);
      return;
    case 'instanceInitiatedShutdownBehavior':
      if (value !== 'stop' && value !== 'terminate') throw unknownInstanceAttribute(String(value));
      set('shutdown_behavior', value);
      return;
    case 'ebsOptimized':
      set('ebs_optimized', value ? 1 : 0);
      return;
    case 'blockDeviceMapping': {
      const attachments = attachmentsOfInstance(ctx, inst.instance_id);
      for (const m of value as NonNullable<In['BlockDeviceMappings']>) {
        const a = attachments.find((x) => x.device === m.DeviceName);
        if (a && m.Ebs?.DeleteOnTermination !== undefined) setDeleteOnTermination(ctx, a.volume_id, m.Ebs.DeleteOnTermination);
      }
      return;
    }
    default:
      throw unknownInstanceAttribute(attribute);
  }
}

/** Changes one attribute: the type or user data while stopped (§3.4), groups, protection flags. */
export function ModifyInstanceAttribute(ctx: Ctx, input: In): Ec2Output<'ModifyInstanceAttribute'> {
  catchUp(ctx);
  const inst = getInstance(ctx, input.InstanceId);
  const { attribute, value } = requestedChange(input);
  if (STOPPED_ONLY.has(attribute) && inst.state !== 'stopped') throw notStoppedForAttribute(inst.instance_id);
  if (attribute === 'instanceType') checkInstanceType(value as string);
  checkDryRun(input);
  apply(ctx, inst, attribute, value);
  return {};
}
