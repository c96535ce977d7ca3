/** Subscriptions as rows. A pending one has no ARN for callers ("pending confirmation"). */
import type { Store } from '../../../store/store';

export interface SubscriptionRow {
  arn: string;
  topic_arn: string;
  account_id: string;
  region: string;
  owner: string;
  protocol: string;
  endpoint: string;
  confirmed: number;
  token: string;
  attributes: string;
  created_at: number;
}

export const PENDING = 'PendingConfirmation';

export function findSubscription(store: Store, arn: string): SubscriptionRow | undefined {
  return store.stmt('SELECT * FROM sns_subscriptions WHERE arn = ?').get(arn) as SubscriptionRow | undefined;
}

export function subscriptionsOf(store: Store, topicArn: string): SubscriptionRow[] {
  return store.stmt('SELECT * FROM sns_subscriptions WHERE topic_arn = ? ORDER BY created_at, arn').all(topicArn) as SubscriptionRow[];
}

export const subAttributes = (s: SubscriptionRow): Record<string, string> => JSON.parse(s.attributes) as Record<string, string>;

/** The list entry of ListSubscriptions(ByTopic). */
export const subscriptionView = (s: SubscriptionRow) => ({
  SubscriptionArn: s.confirmed ? s.arn : PENDING,
  Owner: s.owner,
  Protocol: s.protocol,
  Endpoint: s.endpoint,
  TopicArn: s.topic_arn,
});
