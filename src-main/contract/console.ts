/**
 * What the console shows beside AWS operations: the month's cost so far, and the learner's workstation
 * (its public address for "My IP", files saved into it). Instance metrics are CloudWatch's own.
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
