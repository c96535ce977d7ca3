/**
 * A lab action, not an AWS operation (§14.1): the hardware under a running instance fails. Its system
 * status check then fails until a recover alarm action, a stop and start, or termination.
 */
import { z } from 'zod';

export const instancesFailHostRequest = z
  .object({
    instanceId: z.string().regex(/^i-[0-9a-f]{8,17}$/),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  })
  .strict();
/** failed: false when no such running instance exists in the region. */
export const instancesFailHostResponse = z.object({ failed: z.boolean() });
