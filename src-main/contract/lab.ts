/** What the console needs to know about the lab: who, where, which services, what time it is. */
import { z } from 'zod';

export const labRegion = z.object({
  name: z.string(), // us-east-1
  label: z.string(), // US East (N. Virginia)
  optIn: z.boolean(),
});
export type LabRegion = z.infer<typeof labRegion>;

export const labService = z.object({
  /** Model folder name and SDK id ('s3', 'sts'). */
  id: z.string(),
  /** AWS's full name from the model ('Amazon Simple Storage Service'). */
  name: z.string(),
  /** True when the lab has hand-written behaviour for it (other services answer NotImplemented). */
  hasBehaviour: z.boolean(),
});
export type LabService = z.infer<typeof labService>;

export const labInfoRequest = z.object({}).strict();
export const labInfoResponse = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  defaultRegion: z.string(),
  regions: z.array(labRegion),
  services: z.array(labService),
  version: z.string(),
  /** The AWS endpoint the lab listens on (http://127.0.0.1:PORT), when the shell knows it. */
  endpoint: z.string().optional(),
});
export type LabInfo = z.infer<typeof labInfoResponse>;

export const clockGetRequest = z.object({}).strict();
export const clockGetResponse = z.object({
  /** Simulated now, ISO 8601. */
  now: z.iso.datetime(),
  /** Simulated seconds per real second (0 = stopped, tests). */
  warp: z.number().nonnegative(),
});
export type ClockState = z.infer<typeof clockGetResponse>;
