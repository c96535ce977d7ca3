/** What IAM checks for each Application Auto Scaling call: no resource-level permissions (`*`). */
import type { ServiceTable } from '../../core/iam-table';

export const applicationAutoscalingIamTable: ServiceTable = {
  prefix: 'application-autoscaling',
  starPrefixes: ['Describe', 'Register', 'Deregister', 'Put', 'Delete'],
};
