import type { Ctx } from '../../core/provider';
import { toggleActions, type ToggleInput } from './alarm-actions-toggle';

export const EnableAlarmActions = (ctx: Ctx, input: ToggleInput) => toggleActions(ctx, input.AlarmNames, true);
