import type { Ctx } from '../../core/provider';
import { toggleActions, type ToggleInput } from './alarm-actions-toggle';

export const DisableAlarmActions = (ctx: Ctx, input: ToggleInput) => toggleActions(ctx, input.AlarmNames, false);
