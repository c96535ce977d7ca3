/**
 * What IAM checks for each SQS call (see core/iam-table.ts for the template syntax). The batch
 * operations need the single action's permission, as AWS documents; a queue is named by the last
 * segment of its URL.
 */
import type { ServiceTable } from '../../core/iam-table';

const QUEUE = 'arn:${Partition}:sqs:${Region}:${Account}:';

export const sqsIamTable: ServiceTable = {
  prefix: 'sqs',
  actions: {
    SendMessageBatch: 'SendMessage',
    DeleteMessageBatch: 'DeleteMessage',
    ChangeMessageVisibilityBatch: 'ChangeMessageVisibility',
  },
  starPrefixes: ['ListQueues'],
  resources: {
    CreateQueue: [`${QUEUE}\${QueueName}`],
    GetQueueUrl: [`${QUEUE}\${QueueName}`],
    StartMessageMoveTask: ['${SourceArn}'],
    ListMessageMoveTasks: ['${SourceArn}'],
  },
  members: { QueueUrl: `${QUEUE}\${QueueUrl|last}` },
};
