/**
 * The SQS provider: standard and FIFO queues in SQLite with AWS's semantics (visibility, delays,
 * long polling on the simulated clock, redrive, FIFO groups and deduplication), over both the JSON
 * protocol and the old query form (protocol/sqs-query-compat.ts).
 */
import { defineService } from '../../core/provider';
import { sqsCloudFormation } from './cloudformation';
import { sqsIamTable } from './iam-table';
import { sqsInventory } from './inventory';
import { sqsMetrics } from './metrics';
import { rememberDataDir } from './state/endpoint';
import { sqsMigrations } from './migrations';
import { kickMoveTasks } from './move-tasks';
import { AddPermission } from './AddPermission';
import { CancelMessageMoveTask } from './CancelMessageMoveTask';
import { ChangeMessageVisibility } from './ChangeMessageVisibility';
import { ChangeMessageVisibilityBatch } from './ChangeMessageVisibilityBatch';
import { CreateQueue } from './CreateQueue';
import { DeleteMessage } from './DeleteMessage';
import { DeleteMessageBatch } from './DeleteMessageBatch';
import { DeleteQueue } from './DeleteQueue';
import { GetQueueAttributes } from './GetQueueAttributes';
import { GetQueueUrl } from './GetQueueUrl';
import { ListDeadLetterSourceQueues } from './ListDeadLetterSourceQueues';
import { ListMessageMoveTasks } from './ListMessageMoveTasks';
import { ListQueueTags } from './ListQueueTags';
import { ListQueues } from './ListQueues';
import { PurgeQueue } from './PurgeQueue';
import { ReceiveMessage } from './ReceiveMessage';
import { RemovePermission } from './RemovePermission';
import { SendMessage } from './SendMessage';
import { SendMessageBatch } from './SendMessageBatch';
import { SetQueueAttributes } from './SetQueueAttributes';
import { StartMessageMoveTask } from './StartMessageMoveTask';
import { TagQueue } from './TagQueue';
import { UntagQueue } from './UntagQueue';

export const sqsProvider = defineService({
  service: 'sqs',
  migrations: sqsMigrations,
  handlers: {
    AddPermission,
    CancelMessageMoveTask,
    ChangeMessageVisibility,
    ChangeMessageVisibilityBatch,
    CreateQueue,
    DeleteMessage,
    DeleteMessageBatch,
    DeleteQueue,
    GetQueueAttributes,
    GetQueueUrl,
    ListDeadLetterSourceQueues,
    ListMessageMoveTasks,
    ListQueueTags,
    ListQueues,
    PurgeQueue,
    ReceiveMessage,
    RemovePermission,
    SendMessage,
    SendMessageBatch,
    SetQueueAttributes,
    StartMessageMoveTask,
    TagQueue,
    UntagQueue,
  },
  start: (engine) => {
    rememberDataDir(engine.store, engine.dataDir);
    kickMoveTasks(engine);
  },
  iam: sqsIamTable,
  cloudformation: sqsCloudFormation,
  inventory: sqsInventory,
  metrics: sqsMetrics,
});

export { queuePolicyFor } from './authz';
