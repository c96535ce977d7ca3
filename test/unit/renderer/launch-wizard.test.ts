import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setContractClient } from '../../../src-renderer/contract-client';
import { useLabStore } from '../../../src-renderer/stores/lab';
import {
  initialChoices,
  rootStorage,
  runInstancesInput,
  stepProblem,
  useLaunchWizardStore,
} from '../../../src-renderer/stores/launch-wizard';
import { newRule } from '../../../src-renderer/composables/useRuleEditor';
import { useAws } from '../../../src-renderer/composables/useAws';
import { list, text } from '../../../src-renderer/aws/json';
import { settle, startInProcessLab, type InProcessLab } from './in-process-lab';

const AMI = {
  ImageId: 'ami-6057e21a',
  Name: 'amzn-ami-hvm-2017.09.1.20180115-x86_64-gp2',
  RootDeviceName: '/dev/xvda',
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp2' } }],
};
const NOW = new Date('2026-01-15T10:30:00Z');

describe('wizard steps', () => {
  it('starts like AWS: t2.micro, one instance, a Name tag, a new launch-wizard group allowing SSH', () => {
    const c = initialChoices(3, NOW);
    expect(c.instanceType).toBe('t2.micro');
    expect(c.count).toBe(1);
    expect(c.tags).toEqual([{ key: 'Name', value: '' }]);
    expect(c.sgName).toBe('launch-wizard-3');
    expect(c.sgDescription).toBe('launch-wizard-3 created 2026-01-15T10:30:00');
    expect(c.sgRules).toEqual([newRule('ssh')]);
  });

  it('takes the root volume from the AMI', () => {
    expect(rootStorage(AMI)).toEqual({ deviceName: '/dev/xvda', size: 8, volumeType: 'gp2', deleteOnTermination: true, root: true });
  });

  it('says what each step still needs', () => {
    const c = initialChoices(1, NOW);
    expect(stepProblem(1, c)).toBe('Select an AMI.');
    c.image = AMI;
    expect(stepProblem(1, c)).toBeUndefined();
    c.count = 0;
    expect(stepProblem(3, c)).toBe('Launch at least one instance.');
    c.storage = [{ ...rootStorage(AMI), size: 0 }];
    expect(stepProblem(4, c)).toBe('Volume sizes are 1 to 16384 GiB.');
    c.tags = [
      { key: 'Name', value: 'a' },
      { key: 'Name', value: 'b' },
    ];
    expect(stepProblem(5, c)).toBe('Tag keys must be unique.');
    c.sgName = ' ';
    expect(stepProblem(6, c)).toBe('Enter a security group name.');
    c.sgName = 'ssh-only';
    c.sgRules = [{ ...newRule('ssh'), source: 'everyone' }];
    expect(stepProblem(6, c)).toBe('Enter a CIDR block (0.0.0.0/0, 203.0.113.10/32) or a security group ID.');
    c.sgMode = 'existing';
    expect(stepProblem(6, c)).toBe('Select at least one security group.');
  });

  it('moves forward only over complete steps, backwards always', () => {
    setActivePinia(createPinia());
    const w = useLaunchWizardStore();
    w.reset(1);
    expect(w.next()).toBe(false);
    expect(w.goTo(7)).toBe(false);
    expect(w.step).toBe(1);
    w.selectImage(AMI);
    expect(w.next()).toBe(true);
    expect(w.step).toBe(2);
    expect(w.goTo(7)).toBe(true);
    expect(w.firstIncomplete).toBeUndefined();
    w.back();
    expect(w.step).toBe(6);
    expect(w.goTo(1)).toBe(true);
    expect(w.choices.storage).toHaveLength(1);
  });
});

