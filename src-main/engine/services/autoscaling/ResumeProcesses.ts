import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { kick } from './state/kick';
import { changeProcesses } from './state/processes';

export const ResumeProcesses = (ctx: Ctx, input: OperationInput<'autoscaling', 'ResumeProcesses'>) => {
  changeProcesses(ctx, input.AutoScalingGroupName, input.ScalingProcesses, false);
  kick(ctx, input.AutoScalingGroupName);
  return {};
};
