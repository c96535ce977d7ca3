import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { limitExceeded, validationException } from './errors';
import { requireRule } from './rule-lookup';
import { targetsOf } from './state/rules';

const MAX_TARGETS = 5;

export const PutTargets = (ctx: Ctx, input: OperationInput<'events', 'PutTargets'>) => {
  const r = requireRule(ctx, input.Rule, input.EventBusName);
  const failed: { TargetId: string; ErrorCode: string; ErrorMessage: string }[] = [];
  const existing = new Set(targetsOf(ctx.store, r).map((t) => t.id));
  const adding = input.Targets.filter((t) => !existing.has(t.Id)).length;
  if (existing.size + adding > MAX_TARGETS) throw limitExceeded(`The requested resource exceeds the maximum number allowed.`);
  for (const t of input.Targets) {
    if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(t.Id)) throw validationException(`1 validation error detected: Value '${t.Id}' at 'targets.1.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`);
    const kinds = [t.Input !== undefined, t.InputPath !== undefined, t.InputTransformer !== undefined].filter(Boolean).length;
    if (kinds > 1) throw validationException('Only one of Input, InputPath, or InputTransformer must be provided.');
    if (t.Input !== undefined) {
      try {
        JSON.parse(t.Input);
      } catch {
        failed.push({ TargetId: t.Id, ErrorCode: 'ValidationException', ErrorMessage: 'Input is not a valid JSON text.' });
        continue;
      }
    }
    if (!/^arn:aws[\w-]*:[\w-]+:[\w-]*:\d*:.+/.test(t.Arn)) throw validationException(`Parameter ${t.Arn} is not valid. Reason: Provided Arn is not in correct format.`);
    ctx.store
      .stmt('INSERT OR REPLACE INTO ev_targets (account_id, region, bus, rule, id, arn, spec) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(r.account_id, r.region, r.bus, r.name, t.Id, t.Arn, JSON.stringify(t));
  }
  return { FailedEntryCount: failed.length, FailedEntries: failed };
};
