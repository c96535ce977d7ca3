/**
 * Sums of a resource's CloudWatch metrics over the last hour (GetMetricStatistics, one hourly
 * period), for the monitoring tabs of the SQS and DynamoDB pages. A metric with no datapoints is 0.
 */
import type { AwsCall } from '../../composables/useAws';

export async function lastHourSums(
  call: AwsCall,
  namespace: string,
  dimension: { Name: string; Value: string },
  metrics: readonly string[],
): Promise<Record<string, number>> {
  const end = new Date();
  const start = new Date(end.getTime() - 3600_000);
  const out: Record<string, number> = {};
  for (const MetricName of metrics) {
    const r = (await call('monitoring', 'GetMetricStatistics', {
      Namespace: namespace,
      MetricName,
      Dimensions: [dimension],
      StartTime: start.toISOString(),
      EndTime: end.toISOString(),
      Period: 3600,
      Statistics: ['Sum'],
    }).catch(() => ({}))) as { Datapoints?: { Sum?: number }[] };
    out[MetricName] = (r.Datapoints ?? []).reduce((n, d) => n + (d.Sum ?? 0), 0);
  }
  return out;
}
