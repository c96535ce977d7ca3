import type { Ctx } from '../../core/provider';
import { selectAndFilter } from './describe';
import { checkDryRun } from './dry-run';
import { invalidSecurityGroupRuleIdMalformed, invalidSecurityGroupRuleIdNotFound } from './errors';
import type { FilterTable } from './filters';
import { isWellFormedId } from './ids';
import { paginate } from './pagination';
import { ruleOutput } from './sg-permissions';
import { allRules, type RuleRow } from './state/security-groups';
import { tagsByResource, type Tag } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

type Row = RuleRow & { tags: Tag[] };

const RULE_FILTERS: FilterTable<Row> = {
  'group-id': (r) => r.group_id,
  'security-group-rule-id': (r) => r.rule_id,
};

export function DescribeSecurityGroupRules(ctx: Ctx, input: Ec2Input<'DescribeSecurityGroupRules'>): Ec2Output<'DescribeSecurityGroupRules'> {
  const rules = allRules(ctx);
  const tags = tagsByResource(ctx, rules.map((r) => r.rule_id));
  const rows: Row[] = rules.map((r) => ({ ...r, tags: tags.get(r.rule_id) ?? [] }));
  const selected = selectAndFilter(
    rows,
    {
      ids: input.SecurityGroupRuleIds,
      idOf: (r) => r.rule_id,
      check: (id) => {
        if (!isWellFormedId('sgr', id)) throw invalidSecurityGroupRuleIdMalformed(id);
      },
      notFound: invalidSecurityGroupRuleIdNotFound,
    },
    input.Filters,
    { table: RULE_FILTERS, tags: (r) => r.tags },
  );
  const { page, nextToken } = paginate(selected, input, { operation: 'DescribeSecurityGroupRules' });
  checkDryRun(input);
  return { SecurityGroupRules: page.map((r) => ruleOutput(ctx, r, r.tags)), NextToken: nextToken };
}
