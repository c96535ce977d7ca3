/**
 * The event bus: an event (from PutEvents, a schedule, EC2 or the call history) is matched against
 * the enabled rules of its bus, and each matching rule's targets are called through the dispatcher
 * as events.amazonaws.com once the current transaction has committed: Lambda Invoke (Event), SNS
 * Publish, SQS SendMessage. Outcomes are AWS/Events metrics (Invocations, FailedInvocations,
 * TriggeredRules, MatchedEvents) per rule.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store';
import type { Call } from '../../protocol/types';
import { servicePrincipal } from '../../core/account';
import { putMetricData } from '../monitoring';
import { matches, type Pattern } from './pattern';
import { targetInput, type TargetSpec } from './input';
import { targetsOf, type RuleRow } from './state/rules';

export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

export function makeEvent(e: { source: string; detailType: string; account: string; region: string; at: number; resources?: string[]; detail: unknown }): BusEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': e.detailType,
    source: e.source,
    account: e.account,
    time: new Date(e.at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: e.region,
    resources: e.resources ?? [],
    detail: e.detail,
  };
}

interface Env {
  store: Store;
  clock: { now(): number };
  call?: Call;
}

/** Enabled pattern rules of the event's bus that match it. */
export function matchingRules(store: Store, bus: string, event: BusEvent): RuleRow[] {
  const rules = store
    .stmt("SELECT * FROM ev_rules WHERE account_id = ? AND region = ? AND bus = ? AND state = 'ENABLED' AND pattern IS NOT NULL")
    .all(event.account, event.region, bus) as RuleRow[];
  return rules.filter((r) => {
    try {
      return matches(JSON.parse(r.pattern!) as Pattern, event);
    } catch {
      return false;
    }
  });
}

/** Sends `event` to the targets of `rules` (after the current transaction commits). */
export function dispatchToRules(env: Env, rules: RuleRow[], event: BusEvent): void {
  if (rules.length === 0) return;
  const jobs: { rule: RuleRow; spec: TargetSpec }[] = [];
  for (const rule of rules) for (const t of targetsOf(env.store, rule)) jobs.push({ rule, spec: JSON.parse(t.spec) as TargetSpec });
  const scope = { store: env.store, accountId: event.account, region: event.region, clock: env.clock };
  for (const rule of rules) {
    putMetricData(scope, 'AWS/Events', [
      { MetricName: 'TriggeredRules', Dimensions: [{ Name: 'RuleName', Value: rule.name }], Value: 1, Unit: 'Count' },
      { MetricName: 'MatchedEvents', Dimensions: [{ Name: 'RuleName', Value: rule.name }], Value: 1, Unit: 'Count' },
    ]);
  }
  const call = env.call;
  if (!call || jobs.length === 0) return;
  queueMicrotask(() => {
    for (const { rule, spec } of jobs) {
      void deliver(call, event, spec).then((ok) => {
        if (!env.store.db.open) return;
        env.store.tx(() =>
          putMetricData(scope, 'AWS/Events', [{ MetricName: ok ? 'Invocations' : 'FailedInvocations', Dimensions: [{ Name: 'RuleName', Value: rule.name }], Value: 1, Unit: 'Count' }]),
        );
      });
    }
  });
}

async function deliver(call: Call, event: BusEvent, spec: TargetSpec): Promise<boolean> {
  const p = spec.Arn.split(':');
  const service = p[2];
  const region = p[3] || event.region;
  const principal = servicePrincipal(event.account, 'events');
  const opts = { region, source: 'internal' as const };
  const payload = targetInput(spec, event as unknown as Record<string, unknown>);
  try {
    if (service === 'lambda') await call(principal, 'lambda', 'Invoke', { FunctionName: spec.Arn, InvocationType: 'Event', Payload: Buffer.from(payload) }, opts);
    else if (service === 'sns') await call(principal, 'sns', 'Publish', { TopicArn: spec.Arn, Message: payload }, opts);
    else if (service === 'sqs') {
      const url = await call(principal, 'sqs', 'GetQueueUrl', { QueueName: p[5], QueueOwnerAWSAccountId: p[4] }, opts);
      await call(principal, 'sqs', 'SendMessage', { QueueUrl: url.QueueUrl, MessageBody: payload }, opts);
    } else if (service === 'logs') {
      const group = spec.Arn.replace(/^arn:aws:logs:[^:]+:\d+:log-group:/, '').replace(/:\*$/, '');
      const stream = event.id;
      await call(principal, 'logs', 'CreateLogStream', { logGroupName: group, logStreamName: stream }, opts);
      await call(principal, 'logs', 'PutLogEvents', { logGroupName: group, logStreamName: stream, logEvents: [{ timestamp: Date.parse(event.time), message: payload }] }, opts);
    } else return false;
    return true;
  } catch (e) {
    console.error(`[nimbus] EventBridge delivery to ${spec.Arn} failed:`, e instanceof Error ? e.message : e);
    return false;
  }
}
