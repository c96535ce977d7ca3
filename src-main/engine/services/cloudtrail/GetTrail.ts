import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireTrail } from './trail-lookup';
import { trailView } from './state/trails';

export const GetTrail = (ctx: Ctx, input: OperationInput<'cloudtrail', 'GetTrail'>) => ({
  Trail: trailView(requireTrail(ctx, input.Name)),
});
