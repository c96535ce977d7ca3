/**
 * A real in-memory engine with a manual clock for the load balancer and Auto Scaling tests. Test
 * files close their engines only at the end: RDS's process-wide list of runtimes
 * (services/rds/network.ts) still answers with a closed engine's store, which breaks a later
 * engine's guests (yum fails with "The database connection is not open").
 */
import { expect } from 'vitest';
import { createClock } from '../../../src-main/engine/clock/clock';
import { createEngine, type Engine } from '../../../src-main/engine/index';
import { GuestShell } from '../../../src-main/engine/guest/session';
import { AwsError } from '../../../src-main/engine/protocol/errors';
import { healthIdle } from '../../../src-main/engine/services/elasticloadbalancingv2/index';
import { reconcilerOf } from '../../../src-main/engine/services/autoscaling/index';
import { cloudformationIdle } from '../../../src-main/engine/services/cloudformation/index';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const START = Date.UTC(2026, 0, 10, 12, 0, 0);

/** User data: Apache whose page is the instance's private address (as §15.1's app shows it). */
export const WEB_USER_DATA = Buffer.from(
  ['#!/bin/bash', 'yum install -y httpd', 'curl -s http://169.254.169.254/latest/meta-data/local-ipv4 > /var/www/html/index.html', 'service httpd start', ''].join('\n'),
).toString('base64');

export interface ElbLab {
  engine: Engine;
  call(service: string, op: string, input?: Record<string, unknown>): Promise<any>;
  /** Steps simulated time in `stepMs` steps, letting health checks and other async work finish at each. */
  run(ms: number, stepMs?: number): Promise<void>;
  /** Waits (real time, up to 20 s) until each instance's user data has started a web server. */
  webServers(ids: readonly string[]): Promise<void>;
  /** A command in the learner's workstation shell. */
  workstation(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /** The default VPC, two of its subnets (two zones) and a security group open on port 80. */
  network(): Promise<{ vpcId: string; subnets: string[]; zones: string[]; webSg: string }>;
  close(): void;
}

const tick = () => new Promise((r) => setImmediate(r));

export function elbLab(): ElbLab {
  const clock = createClock({ warp: 0, start: START });
  const engine = createEngine({ clock });
  const call = (service: string, op: string, input: Record<string, unknown> = {}): Promise<any> => engine.call(engine.account.root, service, op, input, { region: 'us-east-1', source: 'api' });
  let shell: GuestShell | undefined;
  return {
    engine,
    call,
    async run(ms, stepMs = 5000) {
      for (let t = 0; t < ms; t += stepMs) {
        clock.advance(stepMs);
        for (let i = 0; i < 20; i++) await tick();
        await healthIdle(engine.store);
        await reconcilerOf(engine.store)?.idle();
        await cloudformationIdle(engine.store);
        for (let i = 0; i < 5; i++) await tick();
        await reconcilerOf(engine.store)?.idle();
      }
    },
    async webServers(ids) {
      const deadline = Date.now() + 20_000;
      for (const id of ids) {
        for (;;) {
          const g = await engine.terminals.guest(id);
          if (g && [...g.services.values()].some((s) => s.kind === 'httpd')) break;
          if (Date.now() > deadline) throw new Error(`no web server on ${id}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    },
    async workstation(line) {
      if (!shell) {
        const ws = await engine.terminals.workstation();
        shell = new GuestShell(ws, ws.user('learner')!);
      }
      return shell.exec(line);
    },
    async network() {
      const vpc = (await call('ec2', 'DescribeVpcs', { Filters: [{ Name: 'isDefault', Values: ['true'] }] })).Vpcs[0];
      const subnets = ((await call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId] }] })).Subnets as any[]).sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone)).slice(0, 2);
      const sg = await call('ec2', 'CreateSecurityGroup', { GroupName: 'web', Description: 'web', VpcId: vpc.VpcId });
      await call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: sg.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
      return { vpcId: vpc.VpcId, subnets: subnets.map((s) => s.SubnetId), zones: subnets.map((s) => s.AvailabilityZone), webSg: sg.GroupId };
    },
    close: () => engine.close(),
  };
}

export async function expectAwsError(p: Promise<unknown>, code: string, message: string, status = 400): Promise<void> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(AwsError);
  const err = e as AwsError;
  expect({ code: err.code, message: err.message, status: err.status }).toEqual({ code, message, status });
}
