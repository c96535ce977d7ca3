/** What IAM checks for each Elastic Load Balancing (v2) call (see core/iam-table.ts). */
import type { ServiceTable } from '../../core/iam-table';

export const elbv2IamTable: ServiceTable = {
  prefix: 'elasticloadbalancing',
  starPrefixes: ['Describe'],
  members: {
    LoadBalancerArn: '${LoadBalancerArn}',
    TargetGroupArn: '${TargetGroupArn}',
    ListenerArn: '${ListenerArn}',
    RuleArn: '${RuleArn}',
    ResourceArns: '${ResourceArns[]}',
  },
};
