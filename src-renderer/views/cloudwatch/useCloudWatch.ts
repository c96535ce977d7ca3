/**
 * The CloudWatch pages' calls, each an AWS operation through the contract (useAws): metrics and
 * alarms ('monitoring'), CloudWatch Logs ('logs'). Time ranges end at the lab's simulated now
 * (clock.get), which may run ahead of the wall clock.
 */
import type { JsonObject } from '../../../src-main/contract';
import { useContractClient } from '../../contract-client';
import { useAws } from '../../composables/useAws';
import { metricDataInput, seriesOf, type MetricRef, type Series } from './metrics';

export function useCloudWatch() {
  const aws = useAws();
  const client = useContractClient();
  const cw = <T = JsonObject>(operation: string, input: object = {}, region?: string) =>
    aws.call('monitoring', operation, input as JsonObject, region) as Promise<T>;
  const logs = <T = JsonObject>(operation: string, input: object = {}) =>
    aws.call('logs', operation, input as JsonObject) as Promise<T>;
  const now = async () => Date.parse((await client.request('clock.get', {})).now);

  /** One GetMetricData for several metrics; the answer as chart series. */
  async function series(
    metrics: readonly MetricRef[],
    stat: string,
    period: number,
    rangeSeconds: number,
    region?: string,
  ): Promise<Series[]> {
    if (metrics.length === 0) return [];
    const out = await cw('GetMetricData', metricDataInput(metrics, stat, period, rangeSeconds, await now()), region);
    return seriesOf(out);
  }

  return { ...aws, cw, logs, now, series };
}

export const when = (iso?: unknown) => (typeof iso === 'string' && iso ? new Date(iso).toLocaleString() : '');
