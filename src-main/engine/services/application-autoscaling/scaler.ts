/**
 * Target tracking for DynamoDB on the simulated clock, the way AWS's two alarms behave: once a
 * minute the scaler reads the table's consumed units from CloudWatch (AWS/DynamoDB, Sum per 60 s)
 * and its provisioned units from DescribeTable. Utilization above the target for 2 minutes scales
 * out; below target − 20 points for 15 minutes scales in (unless DisableScaleIn). The new capacity
 * is consumed-per-second ÷ target, within the target's min/max, applied through UpdateTable.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceStart } from '../../core/provider';
import { servicePrincipal } from '../../core/account';
import { dynamoTarget } from './dimensions';
import type { PolicyRow, TargetRow } from './state/targets';

const MINUTE = 60_000;
const OUT_MINUTES = 2;
const IN_MINUTES = 15;

interface Row extends PolicyRow {
  account_id: string;
  region: string;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function evaluate(engine: ServiceStart, p: Row, now: number): Promise<void> {
  const call = engine.call!;
  const t = dynamoTarget(p.namespace, p.resource_id, p.dimension);
  if (t.index) return; // index metrics are not published per index yet; tables only
  const target = engine.store
    .stmt(
      'SELECT * FROM aas_targets WHERE account_id = ? AND region = ? AND namespace = ? AND resource_id = ? AND dimension = ?',
    )
    .get(p.account_id, p.region, p.namespace, p.resource_id, p.dimension) as TargetRow | undefined;
  if (!target) return;
  const who = servicePrincipal(p.account_id, 'dynamodb.application-autoscaling');
  const opts = { region: p.region, source: 'internal' as const };
  let table: Json;
  try {
    table = ((await call(who, 'dynamodb', 'DescribeTable', { TableName: t.table }, opts)) as Json).Table as Json;
  } catch (e) {
    // A deleted table takes its scalable targets and policies with it, as in AWS.
    if ((e as { code?: string }).code !== 'ResourceNotFoundException') throw e;
    const key = [p.account_id, p.region, p.namespace, p.resource_id, p.dimension];
    const where = 'account_id = ? AND region = ? AND namespace = ? AND resource_id = ? AND dimension = ?';
    engine.store.tx(() => {
      engine.store.stmt(`DELETE FROM aas_policies WHERE ${where}`).run(...key);
      engine.store.stmt(`DELETE FROM aas_targets WHERE ${where}`).run(...key);
    });
    return;
  }
  if (table.TableStatus !== 'ACTIVE') return;
  const current = Number(table.ProvisionedThroughput[t.kind === 'read' ? 'ReadCapacityUnits' : 'WriteCapacityUnits']);
  const stats = (await call(
    who,
    'monitoring',
    'GetMetricStatistics',
    {
      Namespace: 'AWS/DynamoDB',
      MetricName: t.kind === 'read' ? 'ConsumedReadCapacityUnits' : 'ConsumedWriteCapacityUnits',
      Dimensions: [{ Name: 'TableName', Value: t.table }],
      StartTime: new Date(now - (IN_MINUTES + 1) * MINUTE),
      EndTime: new Date(now),
      Period: 60,
      Statistics: ['Sum'],
    },
    opts,
  )) as Json;
  const points = ((stats.Datapoints ?? []) as Json[])
    .sort((a, b) => new Date(a.Timestamp).getTime() - new Date(b.Timestamp).getTime())
    .map((d) => Number(d.Sum) / 60);
  const cfg = JSON.parse(p.config) as Json;
  const goal = Number(cfg.TargetValue);
  const util = (perSecond: number) => (perSecond / current) * 100;
  const wanted = (perSecond: number) =>
    Math.min(target.max_capacity, Math.max(target.min_capacity, Math.ceil(perSecond / (goal / 100))));
  const suspended = target.suspended ? (JSON.parse(target.suspended) as Json) : {};
  let next: number | undefined;
  let cause = '';
  const last = points.slice(-OUT_MINUTES);
  const alarmBase = `TargetTracking-${p.resource_id}`;
  if (current < target.min_capacity || current > target.max_capacity) {
    next = Math.min(target.max_capacity, Math.max(target.min_capacity, current));
    cause = `the capacity was outside the target's limits (${target.min_capacity}-${target.max_capacity})`;
  } else if (
    !suspended.DynamicScalingOutSuspended &&
    last.length === OUT_MINUTES &&
    last.every((x) => util(x) > goal)
  ) {
    const n = wanted(Math.max(...last));
    const cooldown = Number(cfg.ScaleOutCooldown ?? 0) * 1000;
    if (n > current && (!p.last_scale_out || now - p.last_scale_out >= cooldown)) {
      next = n;
      cause = `monitor alarm ${alarmBase}-AlarmHigh in state ALARM triggered policy ${p.name}`;
    }
  } else if (
    !suspended.DynamicScalingInSuspended &&
    !cfg.DisableScaleIn &&
    points.length >= IN_MINUTES &&
    points.slice(-IN_MINUTES).every((x) => util(x) < goal - 20)
  ) {
    const recent = points.slice(-IN_MINUTES);
    const n = wanted(recent.reduce((a, b) => a + b, 0) / recent.length);
    const cooldown = Number(cfg.ScaleInCooldown ?? 0) * 1000;
    if (n < current && (!p.last_scale_in || now - p.last_scale_in >= cooldown)) {
      next = n;
      cause = `monitor alarm ${alarmBase}-AlarmLow in state ALARM triggered policy ${p.name}`;
    }
  }
  if (next === undefined || next === current) return;
  const other = Number(table.ProvisionedThroughput[t.kind === 'read' ? 'WriteCapacityUnits' : 'ReadCapacityUnits']);
  const pt =
    t.kind === 'read'
      ? { ReadCapacityUnits: next, WriteCapacityUnits: other }
      : { ReadCapacityUnits: other, WriteCapacityUnits: next };
  let status = 'Successful';
  let message: string | null = null;
  try {
    await call(who, 'dynamodb', 'UpdateTable', { TableName: t.table, ProvisionedThroughput: pt }, opts);
  } catch (e) {
    status = 'Failed';
    message = e instanceof Error ? e.message : String(e);
  }
  engine.store.tx(() => {
    engine.store
      .stmt(
        `INSERT INTO aas_activities (id, account_id, region, namespace, resource_id, dimension, description, cause, status, status_message, start_time, end_time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        randomUUID(),
        p.account_id,
        p.region,
        p.namespace,
        p.resource_id,
        p.dimension,
        `Setting ${t.kind} capacity units to ${next}.`,
        cause,
        status,
        message,
        now,
        now,
      );
    const col = next! > current ? 'last_scale_out' : 'last_scale_in';
    engine.store
      .stmt(
        `UPDATE aas_policies SET ${col} = ? WHERE account_id = ? AND region = ? AND namespace = ? AND resource_id = ? AND dimension = ? AND name = ?`,
      )
      .run(now, p.account_id, p.region, p.namespace, p.resource_id, p.dimension, p.name);
  });
}

/** One evaluation of every target-tracking policy (exported for tests that step the clock). */
export async function scaleOnce(engine: ServiceStart): Promise<void> {
  if (!engine.call || !engine.store.db.open) return;
  const now = engine.clock.now();
  const rows = engine.store
    .stmt(`SELECT * FROM aas_policies WHERE type = 'TargetTrackingScaling' AND namespace = 'dynamodb'`)
    .all() as Row[];
  for (const p of rows) {
    try {
      await evaluate(engine, p, now);
    } catch (e) {
      console.error('[nimbus] application-autoscaling: evaluating', p.arn, 'failed', e);
    }
  }
}

const running = new WeakSet<object>();

/** Every simulated minute, a second after CloudWatch has sampled the minute that just ended. */
export function startScaler(engine: ServiceStart): void {
  if (running.has(engine.clock)) return;
  running.add(engine.clock);
  const schedule = (at: number): void => {
    engine.clock.at(at, () => {
      void scaleOnce(engine).finally(() => schedule(at + MINUTE));
    });
  };
  schedule(Math.floor(engine.clock.now() / MINUTE) * MINUTE + MINUTE + 1000);
}
