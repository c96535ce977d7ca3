import type { Migration } from '../../store/store';

/**
 * SNS: topics, subscriptions, and the lab's mailbox (every e-mail the lab sends, to any address,
 * lands there for the learner to read). Scope: account + region, the mailbox per account.
 */
export const snsMigrations: Migration[] = [
  {
    scope: 'sns',
    version: 1,
    name: 'topics, subscriptions, mailbox',
    up: `
      CREATE TABLE sns_topics (
        arn TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        attributes TEXT NOT NULL,      -- JSON of the settable attributes (DisplayName, Policy, ...)
        tags TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sns_topics_by_scope ON sns_topics (account_id, region, name);
      CREATE TABLE sns_subscriptions (
        arn TEXT PRIMARY KEY,
        topic_arn TEXT NOT NULL,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        owner TEXT NOT NULL,
        protocol TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        confirmed INTEGER NOT NULL,
        token TEXT NOT NULL,
        attributes TEXT NOT NULL,      -- JSON: RawMessageDelivery, FilterPolicy, FilterPolicyScope
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sns_subscriptions_by_topic ON sns_subscriptions (topic_arn);
      CREATE TABLE sns_mailbox (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        address TEXT NOT NULL,
        time INTEGER NOT NULL,
        sender TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        topic_arn TEXT,
        confirm_token TEXT             -- set on subscription-confirmation mails
      );
      CREATE INDEX sns_mailbox_by_address ON sns_mailbox (account_id, address, time);
    `,
  },
];
