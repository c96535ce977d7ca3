import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { setRuleState } from './rule-state';

export const DisableRule = (ctx: Ctx, input: OperationInput<'events', 'DisableRule'>) => setRuleState(ctx, input.Name, input.EventBusName, false);
