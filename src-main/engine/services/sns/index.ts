/**
 * The SNS provider: topics, subscriptions (e-mail confirmed through the lab's mailbox, SQS and
 * Lambda delivered through those services' operations), publish with attributes and filter
 * policies. The mailbox functions at the bottom are how the console and tests read the mail.
 */
import { defineService } from '../../core/provider';
import { snsMigrations } from './migrations';
import { snsIamTable } from './iam-table';
import { snsResourceProviders } from './cloudformation';
import { snsInventory } from './inventory';
import { CreateTopic } from './CreateTopic';
import { DeleteTopic } from './DeleteTopic';
import { ListTopics } from './ListTopics';
import { GetTopicAttributes } from './GetTopicAttributes';
import { SetTopicAttributes } from './SetTopicAttributes';
import { Subscribe } from './Subscribe';
import { ConfirmSubscription } from './ConfirmSubscription';
import { Unsubscribe } from './Unsubscribe';
import { ListSubscriptions } from './ListSubscriptions';
import { ListSubscriptionsByTopic } from './ListSubscriptionsByTopic';
import { GetSubscriptionAttributes } from './GetSubscriptionAttributes';
import { SetSubscriptionAttributes } from './SetSubscriptionAttributes';
import { Publish } from './Publish';

export const snsProvider = defineService({
  service: 'sns',
  migrations: snsMigrations,
  handlers: {
    CreateTopic,
    DeleteTopic,
    ListTopics,
    GetTopicAttributes,
    SetTopicAttributes,
    Subscribe,
    ConfirmSubscription,
    Unsubscribe,
    ListSubscriptions,
    ListSubscriptionsByTopic,
    GetSubscriptionAttributes,
    SetSubscriptionAttributes,
    Publish,
  },
  iam: snsIamTable,
  cloudformation: snsResourceProviders,
  inventory: snsInventory,
});

export { listMail, markRead, unreadCount, type Mail } from './state/mailbox';
