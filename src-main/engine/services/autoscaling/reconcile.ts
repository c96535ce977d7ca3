/**
 * The reconciler: makes each group's instances match what it wants, on the simulated clock.
 *
 * A pass over a group first reads (one transaction): instances EC2 reports terminated or stopped
 * become Unhealthy (EC2 health check), and with HealthCheckType ELB an instance a target group
 * reports unhealthy after the grace period does too; pending instances that run become InService
 * and are registered with the group's target groups. It then plans: unhealthy instances are
 * terminated and replaced, and the group launches or terminates instances until it has its desired
 * capacity (zones kept balanced; the default termination policy picks from the fullest zone).
 * The plan is carried out through `call()` as the Auto Scaling service principal (RunInstances,
 * TerminateInstances, RegisterTargets), so IAM and the event history see it, and every launch
 * and termination is a scaling activity with AWS's cause text.
 */
import type { Clock } from '../../clock/clock';
import type { Ctx, ServiceStart } from '../../core/provider';
import type { Call } from '../../protocol/types';
import type { Store } from '../../store/store';
import { AwsError } from '../../protocol/errors';
import { buildNetworkWorld, instanceInfo } from '../ec2/index';
import { instanceTargetState } from '../elasticloadbalancingv2/index';
import { classicInstanceState } from '../elasticloadbalancing/index';
import { addActivity, finishActivity } from './state/activities';
import { asgCtx } from './state/context';
import { findGroup, list, tagsOf, type GroupRow } from './state/groups';
import { instancesOf, type GroupInstanceRow } from './state/instances';
import { registerKicker } from './state/kick';
import { findLaunchConfiguration, type LaunchSpec } from './state/launch-configurations';
import { resolveGroupTemplate, templateRunInput, type ResolvedTemplate } from './state/launch-templates';
import { stamp } from './state/names';
import { runScheduledActions } from './state/scheduled';
import { abandonCause, hooksOf, LAUNCHING, settle, startActions, TERMINATING } from './state/lifecycle-hooks';
import { flushOutbox } from './state/outbox';
import { stepRefresh } from './state/instance-refresh';

const TICK_MS = 10_000;
/** After a failed launch the group waits before trying again (AWS backs off too). */
const LAUNCH_RETRY_MS = 60_000;

interface Launch {
  subnetId: string;
  zone: string;
  cause: string;
}

interface Plan {
  group: GroupRow;
  spec?: LaunchSpec;
  template?: ResolvedTemplate;
  launches: Launch[];
  /** deregisterOnly: a terminating hook holds the instance (it leaves its target groups first). */
  terminate: { instanceId: string; running: boolean; deregisterOnly?: boolean }[];
  register: string[];
  deleteGroup: boolean;
}

const isGone = (state: string | undefined) => state === undefined || state === 'terminated' || state === 'shutting-down' || state === 'stopped' || state === 'stopping';

function suspended(g: GroupRow, process: string): boolean {
  return (JSON.parse(g.suspended) as string[]).includes(process);
}

/** The next zone to launch in: the one with fewest instances, then the one launched into longest ago. */
function pickSubnet(ctx: Ctx, g: GroupRow, live: GroupInstanceRow[], planned: Launch[]): { subnetId: string; zone: string } | undefined {
  const world = buildNetworkWorld(ctx);
  const subnets = list(g.subnets)
    .map((id) => world.subnets.find((s) => s.id === id))
    .filter((s): s is NonNullable<typeof s> => s !== undefined);
  if (subnets.length === 0) return undefined;
  const count = (zone: string) => live.filter((i) => i.zone === zone).length + planned.filter((p) => p.zone === zone).length;
  const lastLaunch = (zone: string) => {
    const rows = ctx.store.stmt("SELECT MAX(start_time) AS t FROM autoscaling_activities WHERE account_id = ? AND region = ? AND group_name = ? AND description LIKE 'Launching%' AND details LIKE ?").get(ctx.accountId, ctx.region, g.name, `%"${zone}"%`) as { t: number | null };
    return rows.t ?? 0;
  };
  const best = [...subnets].sort((a, b) => count(a.zone) - count(b.zone) || lastLaunch(a.zone) - lastLaunch(b.zone))[0]!;
  return { subnetId: best.id, zone: best.zone };
}

