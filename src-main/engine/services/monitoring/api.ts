/**
 * CloudWatch's in-engine API, for the other services (no HTTP, no event-history row per datapoint).
 *
 *   putMetricData(scope, 'AWS/SQS', [{ MetricName, Dimensions, Value, Unit, Timestamp? }])
 *       Synchronous; call it inside your handler's transaction (a Ctx is a scope) or anywhere
 *       with { store, accountId, region, clock }. Trusted: no validation, AWS/ namespaces allowed.
 *   registerMetricSource(name, ({ store, from, to }) => MetricSample[])
 *       Called once per simulated minute for [from, to), inside CloudWatch's tick transaction,
 *       before alarms are evaluated: the way to publish gauges (queue depth, healthy hosts).
 *   registerAlarmActionHandler(arn => boolean, async ({ call, notice, arn }) => summary)
 *       Takes over alarm-action ARNs the built-in mapping (actions.ts) does not cover.
 *   runAlarmAction(call, notice, arn)
 *       Executes one action ARN as CloudWatch would (SNS Publish, autoscaling ExecutePolicy,
 *       ec2 Stop/Terminate/RebootInstances, lambda Invoke), never rejecting.
 */
import { recordDatum, type Datum, type MetricScope } from './state/metrics';

export function putMetricData(scope: MetricScope, namespace: string, data: readonly Datum[]): void {
  for (const d of data) recordDatum(scope, namespace, d);
}

export { registerMetricSource, type MetricSample, type MetricSource } from './engine-loop';
export { registerAlarmActionHandler, runAlarmAction, notificationMessage, type AlarmNotice, type AlarmActionHandler, type AlarmActionEnv } from './actions';
export type { Datum, MetricScope, Dimension } from './state/metrics';
