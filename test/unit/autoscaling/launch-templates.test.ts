/** EC2 launch templates and their versions, and Auto Scaling groups launching from them. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { elbLab, expectAwsError, WEB_USER_DATA, type ElbLab } from '../elb/lab';

const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));
const newLab = () => {
  const l = elbLab();
  labs.push(l);
  return l;
};

describe('launch templates', () => {
  it('keep numbered versions, $Latest and $Default, and answer EC2 errors', async () => {
    const lab = newLab();
    const created = (await lab.call('ec2', 'CreateLaunchTemplate', {
      LaunchTemplateName: 'web',
      VersionDescription: 'first',
      LaunchTemplateData: { ImageId: 'ami-6057e21a', InstanceType: 't2.micro' },
      TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'team', Value: 'ops' }] }],
    })).LaunchTemplate;
    expect(created.LaunchTemplateId).toMatch(/^lt-0[0-9a-f]{16}$/);
    expect([created.DefaultVersionNumber, created.LatestVersionNumber]).toEqual([1, 1]);
    const v2 = (await lab.call('ec2', 'CreateLaunchTemplateVersion', { LaunchTemplateName: 'web', SourceVersion: '1', LaunchTemplateData: { InstanceType: 't2.small' } })).LaunchTemplateVersion;
    expect(v2).toMatchObject({ VersionNumber: 2, DefaultVersion: false, LaunchTemplateData: { ImageId: 'ami-6057e21a', InstanceType: 't2.small' } });
    const latest = (await lab.call('ec2', 'DescribeLaunchTemplateVersions', { LaunchTemplateId: created.LaunchTemplateId, Versions: ['$Latest', '$Default'] })).LaunchTemplateVersions;
    expect(latest.map((v: any) => [v.VersionNumber, v.DefaultVersion])).toEqual([[2, false], [1, true]]);
    await lab.call('ec2', 'ModifyLaunchTemplate', { LaunchTemplateName: 'web', DefaultVersion: '2' });
    const listed = (await lab.call('ec2', 'DescribeLaunchTemplates', { Filters: [{ Name: 'tag:team', Values: ['ops'] }] })).LaunchTemplates;
    expect(listed.map((t: any) => [t.LaunchTemplateName, t.DefaultVersionNumber, t.LatestVersionNumber])).toEqual([['web', 2, 2]]);
    const del = await lab.call('ec2', 'DeleteLaunchTemplateVersions', { LaunchTemplateName: 'web', Versions: ['2', '1'] });
    expect(del.SuccessfullyDeletedLaunchTemplateVersions.map((v: any) => v.VersionNumber)).toEqual([1]);
    expect(del.UnsuccessfullyDeletedLaunchTemplateVersions[0].ResponseError.Code).toBe('launchTemplateVersionIsDefaultVersion');
    await expectAwsError(lab.call('ec2', 'CreateLaunchTemplate', { LaunchTemplateName: 'web', LaunchTemplateData: {} }), 'InvalidLaunchTemplateName.AlreadyExistsException', 'Launch template name already in use.');
    await expectAwsError(
      lab.call('ec2', 'DescribeLaunchTemplates', { LaunchTemplateNames: ['nope'] }),
      'InvalidLaunchTemplateName.NotFoundException',
      'The specified launch template, with template name nope, does not exist.',
    );
    await lab.call('ec2', 'DeleteLaunchTemplate', { LaunchTemplateName: 'web' });
    expect((await lab.call('ec2', 'DescribeLaunchTemplates', {})).LaunchTemplates).toEqual([]);
  });

  it('launch a group’s instances from the version the group names', async () => {
    const lab = newLab();
    const net = await lab.network();
    const lt = (await lab.call('ec2', 'CreateLaunchTemplate', {
      LaunchTemplateName: 'web',
      LaunchTemplateData: { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', SecurityGroupIds: [net.webSg], UserData: WEB_USER_DATA, TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'app', Value: 'shop' }] }] },
    })).LaunchTemplate;
    await lab.call('ec2', 'CreateLaunchTemplateVersion', { LaunchTemplateId: lt.LaunchTemplateId, SourceVersion: '1', LaunchTemplateData: { InstanceType: 't2.small' } });
    await expectAwsError(
      lab.call('autoscaling', 'CreateAutoScalingGroup', { AutoScalingGroupName: 'bad', LaunchTemplate: { LaunchTemplateName: 'missing' }, MinSize: 1, MaxSize: 1, VPCZoneIdentifier: net.subnets.join(',') }),
      'ValidationError',
      'You must use a valid fully-formed launch template. The specified launch template, with template name missing, does not exist.',
    );
    await lab.call('autoscaling', 'CreateAutoScalingGroup', {
      AutoScalingGroupName: 'web',
      LaunchTemplate: { LaunchTemplateName: 'web', Version: '$Latest' },
      MinSize: 2,
      MaxSize: 2,
      VPCZoneIdentifier: net.subnets.join(','),
      Tags: [{ Key: 'Name', Value: 'web-server', PropagateAtLaunch: true }],
    });
    await lab.run(60_000);
    const g = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0];
    expect(g.LaunchTemplate).toEqual({ LaunchTemplateId: lt.LaunchTemplateId, LaunchTemplateName: 'web', Version: '$Latest' });
    expect(g.Instances.map((i: any) => [i.LifecycleState, i.InstanceType, i.LaunchTemplate.Version])).toEqual([['InService', 't2.small', '2'], ['InService', 't2.small', '2']]);
    const inst = (await lab.call('ec2', 'DescribeInstances', { InstanceIds: [g.Instances[0].InstanceId] })).Reservations[0].Instances[0];
    expect(inst.InstanceType).toBe('t2.small');
    expect(inst.SecurityGroups.map((s: any) => s.GroupId)).toEqual([net.webSg]);
    expect(inst.Tags.map((t: any) => `${t.Key}=${t.Value}`).sort()).toEqual(['Name=web-server', 'app=shop', 'aws:autoscaling:groupName=web']);
  });
});
