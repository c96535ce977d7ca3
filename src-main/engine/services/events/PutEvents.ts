import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationException } from './errors';
import { dispatchToRules, makeEvent, matchingRules } from './bus';
import { busName, DEFAULT_BUS } from './state/rules';
import { engineFor } from './loop';

/** Custom events onto the default bus; each entry succeeds or fails on its own, as in EventBridge. */
export const PutEvents = (ctx: Ctx, input: OperationInput<'events', 'PutEvents'>) => {
  if (input.Entries.length === 0 || input.Entries.length > 10) throw validationException('1 validation error detected: Value at \'entries\' failed to satisfy constraint: Member must have length less than or equal to 10');
  const env = { store: ctx.store, clock: ctx.clock, call: engineFor(ctx.store)?.call ?? ctx.call };
  const entries = input.Entries.map((e) => {
    if (!e.Source) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' };
    if (!e.DetailType) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' };
    if (e.Source.startsWith('aws.')) return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' };
    let detail: unknown;
    try {
      detail = JSON.parse(e.Detail ?? '');
    } catch {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    const bus = busName(e.EventBusName);
    if (bus !== DEFAULT_BUS) return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${bus} does not exist.` };
    const event = makeEvent({ source: e.Source, detailType: e.DetailType, account: ctx.accountId, region: ctx.region, at: e.Time?.getTime() ?? ctx.clock.now(), resources: e.Resources, detail });
    dispatchToRules(env, matchingRules(ctx.store, bus, event), event);
    return { EventId: event.id };
  });
  return { FailedEntryCount: entries.filter((e) => 'ErrorCode' in e).length, Entries: entries };
};