describe('RunInstances input', () => {
  it('carries every choice, with the groups and key it is given', () => {
    const c = { ...initialChoices(1, NOW), image: AMI, storage: [rootStorage(AMI)], tags: [{ key: 'Name', value: 'mymachine' }], userData: '#!/bin/bash\necho hi' };
    expect(runInstancesInput(c, ['sg-1'], 'mykey')).toEqual({
      ImageId: 'ami-6057e21a',
      InstanceType: 't2.micro',
      MinCount: 1,
      MaxCount: 1,
      KeyName: 'mykey',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp2', DeleteOnTermination: true } }],
      Monitoring: { Enabled: false },
      InstanceInitiatedShutdownBehavior: 'stop',
      DisableApiTermination: false,
      UserData: btoa('#!/bin/bash\necho hi'),
      TagSpecifications: [
        { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'mymachine' }] },
        { ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'mymachine' }] },
      ],
      SecurityGroupIds: ['sg-1'],
    });
  });

  it('asks for a public IP through a network interface when the learner overrides the subnet setting', () => {
    const c = { ...initialChoices(1, NOW), image: AMI, subnetId: 'subnet-1', publicIp: 'enable' as const };
    const input = runInstancesInput(c, ['sg-1'], undefined);
    expect(input.NetworkInterfaces).toEqual([{ DeviceIndex: 0, Groups: ['sg-1'], SubnetId: 'subnet-1', AssociatePublicIpAddress: true }]);
    expect(input.SecurityGroupIds).toBeUndefined();
    expect(input.KeyName).toBeUndefined();
  });
});

describe('launch, against a real engine', () => {
  let lab: InProcessLab;
  beforeEach(async () => {
    lab = startInProcessLab();
    setContractClient(lab.client);
    setActivePinia(createPinia());
    useLabStore();
    await settle();
  });
  afterEach(() => {
    setContractClient(undefined);
    lab.close();
  });

  it('creates the group and its SSH rule, the key pair, then the instance with all of it', async () => {
    const { call } = useAws();
    const images = list(await call('ec2', 'DescribeImages', { Owners: ['amazon'] }), 'Images');
    const image = images.find((i) => text(i, 'Name').startsWith('amzn-ami-hvm-2017.09.1'));
    expect(image).toBeDefined();
    const vpcs = list(await call('ec2', 'DescribeVpcs'), 'Vpcs');
    const vpcId = text(vpcs.find((v) => v.IsDefault === true), 'VpcId');
    const w = useLaunchWizardStore();
    w.reset(1);
    w.selectImage(image!);
    w.choices.tags = [{ key: 'Name', value: 'mymachine' }];
    w.choices.sgName = 'ssh-only';
    const { output, privateKey } = await w.launch(call, { mode: 'new', keyName: 'mykey' }, vpcId);
    expect(privateKey?.name).toBe('mykey');
    expect(privateKey?.pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const launched = list(output, 'Instances')[0];
    expect(text(launched, 'State.Name')).toBe('pending');
    expect(text(launched, 'KeyName')).toBe('mykey');
    expect(list(launched, 'SecurityGroups').map((g) => text(g, 'GroupName'))).toEqual(['ssh-only']);
    const group = list(await call('ec2', 'DescribeSecurityGroups', { GroupNames: ['ssh-only'] }), 'SecurityGroups')[0];
    expect(list(group, 'IpPermissions').map((p) => [text(p, 'IpProtocol'), text(p, 'FromPort'), list(p, 'IpRanges').map((r) => text(r, 'CidrIp'))])).toEqual([
      ['tcp', '22', ['0.0.0.0/0']],
    ]);
    // A retry after a failure would reuse the group instead of making it twice.
    expect(w.choices.sgMode).toBe('existing');
    expect(w.choices.existingGroupIds).toEqual([text(group, 'GroupId')]);
    const history = lab.engine.store.stmt(`SELECT operation, source FROM events WHERE service = 'ec2' AND operation NOT LIKE 'Describe%' ORDER BY id`).all();
    expect(history).toEqual([
      { operation: 'CreateSecurityGroup', source: 'console' },
      { operation: 'AuthorizeSecurityGroupIngress', source: 'console' },
      { operation: 'CreateKeyPair', source: 'console' },
      { operation: 'RunInstances', source: 'console' },
    ]);
  });
});