const launchTemplateId = (json: string | null): string | undefined => (json ? (JSON.parse(json) as { LaunchTemplateId?: string }).LaunchTemplateId : undefined);

/** Default termination policy: the fullest zone, then an instance of an older launch configuration, then the oldest. */
function pickVictims(g: GroupRow, live: GroupInstanceRow[], n: number): GroupInstanceRow[] {
  const pool = live.filter((i) => i.protected !== 1);
  const out: GroupInstanceRow[] = [];
  const policies = list(g.termination_policies);
  while (out.length < n) {
    const left = pool.filter((i) => !out.includes(i));
    if (left.length === 0) break;
    const zones = new Map<string, number>();
    for (const i of live.filter((x) => !out.includes(x))) zones.set(i.zone, (zones.get(i.zone) ?? 0) + 1);
    const fullest = Math.max(...left.map((i) => zones.get(i.zone) ?? 0));
    const inZone = left.filter((i) => (zones.get(i.zone) ?? 0) === fullest);
    const newestFirst = policies.includes('NewestInstance');
    const pick = [...inZone].sort((a, b) => {
      const outdated = (i: GroupInstanceRow) => (g.launch_template ? launchTemplateId(i.launch_template) !== launchTemplateId(g.launch_template) : i.launch_configuration !== g.launch_configuration);
      const oldLc = Number(outdated(b)) - Number(outdated(a));
      if (oldLc !== 0 && !newestFirst) return oldLc;
      return newestFirst ? b.launched_at - a.launched_at : a.launched_at - b.launched_at;
    })[0]!;
    out.push(pick);
  }
  return out;
}

