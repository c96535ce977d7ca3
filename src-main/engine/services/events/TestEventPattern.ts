import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidEventPattern, validationException } from './errors';
import { matches, parsePattern, PatternError } from './pattern';

export const TestEventPattern = (_ctx: Ctx, input: OperationInput<'events', 'TestEventPattern'>) => {
  let event: unknown;
  try {
    event = JSON.parse(input.Event);
  } catch {
    throw validationException('Parameter Event is not valid.');
  }
  try {
    return { Result: matches(parsePattern(input.EventPattern), event) };
  } catch (e) {
    if (e instanceof PatternError) throw invalidEventPattern(e.message);
    throw e;
  }
};
