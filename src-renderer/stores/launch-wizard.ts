/**
 * The classic seven-step launch wizard of §3.1.1: its choices, what each step needs before the
 * learner may go on, and the AWS calls that launch (CreateSecurityGroup + AuthorizeSecurityGroupIngress
 * for a new group, CreateKeyPair for a new key, then one RunInstances with everything).
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { JsonObject } from '../../src-main/contract';
import type { AwsCall } from '../composables/useAws';
import { newRule, ruleProblem, toIpPermission, type RuleRow } from '../composables/useRuleEditor';
import { list, num, text, type Row } from '../aws/json';

export const STEPS = [
  'Choose AMI',
  'Choose Instance Type',
  'Configure Instance',
  'Add Storage',
  'Add Tags',
  'Configure Security Group',
  'Review',
] as const;

export interface StorageRow {
  deviceName: string;
  size: number;
  volumeType: string;
  deleteOnTermination: boolean;
  root: boolean;
}

export interface TagRow {
  key: string;
  value: string;
}

export type KeyChoice = { mode: 'existing'; keyName: string } | { mode: 'new'; keyName: string } | { mode: 'none' };

export interface WizardChoices {
  image?: Row;
  instanceType: string;
  count: number;
  subnetId: string; // '' = no preference (the default subnet of a zone)
  publicIp: 'subnet' | 'enable' | 'disable';
  shutdownBehavior: 'stop' | 'terminate';
  monitoring: boolean;
  terminationProtection: boolean;
  userData: string;
  storage: StorageRow[];
  tags: TagRow[];
  sgMode: 'new' | 'existing';
  sgName: string;
  sgDescription: string;
  sgRules: RuleRow[];
  existingGroupIds: string[];
}

export function initialChoices(groupNumber = 1, now = new Date()): WizardChoices {
  const name = `launch-wizard-${groupNumber}`;
  return {
    image: undefined,
    instanceType: 't2.micro',
    count: 1,
    subnetId: '',
    publicIp: 'subnet',
    shutdownBehavior: 'stop',
    monitoring: false,
    terminationProtection: false,
    userData: '',
    storage: [],
    tags: [{ key: 'Name', value: '' }],
    sgMode: 'new',
    sgName: name,
    sgDescription: `${name} created ${now.toISOString().slice(0, 19)}`,
    sgRules: [newRule('ssh')],
    existingGroupIds: [],
  };
}

/** The root volume an AMI brings, as step 4 starts with it. */
export function rootStorage(image: Row): StorageRow {
  const mapping = list(image, 'BlockDeviceMappings').find((m) => text(m, 'DeviceName') === text(image, 'RootDeviceName'));
  return {
    deviceName: text(image, 'RootDeviceName') || '/dev/xvda',
    size: num(mapping, 'Ebs.VolumeSize') ?? 8,
    volumeType: text(mapping, 'Ebs.VolumeType') || 'gp2',
    deleteOnTermination: true,
    root: true,
  };
}

/** Why the learner cannot leave `step` yet (1-based), or undefined. */
export function stepProblem(step: number, c: WizardChoices): string | undefined {
  switch (step) {
    case 1:
      return c.image ? undefined : 'Select an AMI.';
    case 2:
      return c.instanceType ? undefined : 'Select an instance type.';
    case 3:
      return Number.isInteger(c.count) && c.count >= 1 ? undefined : 'Launch at least one instance.';
    case 4:
      return c.storage.every((s) => s.size >= 1 && s.size <= 16384) ? undefined : 'Volume sizes are 1 to 16384 GiB.';
    case 5: {
      const keys = c.tags.map((t) => t.key.trim()).filter(Boolean);
      if (new Set(keys).size !== keys.length) return 'Tag keys must be unique.';
      return c.tags.some((t) => t.key.length > 127 || t.value.length > 255) ? 'Tag keys have up to 127 characters, values up to 255.' : undefined;
    }
    case 6:
      if (c.sgMode === 'existing') return c.existingGroupIds.length ? undefined : 'Select at least one security group.';
      if (!c.sgName.trim()) return 'Enter a security group name.';
      if (!c.sgDescription.trim()) return 'Enter a description.';
      return c.sgRules.map(ruleProblem).find((p) => p !== undefined);
    default:
      return undefined;
  }
}

