/** What IAM checks for each EventBridge call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

const rule = (member: string) => `arn:\${Partition}:events:\${Region}:\${Account}:rule/\${${member}}`;

export const eventsIamTable: ServiceTable = {
  prefix: 'events',
  starPrefixes: ['ListRules', 'ListRuleNamesByTarget', 'TestEventPattern'],
  resources: {
    PutEvents: ['arn:${Partition}:events:${Region}:${Account}:event-bus/default'],
    PutTargets: [rule('Rule')],
    RemoveTargets: [rule('Rule')],
    ListTargetsByRule: [rule('Rule')],
  },
  members: { Name: rule('Name') },
};
