/** What IAM checks for each Auto Scaling call (see core/iam-table.ts). */
import type { ServiceTable } from '../../core/iam-table';

const group = 'arn:${Partition}:autoscaling:${Region}:${Account}:autoScalingGroup:*:autoScalingGroupName/${AutoScalingGroupName}';

export const autoscalingIamTable: ServiceTable = {
  prefix: 'autoscaling',
  starPrefixes: ['Describe'],
  members: {
    AutoScalingGroupName: group,
    LaunchConfigurationName: 'arn:${Partition}:autoscaling:${Region}:${Account}:launchConfiguration:*:launchConfigurationName/${LaunchConfigurationName}',
  },
};
