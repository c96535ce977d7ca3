/**
 * Alarm actions: what happens when an alarm changes state. Each action ARN becomes a call to its
 * service's own operation through the dispatcher, as the service principal cloudwatch.amazonaws.com:
 *
 *   arn:aws:sns:REGION:ACCOUNT:TOPIC                       sns Publish (the alarm notification JSON)
 *   arn:aws:autoscaling:REGION:ACCOUNT:scalingPolicy:…     autoscaling ExecutePolicy
 *   arn:aws:automate:REGION:ec2:stop|terminate|reboot      ec2 StopInstances / TerminateInstances / RebootInstances
 *   arn:aws:automate:REGION:ec2:recover                    a handler registered by EC2 (registerAlarmActionHandler)
 *   arn:aws:lambda:REGION:ACCOUNT:function:NAME            lambda Invoke (Event), with the alarm event
 *
 * A service may register a handler for ARNs of its own (registerAlarmActionHandler); a registered
 * handler wins over the built-in mapping. The outcome of each action is an `Action` history item.
 */
import type { Call } from '../../protocol/types';
import { servicePrincipal } from '../../core/account';
import type { Alarm, AlarmState } from './state/alarms';
import { regionLabel } from './region-label';

/** What an action handler receives: the alarm as it is after the transition. */
export interface AlarmNotice {
  accountId: string;
  region: string;
  alarmName: string;
  alarmArn: string;
  alarmDescription?: string;
  oldState: AlarmState;
  newState: AlarmState;
  reason: string;
  reasonData?: string;
  /** Simulated time of the transition (epoch ms). */
  at: number;
  namespace?: string;
  metricName?: string;
  dimensions: { Name: string; Value: string }[];
  statistic?: string;
  period?: number;
  evaluationPeriods: number;
  comparisonOperator: string;
  threshold?: number;
  treatMissingData: string;
  /** The latest evaluated value, when the transition came from evaluation. */
  metricValue?: number;
}

export interface AlarmActionEnv {
  call: Call;
  notice: AlarmNotice;
  arn: string;
}

export type AlarmActionHandler = (env: AlarmActionEnv) => Promise<string | void>;

const handlers: { test: (arn: string) => boolean; run: AlarmActionHandler }[] = [];

/** Lets a service take over action ARNs of its own (EC2 recover, Application Auto Scaling policies...). */
export function registerAlarmActionHandler(test: (arn: string) => boolean, run: AlarmActionHandler): () => void {
  const h = { test, run };
  handlers.unshift(h);
  return () => {
    const i = handlers.indexOf(h);
    if (i >= 0) handlers.splice(i, 1);
  };
}

export function noticeOf(alarm: Alarm, oldState: AlarmState, metricValue?: number): AlarmNotice {
  const c = alarm.config;
  const r = alarm.row;
  return {
    accountId: r.account_id,
    region: r.region,
    alarmName: r.name,
    alarmArn: r.arn,
    alarmDescription: c.AlarmDescription,
    oldState,
    newState: r.state,
    reason: r.state_reason,
    reasonData: r.state_reason_data ?? undefined,
    at: r.state_updated_at,
    namespace: c.Namespace,
    metricName: c.MetricName,
    dimensions: c.Dimensions ?? [],
    statistic: c.Statistic ?? c.ExtendedStatistic,
    period: c.Period,
    evaluationPeriods: c.EvaluationPeriods,
    comparisonOperator: c.ComparisonOperator,
    threshold: c.Threshold,
    treatMissingData: c.TreatMissingData ?? 'missing',
    metricValue,
  };
}

const isoMillis = (t: number) => new Date(t).toISOString().replace('Z', '+0000');

