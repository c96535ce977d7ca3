/**
 * What the console shows beside AWS operations: the month's cost so far, an instance's CloudWatch-
 * style metrics, and the learner's workstation (its public address for "My IP", files saved into it).
 */
import { z } from 'zod';

export const billingSummaryRequest = z.object({}).strict();
export const billingLine = z.object({
  region: z.string(),
  /** instance | volume | snapshot | idle-address */
  usageType: z.string(),
  /** Instance type, volume type, 'snapshot' or 'address'. */
  item: z.string(),
  usage: z.number(),
  unit: z.string(),
  cost: z.number(),
});
export const billingSummaryResponse = z.object({
  currency: z.literal('USD'),
  /** The current calendar month (UTC, simulated clock) up to now, ISO 8601. */
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** After the free tier. */
  total: z.number(),
  gross: z.number(),
  freeTier: z.number(),
  lines: z.array(billingLine),
});
export type BillingSummary = z.infer<typeof billingSummaryResponse>;

export const instanceMetricName = z.enum(['CPUUtilization', 'NetworkIn', 'NetworkOut']);
export type InstanceMetricName = z.infer<typeof instanceMetricName>;

export const metricsInstanceRequest = z.object({
  instanceId: z.string().regex(/^i-[0-9a-f]{8,17}$/),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  metric: instanceMetricName,
  /** How far back from now, in seconds (default 3 hours, at most 2 weeks). */
  rangeSeconds: z.number().int().min(300).max(14 * 86_400).default(3 * 3600),
  /** Seconds per datapoint (default 5 minutes, basic monitoring). */
  periodSeconds: z.number().int().min(60).max(86_400).default(300),
});
export type MetricsInstanceRequest = z.input<typeof metricsInstanceRequest>;
export const metricsInstanceResponse = z.object({
  metric: instanceMetricName,
  /** Percent (CPU) or Bytes (network, per period). */
  unit: z.enum(['Percent', 'Bytes']),
  /** Oldest first; only periods in which the instance ran. */
  datapoints: z.array(z.object({ timestamp: z.iso.datetime(), value: z.number() })),
  /**
   * True while the values are generated from the instance's run times rather than measured from
   * the guest's activity by CloudWatch; the console labels such charts "synthetic".
   */
  synthetic: z.boolean().optional(),
});
export type InstanceMetrics = z.infer<typeof metricsInstanceResponse>;

export const workstationInfoRequest = z.object({}).strict();
export const workstationInfoResponse = z.object({
  /** The workstation's public IPv4 address in the lab's internet ("My IP" in security group rules). */
  publicIp: z.string(),
});
export type WorkstationInfo = z.infer<typeof workstationInfoResponse>;

/**
 * A file the console hands to the learner (a new key pair's private key) saved into the workstation's
 * home folder, where the terminal's ssh finds it: ~/NAME. The name is a plain file name.
 */
export const workstationSaveFileRequest = z
  .object({
    fileName: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/),
    content: z.string().max(1024 * 1024),
    /** Permission bits; 0o644 by default, like a browser download (a key still needs chmod 400 for ssh). */
    mode: z.number().int().min(0).max(0o777).default(0o644),
  })
  .strict();
export type WorkstationSaveFileRequest = z.input<typeof workstationSaveFileRequest>;
export const workstationSaveFileResponse = z.object({
  /** Where the file landed, absolute (/home/learner/mykey.pem). */
  path: z.string(),
  /** The same, as the learner types it (~/mykey.pem). */
  displayPath: z.string(),
});
export type WorkstationSavedFile = z.infer<typeof workstationSaveFileResponse>;
