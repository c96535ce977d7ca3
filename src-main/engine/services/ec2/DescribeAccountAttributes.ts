import type { Ctx } from '../../core/provider';
import { MAX_ADDRESSES_PER_REGION } from './AllocateAddress';
import { checkDryRun } from './dry-run';
import { MAX_GROUPS_PER_INTERFACE } from './eni-groups';
import { invalidAccountAttribute } from './errors';
import { INSTANCE_LIMIT } from './RunInstances';
import { defaultVpcRow } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

/** The account's EC2 facts for this region, in AWS's order; the limits are the lab's own quotas. */
export function DescribeAccountAttributes(ctx: Ctx, input: Ec2Input<'DescribeAccountAttributes'>): Ec2Output<'DescribeAccountAttributes'> {
  const all: [string, string[]][] = [
    ['vpc-max-security-groups-per-interface', [String(MAX_GROUPS_PER_INTERFACE)]],
    ['max-instances', [String(INSTANCE_LIMIT)]],
    ['supported-platforms', ['VPC']],
    ['default-vpc', [defaultVpcRow(ctx)?.vpc_id ?? 'none']],
    ['max-elastic-ips', [String(MAX_ADDRESSES_PER_REGION)]],
    ['vpc-max-elastic-ips', [String(MAX_ADDRESSES_PER_REGION)]],
  ];
  const names = input.AttributeNames ?? [];
  for (const n of names) if (!all.some(([name]) => name === n)) throw invalidAccountAttribute(n);
  const rows = names.length > 0 ? all.filter(([name]) => names.includes(name)) : all;
  checkDryRun(input);
  return {
    AccountAttributes: rows.map(([name, values]) => ({ AttributeName: name, AttributeValues: values.map((v) => ({ AttributeValue: v })) })),
  };
}