function plan(ctx: Ctx, name: string, blockedUntil: number): Plan | undefined {
  const g = findGroup(ctx, name);
  if (!g) return undefined;
  const now = ctx.clock.now();
  const at = stamp(now);
  const register: string[] = [];
  const terminate: Plan['terminate'] = [];
  const tgs = list(g.target_groups);
  const classic = list(g.load_balancers);
  // 1. What EC2 and the load balancers say.
  const hooked = (transition: string) => !g.deleting && hooksOf(ctx, name, transition).length > 0;
  const setLifecycle = (id: string, lifecycle: string, hooksDone?: number) =>
    ctx.store.stmt('UPDATE autoscaling_instances SET lifecycle = ?, hooks_done = COALESCE(?, hooks_done) WHERE account_id = ? AND region = ? AND instance_id = ?').run(lifecycle, hooksDone ?? null, ctx.accountId, ctx.region, id);
  for (const i of instancesOf(ctx, name)) {
    const state = instanceInfo(ctx, i.instance_id)?.state;
    // Lifecycle hooks hold the instance until each has its result or its heartbeat timeout passed.
    if (i.lifecycle === 'Pending:Wait') {
      const outcome = g.deleting ? 'ABANDON' : settle(ctx, i.instance_id);
      if (outcome === 'wait' && !isGone(state)) continue;
      const launch = ctx.store
        .stmt("SELECT activity_id FROM autoscaling_activities WHERE account_id = ? AND region = ? AND group_name = ? AND status = 'MidLifecycleAction' AND description = ?")
        .get(ctx.accountId, ctx.region, name, `Launching a new EC2 instance: ${i.instance_id}`) as { activity_id: string } | undefined;
      if (launch) finishActivity(ctx, launch.activity_id, outcome === 'CONTINUE' ? 'Successful' : 'Failed', outcome === 'CONTINUE' ? undefined : 'Instance failed to complete user\'s Lifecycle Action: Lifecycle Action with token was abandoned: Lifecycle Action Completed with ABANDON Result');
      if (outcome === 'CONTINUE') {
        setLifecycle(i.instance_id, 'Pending');
        i.lifecycle = 'Pending';
      } else if (outcome === 'ABANDON' && i.health === 'Healthy') {
        ctx.store.stmt("UPDATE autoscaling_instances SET health = 'Unhealthy', unhealthy_cause = ? WHERE account_id = ? AND region = ? AND instance_id = ?").run(abandonCause(i.instance_id, now), ctx.accountId, ctx.region, i.instance_id);
        continue;
      }
    }
    if (i.lifecycle === 'Terminating:Wait') {
      if ((g.deleting ? 'CONTINUE' : settle(ctx, i.instance_id)) === 'wait' && !isGone(state)) continue;
      setLifecycle(i.instance_id, 'Terminating', 1);
      i.lifecycle = 'Terminating';
      i.hooks_done = 1;
    }
    if (i.lifecycle === 'Terminating' && i.hooks_done !== 1 && !isGone(state) && hooked(TERMINATING)) {
      // Terminated by a user request: the terminating hooks run first.
      startActions(ctx, name, i.instance_id, TERMINATING);
      setLifecycle(i.instance_id, 'Terminating:Wait');
      terminate.push({ instanceId: i.instance_id, running: true, deregisterOnly: true });
      continue;
    }
    if (i.lifecycle === 'Terminating') {
      if (state === undefined || state === 'terminated') {
        ctx.store.stmt('DELETE FROM autoscaling_instances WHERE account_id = ? AND region = ? AND instance_id = ?').run(ctx.accountId, ctx.region, i.instance_id);
        ctx.store.stmt('DELETE FROM autoscaling_lifecycle_actions WHERE account_id = ? AND region = ? AND instance_id = ?').run(ctx.accountId, ctx.region, i.instance_id);
        const open = ctx.store
          .stmt("SELECT activity_id FROM autoscaling_activities WHERE account_id = ? AND region = ? AND group_name = ? AND status = 'InProgress' AND description = ?")
          .all(ctx.accountId, ctx.region, name, `Terminating EC2 instance: ${i.instance_id}`) as { activity_id: string }[];
        for (const a of open) finishActivity(ctx, a.activity_id, 'Successful');
      } else if (state !== 'shutting-down') terminate.push({ instanceId: i.instance_id, running: true });
      continue;
    }
    let unhealthy: string | undefined;
    if (isGone(state)) unhealthy = `At ${at} an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.`;
    else if (state === 'running' && i.lifecycle === 'Pending') {
      ctx.store.stmt("UPDATE autoscaling_instances SET lifecycle = 'InService' WHERE account_id = ? AND region = ? AND instance_id = ?").run(ctx.accountId, ctx.region, i.instance_id);
      if (tgs.length || classic.length) register.push(i.instance_id);
    } else if (g.health_check_type === 'ELB' && i.lifecycle === 'InService' && now >= i.launched_at + g.grace_period * 1000) {
      if (tgs.some((tg) => instanceTargetState(ctx, tg, i.instance_id) === 'unhealthy') || classic.some((lb) => classicInstanceState(ctx, lb, i.instance_id) === 'OutOfService')) unhealthy = `At ${at} an instance was taken out of service in response to an ELB system health check failure.`;
    }
    if (unhealthy && i.health === 'Healthy')
      ctx.store.stmt("UPDATE autoscaling_instances SET health = 'Unhealthy', unhealthy_cause = ? WHERE account_id = ? AND region = ? AND instance_id = ?").run(unhealthy, ctx.accountId, ctx.region, i.instance_id);
  }
  // 2. Replace what is unhealthy, then reach the desired capacity.
  const markTerminating = (i: GroupInstanceRow, cause: string) => {
    const state = instanceInfo(ctx, i.instance_id)?.state;
    const hold = !isGone(state) && hooked(TERMINATING);
    setLifecycle(i.instance_id, hold ? 'Terminating:Wait' : 'Terminating');
    if (hold) startActions(ctx, name, i.instance_id, TERMINATING);
    addActivity(ctx, { group: name, description: `Terminating EC2 instance: ${i.instance_id}`, cause, status: state === undefined || state === 'terminated' ? 'Successful' : 'InProgress', details: { 'Subnet ID': '', 'Availability Zone': i.zone } });
    terminate.push({ instanceId: i.instance_id, running: !isGone(state), ...(hold ? { deregisterOnly: true } : {}) });
  };
  // A rolling instance refresh takes out its next batch (the launch step below replaces it).
  if (!g.deleting) stepRefresh(ctx, g, markTerminating);
  if (!suspended(g, 'ReplaceUnhealthy') || g.deleting) {
    for (const i of instancesOf(ctx, name).filter((x) => x.health === 'Unhealthy' && !x.lifecycle.startsWith('Terminating'))) markTerminating(i, i.unhealthy_cause ?? `At ${at} an instance was taken out of service in response to a health check failure.`);
  }
  const live = instancesOf(ctx, name).filter((i) => !i.lifecycle.startsWith('Terminating'));
  const launches: Launch[] = [];
  let cleared = false;
  if (live.length < g.desired && !suspended(g, 'Launch') && now >= blockedUntil) {
    const cause = `${g.pending_cause ? `${g.pending_cause}  ` : ''}At ${at} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${live.length} to ${g.desired}.`;
    for (let k = live.length; k < g.desired; k++) {
      const where = pickSubnet(ctx, g, live, launches);
      if (!where) break;
      launches.push({ ...where, cause });
    }
    cleared = true;
  } else if (live.length > g.desired && !suspended(g, 'Terminate')) {
    const victims = pickVictims(g, live, live.length - g.desired);
    for (const v of victims) {
      const cause = `${g.pending_cause ? `${g.pending_cause}  ` : ''}At ${at} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${live.length} to ${g.desired}.  At ${at} instance ${v.instance_id} was selected for termination.`;
      markTerminating(v, cause);
    }
    cleared = true;
  }
  if (cleared) ctx.store.stmt('UPDATE autoscaling_groups SET pending_cause = NULL WHERE account_id = ? AND region = ? AND name = ?').run(ctx.accountId, ctx.region, name);
  const lc = g.launch_configuration ? findLaunchConfiguration(ctx, g.launch_configuration) : undefined;
  const template = g.launch_template && launches.length ? resolveGroupTemplate(ctx, g.launch_template) : undefined;
  const deleteGroup = g.deleting === 1 && instancesOf(ctx, name).length === 0;
  if (deleteGroup) {
    for (const table of ['autoscaling_tags', 'autoscaling_policies', 'autoscaling_scheduled_actions', 'autoscaling_lifecycle_hooks', 'autoscaling_lifecycle_actions'])
      ctx.store.stmt(`DELETE FROM ${table} WHERE account_id = ? AND region = ? AND group_name = ?`).run(ctx.accountId, ctx.region, name);
    ctx.store.stmt('DELETE FROM autoscaling_groups WHERE account_id = ? AND region = ? AND name = ?').run(ctx.accountId, ctx.region, name);
  }
  return { group: g, ...(lc ? { spec: JSON.parse(lc.spec) as LaunchSpec } : {}), ...(template ? { template } : {}), launches, terminate, register, deleteGroup };
}

