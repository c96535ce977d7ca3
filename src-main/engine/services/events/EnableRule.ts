import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { setRuleState } from './rule-state';

export const EnableRule = (ctx: Ctx, input: OperationInput<'events', 'EnableRule'>) => setRuleState(ctx, input.Name, input.EventBusName, true);
