import type { Ctx } from '../../core/provider';

/** S3 keeps whole seconds (LastModified shows .000Z), from the simulated clock. */
export const s3Now = (ctx: Ctx): number => Math.floor(ctx.clock.now() / 1000) * 1000;
