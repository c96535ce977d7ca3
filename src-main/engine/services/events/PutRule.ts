import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidEventPattern, resourceNotFound, validationException } from './errors';
import { parsePattern, PatternError } from './pattern';
import { busName, DEFAULT_BUS, findRule, ruleArn } from './state/rules';
import { firstFire, parseSchedule } from './schedule';

const NAME = /^[.\-_A-Za-z0-9]{1,64}$/;

/** Creates or updates a rule; a rate() schedule first fires one period after the rule is (re)defined, on the minute. */
export const PutRule = (ctx: Ctx, input: OperationInput<'events', 'PutRule'>) => {
  if (!NAME.test(input.Name)) throw validationException(`1 validation error detected: Value '${input.Name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`);
  const bus = busName(input.EventBusName);
  if (bus !== DEFAULT_BUS) throw resourceNotFound(`Event bus ${bus} does not exist.`);
  if (!input.ScheduleExpression && !input.EventPattern) throw validationException('Parameter(s) EventPattern or ScheduleExpression must be specified.');
  const schedule = input.ScheduleExpression ? parseSchedule(input.ScheduleExpression) : undefined;
  if (input.ScheduleExpression && !schedule) throw validationException('Parameter ScheduleExpression is not valid.');
  if (input.EventPattern) {
    try {
      parsePattern(input.EventPattern);
    } catch (e) {
      if (e instanceof PatternError) throw invalidEventPattern(e.message);
      throw e;
    }
  }
  if (input.State && !['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'].includes(input.State))
    throw validationException(`1 validation error detected: Value '${input.State}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]`);
  const now = ctx.clock.now();
  const arn = ruleArn(ctx.region, ctx.accountId, bus, input.Name);
  const existing = findRule(ctx.store, ctx.accountId, ctx.region, bus, input.Name);
  const nextFire = schedule?.kind === 'rate' ? (existing?.schedule === input.ScheduleExpression && existing?.next_fire ? existing.next_fire : firstFire(now, schedule.ms)) : null;
  const state = input.State === 'DISABLED' ? 'DISABLED' : 'ENABLED';
  ctx.store
    .stmt(
      `INSERT INTO ev_rules (account_id, region, bus, name, arn, description, schedule, pattern, state, role_arn, managed_by, next_fire, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
       ON CONFLICT (account_id, region, bus, name) DO UPDATE SET description = excluded.description, schedule = excluded.schedule,
         pattern = excluded.pattern, state = excluded.state, role_arn = excluded.role_arn, next_fire = excluded.next_fire`,
    )
    .run(ctx.accountId, ctx.region, bus, input.Name, arn, input.Description ?? null, input.ScheduleExpression ?? null, input.EventPattern ?? null, state, input.RoleArn ?? null, nextFire, now);
  return { RuleArn: arn };
};
