/**
 * Instances: rows, lookups, state changes and the API's Instance shape. Timed transitions are
 * declared in INSTANCE_TRANSITIONS and run by the lifecycle scheduler (instance-lifecycle.ts).
 *
 *   getInstances(ctx, ids)                 Malformed / NotFound errors as AWS (all ids checked first)
 *   setInstanceState(ctx, inst, state, at) moves the state, meters costs, schedules the next step, tells listeners
 *   appendConsoleOutput(ctx, instanceId, text)   for the guest layer (boot messages, cloud-init)
 */
import type { Ctx } from '../../../core/provider';
import { invalidInstanceIdMalformed, invalidInstanceIdNotFound } from '../errors';
import { isWellFormedId } from '../ids';
import { startUsage, stopUsage } from './costs';
import { onDemandPrice } from './instance-types';
import {
  announceStateChange,
  cancelStep,
  registerLifecycleKind,
  releaseVolumeData,
  scheduleStep,
  type InstanceStateName,
} from './instance-lifecycle';
import { deleteAllTags, registerTaggable } from './tags';

export type { InstanceStateName } from './instance-lifecycle';

export const STATE_CODES: Readonly<Record<InstanceStateName, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/**
 * The timed steps of an instance, per state: where it goes next and after how long (simulated).
 * `terminated` instances stay visible for an hour, then vanish (next: null).
 */
export const INSTANCE_TRANSITIONS: Readonly<Partial<Record<InstanceStateName, { next: InstanceStateName | null; afterMs: number }>>> = {
  pending: { next: 'running', afterMs: 30_000 },
  stopping: { next: 'stopped', afterMs: 20_000 },
  'shutting-down': { next: 'terminated', afterMs: 20_000 },
  terminated: { next: null, afterMs: 3_600_000 },
};

export interface InstanceStoreDisk {
  deviceName: string;
  virtualName: string;
  sizeGB: number;
  type: 'ssd' | 'hdd';
  dataId: string;
}

export interface InstanceRow {
  id: number;
  account_id: string;
  region: string;
  instance_id: string;
  reservation_id: string;
  requester_id: string | null;
  ami_launch_index: number;
  image_id: string;
  instance_type: string;
  key_name: string | null;
  state: InstanceStateName;
  state_transition_reason: string;
  state_reason_code: string | null;
  state_reason_message: string | null;
  launch_time: number;
  availability_zone: string;
  subnet_id: string;
  vpc_id: string;
  root_device_name: string;
  user_data: string | null;
  iam_profile_arn: string | null;
  iam_profile_id: string | null;
  monitoring: 'disabled' | 'enabled';
  disable_api_termination: number;
  disable_api_stop: number;
  shutdown_behavior: 'stop' | 'terminate';
  ebs_optimized: number;
  client_token: string | null;
  spot_request_id: string | null;
  instance_store: string | null;
  console_output: string;
  terminated_at: number | null;
}

registerTaggable({
  prefix: 'i',
  resourceType: 'instance',
  exists: (ctx, id) => findInstance(ctx, id) !== undefined,
  notFound: (id) => invalidInstanceIdNotFound([id]),
});

export function checkInstanceId(id: string): void {
  if (!isWellFormedId('i', id)) throw invalidInstanceIdMalformed(id);
}

export const findInstance = (ctx: Ctx, instanceId: string): InstanceRow | undefined =>
  ctx.store
    .stmt('SELECT * FROM ec2_instances WHERE account_id = ? AND region = ? AND instance_id = ?')
    .get(ctx.accountId, ctx.region, instanceId) as InstanceRow | undefined;

/** Every id checked for shape first, then existence; the missing ones are reported together. */
export function getInstances(ctx: Ctx, ids: readonly string[]): InstanceRow[] {
  for (const id of ids) checkInstanceId(id);
  const rows: InstanceRow[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const row = findInstance(ctx, id);
    if (row) rows.push(row);
    else missing.push(id);
  }
  if (missing.length) throw invalidInstanceIdNotFound(missing);
  return rows;
}

export const getInstance = (ctx: Ctx, id: string): InstanceRow => getInstances(ctx, [id])[0]!;

export const listInstances = (ctx: Ctx): InstanceRow[] =>
  ctx.store.stmt('SELECT * FROM ec2_instances WHERE account_id = ? AND region = ? ORDER BY id').all(ctx.accountId, ctx.region) as InstanceRow[];

export const instancesWithClientToken = (ctx: Ctx, token: string): InstanceRow[] =>
  ctx.store
    .stmt('SELECT * FROM ec2_instances WHERE account_id = ? AND region = ? AND client_token = ? ORDER BY id')
    .all(ctx.accountId, ctx.region, token) as InstanceRow[];

