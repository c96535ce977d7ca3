/**
 * Authorize/Revoke for both directions: the four handlers only pick the direction and the way the
 * target group is named.
 */
import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { invalidPermissionDuplicate, invalidPermissionNotFound, invalidSecurityGroupRuleIdNotFound, rulesPerGroupLimitExceeded } from './errors';
import { describeRuleForDuplicate, ruleOutput, rulesFromInput, type LegacyRuleInput } from './sg-permissions';
import { deleteRule, findRule, insertRule, rulesOf, sameRule, type GroupRow, type RuleRow } from './state/security-groups';
import { checkTagSpecifications, deleteAllTags, setTags, type TagSpecification } from './state/tags';

/** AWS's default quota of rules per group and direction. */
export const MAX_RULES_PER_DIRECTION = 60;

export function authorize(
  ctx: Ctx,
  group: GroupRow,
  input: LegacyRuleInput & { DryRun?: boolean; TagSpecifications?: TagSpecification[] },
  egress: boolean,
) {
  const wanted = rulesFromInput(ctx, group, input, egress);
  const existing = rulesOf(ctx, group.group_id, egress);
  const seen: RuleRow[] = [];
  for (const r of wanted) {
    if (existing.some((e) => sameRule(e, r)) || seen.some((e) => sameRule(e, r))) throw invalidPermissionDuplicate(describeRuleForDuplicate(r));
    seen.push(r);
  }
  if (existing.length + wanted.length > MAX_RULES_PER_DIRECTION) throw rulesPerGroupLimitExceeded();
  const tags = checkTagSpecifications(ctx, input.TagSpecifications, ['security-group-rule']).get('security-group-rule') ?? [];
  checkDryRun(input);
  const created = wanted.map((r) => insertRule(ctx, r));
  if (tags.length > 0) for (const r of created) setTags(ctx, r.rule_id, tags);
  return { Return: true, SecurityGroupRules: created.map((r) => ruleOutput(ctx, r, tags)) };
}

export function revoke(
  ctx: Ctx,
  group: GroupRow,
  input: LegacyRuleInput & { DryRun?: boolean; SecurityGroupRuleIds?: string[] },
  egress: boolean,
) {
  const existing = rulesOf(ctx, group.group_id, egress);
  const doomed: RuleRow[] = [];
  for (const id of input.SecurityGroupRuleIds ?? []) {
    const r = findRule(ctx, id);
    if (!r || r.group_id !== group.group_id || (r.is_egress === 1) !== egress) throw invalidSecurityGroupRuleIdNotFound(id);
    doomed.push(r);
  }
  const hasPermissions = (input.IpPermissions?.length ?? 0) > 0 || input.CidrIp !== undefined || input.IpProtocol !== undefined || input.SourceSecurityGroupName !== undefined;
  if (hasPermissions || doomed.length === 0) {
    for (const r of rulesFromInput(ctx, group, input, egress)) {
      const match = existing.find((e) => sameRule(e, r));
      if (!match) throw invalidPermissionNotFound();
      doomed.push(match);
    }
  }
  checkDryRun(input);
  for (const r of doomed) {
    deleteRule(ctx, r.rule_id);
    deleteAllTags(ctx, r.rule_id);
  }
  return { Return: true };
}
