/**
 * Load balancer throughput and Auto Scaling's idle cost, in one run:
 * - requests per second through an ALB to two guests' httpd against the same requests sent to one
 *   guest directly, both with `ab` from a load-test instance in the same VPC (goal ≥ 0.8×);
 * - the lab's CPU per simulated minute while 20 instances in 4 groups idle behind the reconciler
 *   and the health checks (report only).
 */
import { createEngine, type Engine } from '../src-main/engine/index';
import { createClock } from '../src-main/engine/clock/clock';
import { GuestShell } from '../src-main/engine/guest/session';
import { healthIdle } from '../src-main/engine/services/elasticloadbalancingv2/index';
import { reconcilerOf } from '../src-main/engine/services/autoscaling/index';

export interface ElbBenchResult {
  requests: number;
  directRps: number;
  viaLbRps: number;
  ratio: number;
  idleInstances: number;
  idleCpuMsPerSimMinute: number;
}

const WEB = Buffer.from('#!/bin/bash\nyum install -y httpd\necho hello > /var/www/html/index.html\nservice httpd start\n').toString('base64');

/* eslint-disable @typescript-eslint/no-explicit-any */
function lab(): { engine: Engine; call: (s: string, o: string, i?: Record<string, unknown>) => Promise<any>; step: (ms: number) => Promise<void> } {
  const engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 5, 1, 9, 0, 0) }) });
  const call = (service: string, op: string, input: Record<string, unknown> = {}): Promise<any> => engine.call(engine.account.root, service, op, input, { region: 'us-east-1', source: 'api' });
  const step = async (ms: number) => {
    for (let t = 0; t < ms; t += 5_000) {
      engine.clock.advance(5_000);
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      await healthIdle(engine.store);
      await reconcilerOf(engine.store)?.idle();
    }
  };
  return { engine, call, step };
}

async function webServers(engine: Engine, ids: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (const id of ids) {
    for (;;) {
      const g = await engine.terminals.guest(id);
      if (g && [...g.services.values()].some((s) => s.kind === 'httpd')) break;
      if (Date.now() > deadline) throw new Error(`no web server on ${id}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

async function timedAb(shell: GuestShell, n: number, url: string): Promise<number> {
  const t0 = performance.now();
  const r = await shell.exec(`ab -n ${n} -c 8 ${url}`);
  const s = (performance.now() - t0) / 1000;
  if (r.exitCode !== 0 || !new RegExp(`Complete requests:\\s+${n}`).test(r.stdout) || !/Failed requests:\s+0/.test(r.stdout)) throw new Error(`ab failed on ${url}: ${r.stdout.slice(-400)}${r.stderr}`);
  return n / s;
}

async function throughput(requests: number) {
  const { engine, call, step } = lab();
  try {
    const subnets = ((await call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets as any[]).sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone)).slice(0, 2);
    const vpc = subnets[0].VpcId;
    const sg = (await call('ec2', 'CreateSecurityGroup', { GroupName: 'web', Description: 'web', VpcId: vpc })).GroupId;
    await call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    const run = (subnet: string, userData?: string) => call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet, SecurityGroupIds: [sg], ...(userData ? { UserData: userData } : {}) });
    const web = [await run(subnets[0].SubnetId, WEB), await run(subnets[1].SubnetId, WEB)].map((r) => r.Instances[0]);
    const tester = (await run(subnets[0].SubnetId)).Instances[0].InstanceId as string;
    const lb = (await call('elasticloadbalancingv2', 'CreateLoadBalancer', { Name: 'bench', Subnets: subnets.map((s) => s.SubnetId), SecurityGroups: [sg] })).LoadBalancers[0];
    const tg = (await call('elasticloadbalancingv2', 'CreateTargetGroup', { Name: 'bench', Protocol: 'HTTP', Port: 80, VpcId: vpc, HealthCheckIntervalSeconds: 10 })).TargetGroups[0];
    await step(60_000);
    await webServers(engine, web.map((w) => w.InstanceId));
    await call('elasticloadbalancingv2', 'RegisterTargets', { TargetGroupArn: tg.TargetGroupArn, Targets: web.map((w) => ({ Id: w.InstanceId })) });
    await call('elasticloadbalancingv2', 'CreateListener', { LoadBalancerArn: lb.LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] });
    await step(60_000);
    const g = await engine.terminals.guest(tester);
    const shell = new GuestShell(g!, g!.user('root')!);
    const tools = await shell.exec('yum install -y httpd-tools');
    if (tools.exitCode !== 0) throw new Error(`yum install httpd-tools failed: ${tools.stderr}`);
    await timedAb(shell, 50, `http://${web[0].PrivateIpAddress}/`); // warm-up
    await timedAb(shell, 50, `http://${lb.DNSName}/`);
    const direct = [await timedAb(shell, requests, `http://${web[0].PrivateIpAddress}/`)];
    const viaLb = [await timedAb(shell, requests, `http://${lb.DNSName}/`)];
    direct.push(await timedAb(shell, requests, `http://${web[0].PrivateIpAddress}/`));
    viaLb.push(await timedAb(shell, requests, `http://${lb.DNSName}/`));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return { directRps: avg(direct), viaLbRps: avg(viaLb) };
  } finally {
    engine.close();
  }
}

/** CPU of the lab's process per simulated minute with 4 groups of 5 idle instances. */
async function idleCost(): Promise<{ instances: number; cpuMsPerSimMinute: number }> {
  const { engine, call, step } = lab();
  try {
    const subnets = ((await call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets as any[]).slice(0, 2).map((s) => s.SubnetId);
    await call('autoscaling', 'CreateLaunchConfiguration', { LaunchConfigurationName: 'idle', ImageId: 'ami-6057e21a', InstanceType: 't2.micro' });
    for (let k = 0; k < 4; k++) await call('autoscaling', 'CreateAutoScalingGroup', { AutoScalingGroupName: `idle-${k}`, LaunchConfigurationName: 'idle', MinSize: 5, MaxSize: 5, VPCZoneIdentifier: subnets.join(',') });
    await step(120_000);
    const instances = ((await call('autoscaling', 'DescribeAutoScalingInstances', {})).AutoScalingInstances as any[]).filter((i) => i.LifecycleState === 'InService').length;
    const before = process.cpuUsage();
    await step(10 * 60_000);
    const used = process.cpuUsage(before);
    return { instances, cpuMsPerSimMinute: (used.user + used.system) / 1000 / 10 };
  } finally {
    engine.close();
  }
}

export async function benchElb(requests = Number(process.env.BENCH_ELB_REQUESTS ?? 400)): Promise<ElbBenchResult> {
  const t = await throughput(requests);
  const idle = await idleCost();
  return { requests, ...t, ratio: t.viaLbRps / t.directRps, idleInstances: idle.instances, idleCpuMsPerSimMinute: idle.cpuMsPerSimMinute };
}

export const elbLine = (r: ElbBenchResult): string =>
  `Load balancer: ab ${r.requests} requests from an instance, direct ${r.directRps.toFixed(0)} req/s, through the ALB to two guests ${r.viaLbRps.toFixed(0)} req/s, ratio ${r.ratio.toFixed(2)} (goal ≥ 0.8)\n` +
  `Auto Scaling idle: ${r.idleInstances} instances in 4 groups cost ${r.idleCpuMsPerSimMinute.toFixed(0)} ms of lab CPU per simulated minute (report)`;
