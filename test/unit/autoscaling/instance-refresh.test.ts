/** Instance refresh: a rolling replacement onto a new launch template version, within MinHealthyPercentage. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { elbLab, expectAwsError, type ElbLab } from '../elb/lab';

const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));

describe('an instance refresh', () => {
  it('replaces the instances batch by batch onto the new version, keeping half in service', async () => {
    const lab = elbLab();
    labs.push(lab);
    const net = await lab.network();
    const lt = (await lab.call('ec2', 'CreateLaunchTemplate', { LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', SecurityGroupIds: [net.webSg] } })).LaunchTemplate;
    await lab.call('autoscaling', 'CreateAutoScalingGroup', { AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateId: lt.LaunchTemplateId, Version: '1' }, MinSize: 2, MaxSize: 4, VPCZoneIdentifier: net.subnets.join(',') });
    await lab.run(40_000);
    const before = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0].Instances.map((i: any) => i.InstanceId);
    await expectAwsError(lab.call('autoscaling', 'CancelInstanceRefresh', { AutoScalingGroupName: 'web' }), 'ActiveInstanceRefreshNotFound', 'No in progress or pending Instance Refresh found for Auto Scaling group web');
    await lab.call('ec2', 'CreateLaunchTemplateVersion', { LaunchTemplateId: lt.LaunchTemplateId, SourceVersion: '1', LaunchTemplateData: { InstanceType: 't2.small' } });
    const { InstanceRefreshId } = await lab.call('autoscaling', 'StartInstanceRefresh', {
      AutoScalingGroupName: 'web',
      DesiredConfiguration: { LaunchTemplate: { LaunchTemplateId: lt.LaunchTemplateId, Version: '2' } },
      Preferences: { MinHealthyPercentage: 50, InstanceWarmup: 30 },
    });
    await expectAwsError(lab.call('autoscaling', 'StartInstanceRefresh', { AutoScalingGroupName: 'web' }), 'InstanceRefreshInProgress', 'An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.');
    let fewest = 2;
    for (let t = 0; t < 24; t++) {
      await lab.run(10_000);
      const g = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0];
      fewest = Math.min(fewest, g.Instances.filter((i: any) => i.LifecycleState === 'InService' || i.LifecycleState === 'Pending').length);
    }
    const r = (await lab.call('autoscaling', 'DescribeInstanceRefreshes', { AutoScalingGroupName: 'web' })).InstanceRefreshes[0];
    expect(r).toMatchObject({ InstanceRefreshId, Status: 'Successful', PercentageComplete: 100, InstancesToUpdate: 0 });
    const g = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0];
    expect(g.Instances.map((i: any) => [i.LifecycleState, i.InstanceType, i.LaunchTemplate.Version])).toEqual([['InService', 't2.small', '2'], ['InService', 't2.small', '2']]);
    expect(g.Instances.some((i: any) => before.includes(i.InstanceId))).toBe(false);
    expect(fewest).toBeGreaterThanOrEqual(1);
    const acts = (await lab.call('autoscaling', 'DescribeScalingActivities', { AutoScalingGroupName: 'web' })).Activities as any[];
    expect(acts.filter((a) => /in response to an instance refresh/.test(a.Cause)).map((a) => a.Description).sort()).toEqual(before.map((id: string) => `Terminating EC2 instance: ${id}`).sort());
  });
});
