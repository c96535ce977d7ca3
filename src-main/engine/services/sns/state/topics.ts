/** Topics as rows; the ARN is the key, as in every SNS call. */
import type { Store } from '../../../store/store';
import { topicNotFound } from '../errors';

export interface TopicRow {
  arn: string;
  account_id: string;
  region: string;
  name: string;
  attributes: string;
  tags: string;
  created_at: number;
}

export const topicArn = (region: string, accountId: string, name: string) => `arn:aws:sns:${region}:${accountId}:${name}`;

export function findTopic(store: Store, arn: string): TopicRow | undefined {
  return store.stmt('SELECT * FROM sns_topics WHERE arn = ?').get(arn) as TopicRow | undefined;
}

export function requireTopic(store: Store, arn: string | undefined): TopicRow {
  const t = arn ? findTopic(store, arn) : undefined;
  if (!t) throw topicNotFound();
  return t;
}

export const topicAttributes = (t: TopicRow): Record<string, string> => JSON.parse(t.attributes) as Record<string, string>;

/** The default access policy SNS gives a new topic: the owner account may do everything. */
export function defaultPolicy(arn: string, accountId: string): string {
  return JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission', 'SNS:DeleteTopic', 'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish'],
        Resource: arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
      },
    ],
  });
}
