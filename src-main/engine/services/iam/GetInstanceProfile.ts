import type { Ctx } from '../../core/provider';
import { instanceProfileOutput } from './output';
import { requireEntity } from './state/entities';

export const GetInstanceProfile = (ctx: Ctx, input: { InstanceProfileName: string }) => ({
  InstanceProfile: instanceProfileOutput(ctx.store, requireEntity(ctx, 'instance-profile', input.InstanceProfileName)),
});