export function countActiveInstances(ctx: Ctx): number {
  const row = ctx.store
    .stmt("SELECT COUNT(*) AS n FROM ec2_instances WHERE account_id = ? AND region = ? AND state IN ('pending', 'running', 'stopping')")
    .get(ctx.accountId, ctx.region) as { n: number };
  return row.n;
}

export const instanceStoreOf = (row: InstanceRow): InstanceStoreDisk[] =>
  row.instance_store ? (JSON.parse(row.instance_store) as InstanceStoreDisk[]) : [];

/** What the console's "Get system log" shows, as the guest layer appends to it. */
export function appendConsoleOutput(ctx: Ctx, instanceId: string, text: string): void {
  ctx.store
    .stmt('UPDATE ec2_instances SET console_output = console_output || ? WHERE account_id = ? AND region = ? AND instance_id = ?')
    .run(text, ctx.accountId, ctx.region, instanceId);
}

/** AWS's "User initiated (2018-01-15 19:14:50 GMT)" stamp. */
export const userInitiated = (at: number): string => `User initiated (${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} GMT)`;

export interface StateChangeOptions {
  at?: number;
  transitionReason?: string;
  reason?: { code: string; message: string } | null;
}

/** Hooks the networking and volume code plug into state changes (set by instance-actions.ts). */
export interface InstanceStateEffects {
  onRunning(ctx: Ctx, inst: InstanceRow, at: number): void;
  onStopped(ctx: Ctx, inst: InstanceRow, at: number): void;
  onTerminated(ctx: Ctx, inst: InstanceRow, at: number): void;
  onVanish(ctx: Ctx, inst: InstanceRow): void;
}

let effects: InstanceStateEffects | undefined;

export function setInstanceStateEffects(e: InstanceStateEffects): void {
  effects = e;
}

/**
 * Moves an instance to `state` at `at`: updates the row, opens or closes its cost meter, schedules
 * the next timed step from INSTANCE_TRANSITIONS and tells the listeners.
 */
export function setInstanceState(ctx: Ctx, inst: InstanceRow, state: InstanceStateName, opts: StateChangeOptions = {}): InstanceRow {
  const at = opts.at ?? ctx.clock.now();
  const previous = inst.state === state ? null : inst.state;
  const reason = opts.reason === undefined ? { code: inst.state_reason_code, message: inst.state_reason_message } : opts.reason;
  ctx.store
    .stmt(
      `UPDATE ec2_instances SET state = ?, state_transition_reason = ?, state_reason_code = ?, state_reason_message = ?,
         terminated_at = ? WHERE instance_id = ?`,
    )
    .run(
      state,
      opts.transitionReason ?? inst.state_transition_reason,
      reason?.code ?? null,
      reason?.message ?? null,
      state === 'terminated' ? at : null,
      inst.instance_id,
    );
  if (state === 'running') startUsage(ctx, { resourceId: inst.instance_id, usageType: 'instance', item: inst.instance_type, quantity: 1, pricePerHour: onDemandPrice(inst.instance_type, ctx.region) }, at);
  else if (previous === 'running' || previous === 'pending') stopUsage(ctx, inst.instance_id, 'instance', at);
  cancelStep(ctx, 'instance', inst.instance_id);
  const step = INSTANCE_TRANSITIONS[state];
  if (step) scheduleStep(ctx, 'instance', inst.instance_id, at + step.afterMs);
  const updated = findInstance(ctx, inst.instance_id)!;
  if (state === 'running') effects?.onRunning(ctx, updated, at);
  if (state === 'stopped') effects?.onStopped(ctx, updated, at);
  if (state === 'terminated') effects?.onTerminated(ctx, updated, at);
  if (state === 'stopped' || state === 'terminated') for (const d of instanceStoreOf(updated)) releaseVolumeData(ctx, d.dataId);
  announceStateChange({ ctx, instanceId: inst.instance_id, previous, current: state, at });
  return updated;
}

registerLifecycleKind('instance', (ctx, step) => {
  const inst = findInstance(ctx, step.resource_id);
  if (!inst) return;
  const t = INSTANCE_TRANSITIONS[inst.state];
  if (!t) return;
  if (t.next === null) {
    effects?.onVanish(ctx, inst);
    ctx.store.stmt('DELETE FROM ec2_instances WHERE instance_id = ?').run(inst.instance_id);
    deleteAllTags(ctx, inst.instance_id);
    return;
  }
  const reason =
    t.next === 'stopped' || t.next === 'terminated'
      ? { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' }
      : t.next === 'running'
        ? null
        : undefined;
  setInstanceState(ctx, inst, t.next, { at: step.due_at, reason: inst.spot_request_id && t.next === 'terminated' ? undefined : reason });
});
