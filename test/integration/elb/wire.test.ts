/**
 * Classic Load Balancers, EC2 launch templates and lifecycle hooks through the wire with Debian's
 * AWS CLI v2, SDK v2 and SDK v3, against a real lab (`nimbus serve --warp 60`): a group launched from a
 * template version waits in Pending:Wait until its hook is completed, then its instance is
 * registered with the Classic Load Balancer named by the group.
 */
import { describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { AutoScalingClient, CompleteLifecycleActionCommand, CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand, DescribeLifecycleHooksCommand } from '@aws-sdk/client-auto-scaling';
import { useLab } from '../../helpers/lab';
import { awsCli } from '../../helpers/clients';

const lab = useLab({ extraArgs: ['--warp', '60'] });
const asg = () => new AutoScalingClient({ endpoint: lab().endpoint, region: 'us-east-1', credentials: lab().credentials, maxAttempts: 1 });
const cli = (args: string[]) => {
  const r = awsCli(lab(), args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.trim();
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const v2 = () => ({ endpoint: lab().endpoint, region: 'us-east-1', credentials: new AWS.Credentials(lab().credentials.accessKeyId, lab().credentials.secretAccessKey), maxRetries: 0 });
const elbV2 = () => new AWS.ELB(v2());
const ec2V2 = () => new AWS.EC2(v2());
let subnetIds: string[] | undefined;
/** The default VPC's first two subnets (two zones). */
async function defaultSubnets(): Promise<string[]> {
  subnetIds ??= ((await ec2V2().describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }).promise()).Subnets ?? [])
    .sort((a, b) => (a.AvailabilityZone ?? '').localeCompare(b.AvailabilityZone ?? ''))
    .slice(0, 2)
    .map((s) => s.SubnetId!);
  return subnetIds;
}

async function lifecycle(name: string, want: string): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const g = (await asg().send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }))).AutoScalingGroups![0]!;
    const hit = g.Instances?.find((x) => x.LifecycleState === want);
    if (hit) return hit.InstanceId!;
    await sleep(250);
  }
  throw new Error(`no instance of ${name} reached ${want}`);
}

describe('classic load balancers, launch templates and lifecycle hooks on the wire', () => {
  it('answers Classic ELB and launch-template calls from the CLI and SDK v2, with AWS errors', async () => {
    const subnets = await defaultSubnets();
    const dns = cli(['elb', 'create-load-balancer', '--load-balancer-name', 'classic', '--listeners', 'Protocol=HTTP,LoadBalancerPort=80,InstanceProtocol=HTTP,InstancePort=80', '--subnets', ...subnets, '--query', 'DNSName', '--output', 'text']);
    expect(dns).toMatch(/^classic-\d{10}\.us-east-1\.elb\.amazonaws\.com$/);
    const hc = await elbV2().configureHealthCheck({ LoadBalancerName: 'classic', HealthCheck: { Target: 'HTTP:80/', Interval: 10, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 2 } }).promise();
    expect(hc.HealthCheck?.Target).toBe('HTTP:80/');
    const d = (await elbV2().describeLoadBalancers({}).promise()).LoadBalancerDescriptions!;
    expect(d.map((l) => [l.LoadBalancerName, l.Scheme, l.Subnets?.length, l.ListenerDescriptions?.[0]?.Listener?.InstancePort])).toEqual([['classic', 'internet-facing', 2, 80]]);
    const missing = (await elbV2().describeInstanceHealth({ LoadBalancerName: 'nope' }).promise().catch((e: unknown) => e)) as AWS.AWSError;
    expect([missing.code, missing.message, missing.statusCode]).toEqual(['LoadBalancerNotFound', "There is no ACTIVE Load Balancer named 'nope'", 400]);
    const lt = (await ec2V2().createLaunchTemplate({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-6057e21a', InstanceType: 't2.micro' } }).promise()).LaunchTemplate!;
    expect(lt.LaunchTemplateId).toMatch(/^lt-0[0-9a-f]{16}$/);
    await ec2V2().createLaunchTemplateVersion({ LaunchTemplateId: lt.LaunchTemplateId, SourceVersion: '1', LaunchTemplateData: { InstanceType: 't2.small' } }).promise();
    const latest = (await ec2V2().describeLaunchTemplateVersions({ LaunchTemplateName: 'web', Versions: ['$Latest'] }).promise()).LaunchTemplateVersions![0]!;
    expect([latest.VersionNumber, latest.LaunchTemplateData?.InstanceType, latest.LaunchTemplateData?.ImageId]).toEqual([2, 't2.small', 'ami-6057e21a']);
    const dup = awsCli(lab(), ['ec2', 'create-launch-template', '--launch-template-name', 'web', '--launch-template-data', '{"ImageId":"ami-6057e21a"}']);
    expect(dup.status).toBe(254);
    expect(dup.stderr).toContain('An error occurred (InvalidLaunchTemplateName.AlreadyExistsException) when calling the CreateLaunchTemplate operation: Launch template name already in use.');
  });

  it('holds a template-launched instance for its hook, then registers it with the classic load balancer', async () => {
    const subnets = await defaultSubnets();
    const c = asg();
    await c.send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: 'hooked',
        LaunchTemplate: { LaunchTemplateName: 'web', Version: '$Latest' },
        MinSize: 1,
        MaxSize: 1,
        VPCZoneIdentifier: subnets.join(','),
        LoadBalancerNames: ['classic'],
        LifecycleHookSpecificationList: [{ LifecycleHookName: 'ready', LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING', HeartbeatTimeout: 3600, DefaultResult: 'ABANDON' }],
      }),
    );
    const hooks = (await c.send(new DescribeLifecycleHooksCommand({ AutoScalingGroupName: 'hooked' }))).LifecycleHooks!;
    expect(hooks.map((h) => [h.LifecycleHookName, h.GlobalTimeout])).toEqual([['ready', 172800]]);
    const id = await lifecycle('hooked', 'Pending:Wait');
    await expect(c.send(new CompleteLifecycleActionCommand({ AutoScalingGroupName: 'hooked', LifecycleHookName: 'ready', InstanceId: 'i-0000000000000000f', LifecycleActionResult: 'CONTINUE' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'No active Lifecycle Action found with instance ID i-0000000000000000f',
    });
    await c.send(new CompleteLifecycleActionCommand({ AutoScalingGroupName: 'hooked', LifecycleHookName: 'ready', InstanceId: id, LifecycleActionResult: 'CONTINUE' }));
    expect(await lifecycle('hooked', 'InService')).toBe(id);
    expect((await ec2V2().describeInstances({ InstanceIds: [id] }).promise()).Reservations?.[0]?.Instances?.[0]?.InstanceType).toBe('t2.small');
    let registered: string | undefined;
    for (let i = 0; i < 40 && registered !== id; i++) {
      registered = (await elbV2().describeLoadBalancers({ LoadBalancerNames: ['classic'] }).promise()).LoadBalancerDescriptions?.[0]?.Instances?.[0]?.InstanceId;
      if (registered !== id) await sleep(250);
    }
    expect(registered).toBe(id);
  });
});