/** Launch configurations hold user data base64-encoded; text a client sent as is gets encoded here. */
function asBase64(data: string): string {
  const compact = data.replace(/\s+/g, '');
  const isBase64 = /^[A-Za-z0-9+/]*={0,2}$/.test(compact) && compact.length % 4 === 0 && Buffer.from(compact, 'base64').toString('base64') === compact;
  return isBase64 ? compact : Buffer.from(data, 'utf8').toString('base64');
}

function runInput(g: GroupRow, spec: LaunchSpec, subnetId: string, tags: { key: string; value: string }[]): Record<string, unknown> {
  const groups = spec.SecurityGroups ?? [];
  const ids = groups.filter((x) => x.startsWith('sg-'));
  const names = groups.filter((x) => !x.startsWith('sg-'));
  const profile = spec.IamInstanceProfile ? (spec.IamInstanceProfile.startsWith('arn:') ? { Arn: spec.IamInstanceProfile } : { Name: spec.IamInstanceProfile }) : undefined;
  const input: Record<string, unknown> = {
    ImageId: spec.ImageId,
    InstanceType: spec.InstanceType,
    MinCount: 1,
    MaxCount: 1,
    ...(spec.KeyName ? { KeyName: spec.KeyName } : {}),
    ...(spec.UserData ? { UserData: asBase64(spec.UserData) } : {}),
    ...(profile ? { IamInstanceProfile: profile } : {}),
    ...(spec.BlockDeviceMappings ? { BlockDeviceMappings: spec.BlockDeviceMappings } : {}),
    ...(spec.EbsOptimized !== undefined ? { EbsOptimized: spec.EbsOptimized } : {}),
    Monitoring: { Enabled: spec.InstanceMonitoring?.Enabled ?? true },
    TagSpecifications: [{ ResourceType: 'instance', Tags: [...tags.map((t) => ({ Key: t.key, Value: t.value })), { Key: 'aws:autoscaling:groupName', Value: g.name }] }],
  };
  if (spec.AssociatePublicIpAddress !== undefined) {
    input.NetworkInterfaces = [{ DeviceIndex: 0, SubnetId: subnetId, AssociatePublicIpAddress: spec.AssociatePublicIpAddress, ...(ids.length ? { Groups: ids } : {}) }];
  } else {
    input.SubnetId = subnetId;
    if (ids.length) input.SecurityGroupIds = ids;
    if (names.length) input.SecurityGroups = names;
  }
  return input;
}

