/** EnableRule / DisableRule; re-enabling a rate() rule restarts its period from now. */
import type { Ctx } from '../../core/provider';
import { requireRule } from './rule-lookup';
import { firstFire, parseSchedule } from './schedule';

export function setRuleState(ctx: Ctx, name: string, bus: string | undefined, enabled: boolean): Record<string, never> {
  const r = requireRule(ctx, name, bus);
  const s = r.schedule ? parseSchedule(r.schedule) : undefined;
  const next = enabled && r.state !== 'ENABLED' && s?.kind === 'rate' ? firstFire(ctx.clock.now(), s.ms) : r.next_fire;
  ctx.store
    .stmt('UPDATE ev_rules SET state = ?, next_fire = ? WHERE account_id = ? AND region = ? AND bus = ? AND name = ?')
    .run(enabled ? 'ENABLED' : 'DISABLED', next, r.account_id, r.region, r.bus, r.name);
  return {};
}
