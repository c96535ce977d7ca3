/**
 * The SNS pages' calls, each an AWS operation through the contract (useAws), and the pure helpers
 * they share: a topic's name from its ARN, and the parts of a confirmation link.
 */
import type { JsonObject } from '../../../src-main/contract';
import { useAws } from '../../composables/useAws';

export interface Subscription {
  SubscriptionArn: string;
  TopicArn: string;
  Protocol: string;
  Endpoint: string;
  Owner?: string;
}

export function useSns() {
  const aws = useAws();
  const sns = <T = JsonObject>(operation: string, input: object = {}, region?: string) =>
    aws.call('sns', operation, input as JsonObject, region) as Promise<T>;

  /** Every page of ListSubscriptions (or of one topic's). */
  async function subscriptions(topicArn?: string): Promise<Subscription[]> {
    const all: Subscription[] = [];
    let NextToken: string | undefined;
    do {
      const out = await sns<{ Subscriptions?: Subscription[]; NextToken?: string }>(
        topicArn ? 'ListSubscriptionsByTopic' : 'ListSubscriptions',
        {
          ...(topicArn ? { TopicArn: topicArn } : {}),
          ...(NextToken ? { NextToken } : {}),
        },
      );
      all.push(...(out.Subscriptions ?? []));
      NextToken = out.NextToken;
    } while (NextToken);
    return all;
  }

  /** Unsubscribe, reported in the flashbar; resolves once done or refused. */
  async function unsubscribe(SubscriptionArn: string): Promise<void> {
    await aws.attempt(
      'Could not delete the subscription',
      () => sns('Unsubscribe', { SubscriptionArn }),
      () => 'Subscription deleted.',
    );
  }

  return { ...aws, sns, subscriptions, unsubscribe };
}

export const topicName = (arn: string) => arn.split(':').pop() ?? arn;

/** The region an SNS ARN lives in (arn:aws:sns:REGION:ACCOUNT:NAME). */
export const arnRegion = (arn: string) => arn.split(':')[3] ?? '';

/** TopicArn and Token out of a confirmation link (…/confirmation.html?TopicArn=…&Token=…), or undefined. */
export function confirmationOf(link: string): { TopicArn: string; Token: string } | undefined {
  const q = link.includes('?') ? link.slice(link.indexOf('?') + 1) : '';
  const params = new URLSearchParams(q);
  const TopicArn = params.get('TopicArn');
  const Token = params.get('Token');
  return TopicArn && Token ? { TopicArn, Token } : undefined;
}

export const PROTOCOLS = ['email', 'email-json', 'sqs', 'lambda', 'http', 'https'] as const;
