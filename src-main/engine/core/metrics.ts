/**
 * A service's CloudWatch metrics (its manifest's optional `metrics` field): which metrics it
 * publishes, under which namespace and dimensions. The monitoring service reads the declarations
 * from the manifests; `sample`, when given, computes the datapoints of one period from the
 * service's own state (nothing here is invented from a hash).
 */
import type { Store } from '../store/store';

export interface MetricSpec {
  /** `CPUUtilization`, `NumberOfMessagesSent`… as AWS names it. */
  name: string;
  /** Dimension names a datapoint carries (`InstanceId`, `QueueName`). */
  dimensions: readonly string[];
  /** CloudWatch's unit name (`Percent`, `Count`, `Bytes`). */
  unit: string;
}

export interface MetricSample {
  name: string;
  dimensions: Readonly<Record<string, string>>;
  value: number;
  unit: string;
}

export interface ServiceMetrics {
  /** `AWS/EC2`, `AWS/SQS`… */
  namespace: string;
  metrics: readonly MetricSpec[];
  /** Datapoints for the period ending at `at` (simulated ms), for one account and region. */
  sample?(engine: { store: Store }, scope: { accountId: string; region: string }, at: number, periodMs: number): MetricSample[];
}