/** The JSON message CloudWatch publishes to SNS topics. */
export function notificationMessage(n: AlarmNotice): { subject: string; message: string } {
  const subject = `${n.newState}: "${n.alarmName}" in ${regionLabel(n.region)}`;
  const message = {
    AlarmName: n.alarmName,
    AlarmDescription: n.alarmDescription ?? null,
    AWSAccountId: n.accountId,
    AlarmConfigurationUpdatedTimestamp: isoMillis(n.at),
    NewStateValue: n.newState,
    NewStateReason: n.reason,
    StateChangeTime: isoMillis(n.at),
    Region: regionLabel(n.region),
    AlarmArn: n.alarmArn,
    OldStateValue: n.oldState,
    OKActions: [],
    AlarmActions: [],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: n.metricName,
      Namespace: n.namespace,
      StatisticType: n.statistic && /^p/.test(n.statistic) ? 'ExtendedStatistic' : 'Statistic',
      Statistic: n.statistic?.toUpperCase(),
      Unit: null,
      Dimensions: n.dimensions.map((d) => ({ value: d.Value, name: d.Name })),
      Period: n.period,
      EvaluationPeriods: n.evaluationPeriods,
      ComparisonOperator: n.comparisonOperator,
      Threshold: n.threshold,
      TreatMissingData: n.treatMissingData,
      EvaluateLowSampleCountPercentile: '',
    },
  };
  return { subject: subject.slice(0, 100), message: JSON.stringify(message) };
}

const EC2_ACTIONS: Record<string, string> = { stop: 'StopInstances', terminate: 'TerminateInstances', reboot: 'RebootInstances' };

/** The built-in mapping of an action ARN to a call. Throws a plain Error for ARNs the lab cannot act on. */
async function builtIn({ call, notice, arn }: AlarmActionEnv): Promise<string> {
  const parts = arn.split(':');
  const service = parts[2];
  const region = parts[3] || notice.region;
  const as = (svc: string) => servicePrincipal(notice.accountId, svc);
  const opts = { region, source: 'internal' as const };
  if (service === 'sns') {
    const { subject, message } = notificationMessage(notice);
    const out = await call(as('cloudwatch'), 'sns', 'Publish', { TopicArn: arn, Subject: subject, Message: message }, opts);
    return `Successfully executed action ${arn} (message ${String(out.MessageId)})`;
  }
  if (service === 'autoscaling' && parts[5] === 'scalingPolicy') {
    const group = /:autoScalingGroupName\/([^:]+)/.exec(arn)?.[1];
    const input: Record<string, unknown> = { PolicyName: arn, HonorCooldown: true };
    if (group) input.AutoScalingGroupName = group;
    if (notice.metricValue !== undefined) input.MetricValue = notice.metricValue;
    if (notice.threshold !== undefined) input.BreachThreshold = notice.threshold;
    await call(as('cloudwatch'), 'autoscaling', 'ExecutePolicy', input, opts);
    return `Successfully executed action ${arn}`;
  }
  if (service === 'automate' && parts[4] === 'ec2') {
    const verb = parts[5] ?? '';
    const op = EC2_ACTIONS[verb];
    const instanceId = notice.dimensions.find((d) => d.Name === 'InstanceId')?.Value;
    if (!instanceId) throw new Error(`The alarm has no InstanceId dimension for ${arn}`);
    if (!op) throw new Error(`The EC2 action ${verb} is not available in the lab`);
    await call(as('ec2'), 'ec2', op, { InstanceIds: [instanceId] }, opts);
    return `Successfully executed action ${arn}`;
  }
  if (service === 'lambda') {
    const payload = JSON.stringify({
      source: 'aws.cloudwatch',
      alarmArn: notice.alarmArn,
      accountId: notice.accountId,
      time: new Date(notice.at).toISOString(),
      region: notice.region,
      alarmData: {
        alarmName: notice.alarmName,
        state: { value: notice.newState, reason: notice.reason, timestamp: new Date(notice.at).toISOString() },
        previousState: { value: notice.oldState },
      },
    });
    await call(as('cloudwatch'), 'lambda', 'Invoke', { FunctionName: arn, InvocationType: 'Event', Payload: Buffer.from(payload) }, opts);
    return `Successfully executed action ${arn}`;
  }
  throw new Error(`The lab does not know how to execute action ${arn}`);
}

/** Runs one action; resolves with the history summary (never rejects). */
export async function runAlarmAction(call: Call, notice: AlarmNotice, arn: string): Promise<{ ok: boolean; summary: string }> {
  const env = { call, notice, arn };
  try {
    const custom = handlers.find((h) => h.test(arn));
    const text = custom ? await custom.run(env) : await builtIn(env);
    return { ok: true, summary: text || `Successfully executed action ${arn}` };
  } catch (e) {
    const why = e instanceof Error ? `${(e as { code?: string }).code ?? ''} ${e.message}`.trim() : String(e);
    return { ok: false, summary: `Failed to execute action ${arn}. Received error: "${why}"` };
  }
}
