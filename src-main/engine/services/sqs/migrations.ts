import type { Migration } from '../../store/store';

/**
 * SQS state. Scope: account + region (queue names are unique per account and region).
 * A message row lives from its send to its delete, purge, expiry or move to a dead-letter queue;
 * its state is derived from `visible_at` and `receipt` against the simulated clock:
 * delayed (never received here, not yet visible), in flight (received, not yet visible again),
 * visible (`visible_at <= now`). Retention counts from `enqueued_at`.
 */
export const sqsMigrations: Migration[] = [
  {
    scope: 'sqs',
    version: 1,
    name: 'queues, messages, deduplication, receive attempts, move tasks, metric counts',
    up: `
      CREATE TABLE sqs_queues (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        fifo INTEGER NOT NULL,
        attributes TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL,
        modified_at INTEGER NOT NULL,
        purged_at INTEGER,
        next_sequence INTEGER NOT NULL DEFAULT 0,
        UNIQUE (account_id, region, name)
      );

      -- Names of deleted queues, for the 60-second reuse rule.
      CREATE TABLE sqs_deleted_queues (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        deleted_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, name)
      );

      CREATE TABLE sqs_messages (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        queue_id INTEGER NOT NULL REFERENCES sqs_queues (id) ON DELETE CASCADE,
        message_id TEXT NOT NULL,
        body TEXT NOT NULL,
        md5_body TEXT NOT NULL,
        attributes TEXT,
        md5_attributes TEXT,
        system_attributes TEXT,
        md5_system_attributes TEXT,
        sender_id TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        enqueued_at INTEGER NOT NULL,
        visible_at INTEGER NOT NULL,
        receipt TEXT,
        receive_count INTEGER NOT NULL DEFAULT 0,
        first_received_at INTEGER,
        group_id TEXT,
        dedup_id TEXT,
        sequence_number TEXT,
        dlq_source_arn TEXT
      );
      CREATE INDEX sqs_messages_by_visibility ON sqs_messages (queue_id, visible_at, seq);
      CREATE INDEX sqs_messages_by_id ON sqs_messages (queue_id, message_id);

      -- FIFO deduplication ids seen in the last 5 minutes (scope_key: '' per queue, or the group).
      CREATE TABLE sqs_dedup (
        queue_id INTEGER NOT NULL REFERENCES sqs_queues (id) ON DELETE CASCADE,
        scope_key TEXT NOT NULL,
        dedup_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        sequence_number TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (queue_id, scope_key, dedup_id)
      );

      -- FIFO ReceiveRequestAttemptId: the messages a receive returned, for its retries (5 minutes).
      CREATE TABLE sqs_receive_attempts (
        queue_id INTEGER NOT NULL REFERENCES sqs_queues (id) ON DELETE CASCADE,
        attempt_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        receipts TEXT NOT NULL,
        PRIMARY KEY (queue_id, attempt_id)
      );

      CREATE TABLE sqs_move_tasks (
        task_handle TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        source_arn TEXT NOT NULL,
        destination_arn TEXT,
        max_per_second INTEGER,
        status TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        moved INTEGER NOT NULL,
        to_move INTEGER NOT NULL,
        failure_reason TEXT
      );
      -- Per queue and simulated minute: what CloudWatch's NumberOf* metrics count.
      CREATE TABLE sqs_metric_counts (
        queue_id INTEGER NOT NULL REFERENCES sqs_queues (id) ON DELETE CASCADE,
        minute INTEGER NOT NULL,
        sent INTEGER NOT NULL DEFAULT 0,
        sent_bytes INTEGER NOT NULL DEFAULT 0,
        received INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0,
        empty_receives INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (queue_id, minute)
      );
      CREATE INDEX sqs_move_tasks_by_source ON sqs_move_tasks (account_id, region, source_arn, started_at);
    `,
  },
  {
    scope: 'sqs',
    version: 2,
    name: 'indexes for retention and dedup sweeps, FIFO group locks and FIFO order',
    // Without them every send's retention sweep and every FIFO receive scanned the whole queue.
    up: `
      CREATE INDEX sqs_messages_by_age ON sqs_messages (queue_id, enqueued_at);
      CREATE INDEX sqs_messages_by_group ON sqs_messages (queue_id, group_id, visible_at);
      CREATE INDEX sqs_messages_by_seq ON sqs_messages (queue_id, seq);
      CREATE INDEX sqs_dedup_by_expiry ON sqs_dedup (queue_id, expires_at);
    `,
  },
  {
    scope: 'sqs',
    version: 3,
    name: 'time of the current receive',
    // A message's total visibility timeout counts from its current receive (at most 12 hours).
    up: `ALTER TABLE sqs_messages ADD COLUMN received_at INTEGER;`,
  },
];
