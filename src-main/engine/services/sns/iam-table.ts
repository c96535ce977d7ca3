/** What IAM checks for each SNS call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

export const snsIamTable: ServiceTable = {
  prefix: 'sns',
  starPrefixes: ['ListTopics', 'ListSubscriptions'],
  resources: {
    CreateTopic: ['arn:${Partition}:sns:${Region}:${Account}:${Name}'],
    ListSubscriptionsByTopic: ['${TopicArn}'],
    ConfirmSubscription: ['${TopicArn}'],
  },
  members: { TopicArn: '${TopicArn}', TargetArn: '${TargetArn}', SubscriptionArn: '${SubscriptionArn}', ResourceArn: '${ResourceArn}' },
};
