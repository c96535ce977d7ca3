/** What IAM checks for each Classic Load Balancing call (see core/iam-table.ts). */
import type { ServiceTable } from '../../core/iam-table';

export const elbIamTable: ServiceTable = {
  prefix: 'elasticloadbalancing',
  starPrefixes: ['Describe'],
  members: {
    LoadBalancerName: 'arn:${Partition}:elasticloadbalancing:${Region}:${Account}:loadbalancer/${LoadBalancerName}',
    LoadBalancerNames: 'arn:${Partition}:elasticloadbalancing:${Region}:${Account}:loadbalancer/${LoadBalancerNames[]}',
  },
};