/** RunInstances' input for the choices, given the security group ids and key name to use. */
export function runInstancesInput(c: WizardChoices, groupIds: string[], keyName: string | undefined): JsonObject {
  const tags = c.tags.filter((t) => t.key.trim()).map((t) => ({ Key: t.key.trim(), Value: t.value }));
  const input: JsonObject = {
    ImageId: text(c.image, 'ImageId'),
    InstanceType: c.instanceType,
    MinCount: c.count,
    MaxCount: c.count,
    BlockDeviceMappings: c.storage.map((s) => ({
      DeviceName: s.deviceName,
      Ebs: { VolumeSize: s.size, VolumeType: s.volumeType, DeleteOnTermination: s.deleteOnTermination },
    })),
    Monitoring: { Enabled: c.monitoring },
    InstanceInitiatedShutdownBehavior: c.shutdownBehavior,
    DisableApiTermination: c.terminationProtection,
  };
  if (keyName) input.KeyName = keyName;
  if (c.userData.trim()) input.UserData = btoa(unescape(encodeURIComponent(c.userData)));
  if (tags.length) input.TagSpecifications = [{ ResourceType: 'instance', Tags: tags }, { ResourceType: 'volume', Tags: tags }];
  if (c.publicIp === 'subnet' && !c.subnetId) input.SecurityGroupIds = groupIds;
  else {
    // A network interface spec is the only way to ask for (or refuse) a public address.
    const nic: JsonObject = { DeviceIndex: 0, Groups: groupIds };
    if (c.subnetId) nic.SubnetId = c.subnetId;
    if (c.publicIp !== 'subnet') nic.AssociatePublicIpAddress = c.publicIp === 'enable';
    input.NetworkInterfaces = [nic];
  }
  return input;
}

export const useLaunchWizardStore = defineStore('launch-wizard', () => {
  const step = ref(1);
  const choices = ref<WizardChoices>(initialChoices());
  const launching = ref(false);

  const problem = computed(() => stepProblem(step.value, choices.value));
  /** The first step (before Review) that still needs something. */
  const firstIncomplete = computed(() => [1, 2, 3, 4, 5, 6].find((s) => stepProblem(s, choices.value)));

  function reset(groupNumber = 1): void {
    step.value = 1;
    choices.value = initialChoices(groupNumber);
  }
  function next(): boolean {
    if (problem.value || step.value >= STEPS.length) return false;
    step.value++;
    return true;
  }
  function back(): void {
    if (step.value > 1) step.value--;
  }
  /** Jump to a step: backwards always, forwards only over completed steps. */
  function goTo(target: number): boolean {
    if (target < 1 || target > STEPS.length) return false;
    const blocking = [...Array(target - 1).keys()].map((i) => i + 1).find((s) => stepProblem(s, choices.value));
    if (target > step.value && blocking !== undefined) return false;
    step.value = target;
    return true;
  }
  function selectImage(image: Row): void {
    choices.value.image = image;
    choices.value.storage = [rootStorage(image)];
  }

  /**
   * Launches with the choices: creates the new security group (and its rules) and the new key pair
   * first, then RunInstances. Returns RunInstances' output and, for a new key, its private key.
   */
  async function launch(call: AwsCall, key: KeyChoice, vpcId: string): Promise<{ output: JsonObject; privateKey?: { name: string; pem: string } }> {
    launching.value = true;
    try {
      const c = choices.value;
      let groupIds = c.existingGroupIds;
      if (c.sgMode === 'new') {
        const group = await call('ec2', 'CreateSecurityGroup', { GroupName: c.sgName.trim(), Description: c.sgDescription.trim(), VpcId: vpcId });
        const groupId = text(group, 'GroupId');
        if (c.sgRules.length)
          await call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: groupId, IpPermissions: c.sgRules.map(toIpPermission) });
        groupIds = [groupId];
        // The group exists now: a retry after a failed launch uses it instead of making it again.
        c.sgMode = 'existing';
        c.existingGroupIds = groupIds;
      }
      let privateKey: { name: string; pem: string } | undefined;
      if (key.mode === 'new') {
        const made = await call('ec2', 'CreateKeyPair', { KeyName: key.keyName, KeyType: 'rsa', KeyFormat: 'pem' });
        privateKey = { name: key.keyName, pem: text(made, 'KeyMaterial') };
      }
      const output = await call('ec2', 'RunInstances', runInstancesInput(c, groupIds, key.mode === 'none' ? undefined : key.keyName));
      return { output, privateKey };
    } finally {
      launching.value = false;
    }
  }

  return { step, choices, launching, problem, firstIncomplete, reset, next, back, goTo, selectImage, launch };
});