export interface Reconciler {
  pass(accountId: string, region: string, group: string): Promise<void>;
  /** Resolves once no pass is running (tests step the clock, then wait on this). */
  idle(): Promise<void>;
}

const reconcilers = new WeakMap<Store, Reconciler>();
export const reconcilerOf = (store: Store): Reconciler | undefined => reconcilers.get(store);

export function createReconciler(store: Store, clock: Clock, call: Call): Reconciler {
  const busy = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const blocked = new Map<string, number>();

  async function carryOut(ctx: Ctx, p: Plan, key: string): Promise<void> {
    const g = p.group;
    const as = (service: string, op: string, input: Record<string, unknown>) => call(ctx.principal, service, op, input, { region: ctx.region, source: 'internal' });
    for (const id of p.register) {
      for (const tg of list(g.target_groups)) await as('elasticloadbalancingv2', 'RegisterTargets', { TargetGroupArn: tg, Targets: [{ Id: id }] }).catch(() => undefined);
      for (const lb of list(g.load_balancers)) await as('elasticloadbalancing', 'RegisterInstancesWithLoadBalancer', { LoadBalancerName: lb, Instances: [{ InstanceId: id }] }).catch(() => undefined);
    }
    for (const t of p.terminate) {
      for (const tg of list(g.target_groups)) await as('elasticloadbalancingv2', 'DeregisterTargets', { TargetGroupArn: tg, Targets: [{ Id: t.instanceId }] }).catch(() => undefined);
      for (const lb of list(g.load_balancers)) await as('elasticloadbalancing', 'DeregisterInstancesFromLoadBalancer', { LoadBalancerName: lb, Instances: [{ InstanceId: t.instanceId }] }).catch(() => undefined);
      if (t.running && !t.deregisterOnly) await as('ec2', 'TerminateInstances', { InstanceIds: [t.instanceId] }).catch(() => undefined);
    }
    await flushOutbox(store, ctx, g.name);
    if (p.launches.length === 0) return;
    const tags = store.read(() => tagsOf(ctx, g.name).filter((t) => t.propagate === 1));
    for (const l of p.launches) {
      const start = clock.now();
      try {
        let input: Record<string, unknown>;
        if (p.template) input = templateRunInput(g.name, p.template.data, l.subnetId, tags);
        else if (p.spec) input = runInput(g, p.spec, l.subnetId, tags);
        else throw new AwsError('ValidationError', g.launch_template ? 'The launch template or its version does not exist' : 'The group has no launch configuration', 400);
        const launchedFrom = p.template ? JSON.stringify({ ...p.template.ref, Version: String(p.template.version) }) : null;
        const out = (await as('ec2', 'RunInstances', input)) as { Instances: { InstanceId: string; InstanceType: string }[] };
        const inst = out.Instances[0]!;
        store.tx(() => {
          if (!findGroup(ctx, g.name)) return;
          ctx.store
            .stmt(
              `INSERT INTO autoscaling_instances (account_id, region, instance_id, group_name, zone, instance_type, lifecycle, health, launch_configuration, launch_template, protected, launched_at)
               VALUES (?, ?, ?, ?, ?, ?, 'Pending', 'Healthy', ?, ?, ?, ?)`,
            )
            .run(ctx.accountId, ctx.region, inst.InstanceId, g.name, l.zone, inst.InstanceType, p.template ? null : g.launch_configuration, launchedFrom, g.protect_new, clock.now());
          const held = startActions(ctx, g.name, inst.InstanceId, LAUNCHING);
          if (held) ctx.store.stmt("UPDATE autoscaling_instances SET lifecycle = 'Pending:Wait' WHERE account_id = ? AND region = ? AND instance_id = ?").run(ctx.accountId, ctx.region, inst.InstanceId);
          addActivity(ctx, { group: g.name, description: `Launching a new EC2 instance: ${inst.InstanceId}`, cause: l.cause, status: held ? 'MidLifecycleAction' : 'Successful', start, details: { 'Subnet ID': l.subnetId, 'Availability Zone': l.zone } });
        });
      } catch (e) {
        const msg = e instanceof AwsError ? e.message : 'Internal error';
        blocked.set(key, clock.now() + LAUNCH_RETRY_MS);
        store.tx(() =>
          addActivity(ctx, {
            group: g.name,
            description: `Launching a new EC2 instance.  Status Reason: ${msg}. Launching EC2 instance failed.`,
            cause: l.cause,
            status: 'Failed',
            message: `${msg}. Launching EC2 instance failed.`,
            start,
            details: { 'Subnet ID': l.subnetId, 'Availability Zone': l.zone },
          }),
        );
        break;
      }
    }
    await flushOutbox(store, ctx, g.name);
  }

  async function run(accountId: string, region: string, group: string): Promise<void> {
    const key = `${accountId}/${region}/${group}`;
    const ctx = asgCtx(store, clock, call, accountId, region);
    do {
      again.delete(key);
      if (!store.db.open) return;
      const p = store.tx(() => plan(ctx, group, blocked.get(key) ?? 0));
      if (!p) return;
      await carryOut(ctx, p, key);
    } while (again.has(key));
  }

  const r: Reconciler = {
    pass(accountId, region, group) {
      const key = `${accountId}/${region}/${group}`;
      const running = busy.get(key);
      if (running) {
        again.add(key);
        return running;
      }
      const p = run(accountId, region, group)
        .catch((e: unknown) => console.error(`[nimbus] auto scaling ${group}`, e))
        .finally(() => busy.delete(key));
      busy.set(key, p);
      return p;
    },
    async idle() {
      while (busy.size > 0) await Promise.all([...busy.values()]);
    },
  };
  reconcilers.set(store, r);
  return r;
}

/** A restored chapter re-runs `start`: the newest loop per store is the one that keeps ticking. */
const generations = new WeakMap<Store, number>();

export function startAutoScaling(engine: ServiceStart): void {
  const { store, clock, call } = engine;
  if (!call) return;
  const generation = (generations.get(store) ?? 0) + 1;
  generations.set(store, generation);
  const r = createReconciler(store, clock, call);
  registerKicker(store, (a, region, g) => void r.pass(a, region, g));
  const tick = (): void => {
    if (!store.db.open || generations.get(store) !== generation) return;
    try {
      runScheduledActions(store, clock, (a, region, g) => void r.pass(a, region, g));
      const groups = store.read(() => store.stmt('SELECT account_id, region, name FROM autoscaling_groups').all()) as { account_id: string; region: string; name: string }[];
      for (const g of groups) void r.pass(g.account_id, g.region, g.name);
    } catch (e) {
      console.error('[nimbus] auto scaling tick', e);
    }
    clock.at(clock.now() + TICK_MS, tick);
  };
  clock.at(clock.now() + TICK_MS, tick);
}
