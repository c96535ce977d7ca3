/**
 * The SQS pages' calls, each an AWS operation through the contract (useAws), in the learner's region.
 * The queues list asks GetQueueAttributes per queue for its counters, as SQS's console does.
 */
import type { JsonObject } from '../../../src-main/contract';
import { useAws } from '../../composables/useAws';
import { queueNameOf } from './queues';

export interface QueueSummary {
  url: string;
  name: string;
  attributes: Record<string, string>;
}

export interface ReceivedMessage {
  MessageId: string;
  ReceiptHandle: string;
  Body: string;
  MD5OfBody?: string;
  Attributes?: Record<string, string>;
  MessageAttributes?: Record<string, { DataType: string; StringValue?: string }>;
}

export function useSqs() {
  const aws = useAws();
  const sqs = <T = JsonObject>(operation: string, input: object = {}) => aws.call('sqs', operation, input as JsonObject) as Promise<T>;

  async function queue(url: string): Promise<QueueSummary> {
    const out = await sqs<{ Attributes?: Record<string, string> }>('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] });
    return { url, name: queueNameOf(url), attributes: out.Attributes ?? {} };
  }

  async function listQueues(): Promise<QueueSummary[]> {
    const urls: string[] = [];
    let NextToken: string | undefined;
    do {
      const out = await sqs<{ QueueUrls?: string[]; NextToken?: string }>('ListQueues', { MaxResults: 1000, ...(NextToken ? { NextToken } : {}) });
      urls.push(...(out.QueueUrls ?? []));
      NextToken = out.NextToken;
    } while (NextToken);
    return Promise.all(urls.map(queue));
  }

  const urlOf = async (name: string) => (await sqs<{ QueueUrl: string }>('GetQueueUrl', { QueueName: name })).QueueUrl;

  /** PurgeQueue or DeleteQueue, with the console's flash; true when it worked. */
  async function purgeOrDelete(kind: 'purge' | 'delete', q: { url: string; name: string }): Promise<boolean> {
    const del = kind === 'delete';
    const ok = await aws.attempt(
      `Could not ${kind} ${q.name}`,
      () => sqs(del ? 'DeleteQueue' : 'PurgeQueue', { QueueUrl: q.url }),
      () => `Queue ${q.name} ${del ? 'deleted' : 'purged'}.`,
    );
    return ok !== undefined;
  }

  return { ...aws, sqs, queue, listQueues, urlOf, purgeOrDelete };
}
