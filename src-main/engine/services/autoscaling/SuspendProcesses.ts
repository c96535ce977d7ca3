import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { changeProcesses } from './state/processes';

export const SuspendProcesses = (ctx: Ctx, input: OperationInput<'autoscaling', 'SuspendProcesses'>) => {
  changeProcesses(ctx, input.AutoScalingGroupName, input.ScalingProcesses, true);
  return {};
};
