/**
 * AWS::SQS::Queue and AWS::SQS::QueuePolicy. A queue's physical id is its URL (Ref), with GetAtt
 * Arn, QueueName and QueueUrl; RedrivePolicy and RedriveAllowPolicy may be JSON objects in the
 * template (AWS serializes them), FifoQueue and ContentBasedDeduplication booleans.
 */
import { allTags, generatedName, str, type Json, type JsonObject, type ResourceCtx, type ResourceProvider } from '../../core/resource-provider';
import { AwsError } from '../../protocol/errors';

const ATTRIBUTES = [
  'ContentBasedDeduplication',
  'DeduplicationScope',
  'DelaySeconds',
  'FifoQueue',
  'FifoThroughputLimit',
  'KmsDataKeyReusePeriodSeconds',
  'KmsMasterKeyId',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'ReceiveMessageWaitTimeSeconds',
  'RedriveAllowPolicy',
  'RedrivePolicy',
  'SqsManagedSseEnabled',
  'VisibilityTimeout',
];

function attributesOf(props: JsonObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ATTRIBUTES) {
    const v = props[k];
    if (v === undefined || v === null) continue;
    out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  if (out.FifoQueue === 'false') delete out.FifoQueue;
  return out;
}

const nameOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

function queueAttributes(rc: ResourceCtx, url: string): Record<string, Json> {
  const name = nameOf(url);
  return { Arn: `arn:${rc.partition}:sqs:${rc.region}:${rc.accountId}:${name}`, QueueName: name, QueueUrl: url };
}

const gone = (e: unknown) => e instanceof AwsError && e.code === 'QueueDoesNotExist';

const queue: ResourceProvider = {
  async create(rc, props) {
    const fifo = props.FifoQueue === true || props.FifoQueue === 'true';
    const name = str(props.QueueName) ?? `${generatedName(rc, fifo ? 75 : 80, { suffix: 12 })}${fifo ? '.fifo' : ''}`;
    const tags = Object.fromEntries(allTags(rc, props).map((t) => [t.Key, t.Value]));
    const out = await rc.call('sqs', 'CreateQueue', { QueueName: name, Attributes: attributesOf(props), ...(Object.keys(tags).length ? { tags } : {}) });
    const url = String(out.QueueUrl);
    return { physicalId: url, attributes: queueAttributes(rc, url) };
  },
  async update(rc, url, props, old) {
    const next = attributesOf(props);
    delete next.FifoQueue;
    // Attributes removed from the template go back to AWS's defaults.
    const defaults: Record<string, string> = { DelaySeconds: '0', MaximumMessageSize: '1048576', MessageRetentionPeriod: '345600', ReceiveMessageWaitTimeSeconds: '0', VisibilityTimeout: '30', RedrivePolicy: '', RedriveAllowPolicy: '' };
    for (const k of Object.keys(attributesOf(old))) if (!(k in next) && k in defaults) next[k] = defaults[k]!;
    if (Object.keys(next).length) await rc.call('sqs', 'SetQueueAttributes', { QueueUrl: url, Attributes: next });
    const tags = Object.fromEntries(allTags(rc, props).map((t) => [t.Key, t.Value]));
    const dropped = allTags(rc, old).map((t) => t.Key).filter((k) => !(k in tags));
    if (dropped.length) await rc.call('sqs', 'UntagQueue', { QueueUrl: url, TagKeys: dropped });
    if (Object.keys(tags).length) await rc.call('sqs', 'TagQueue', { QueueUrl: url, Tags: tags });
    return { attributes: queueAttributes(rc, url) };
  },
  async delete(rc, url) {
    try {
      await rc.call('sqs', 'DeleteQueue', { QueueUrl: url });
    } catch (e) {
      if (!gone(e)) throw e;
    }
  },
};

const policyText = (props: JsonObject) => JSON.stringify(props.PolicyDocument ?? {});
const queuesOf = (props: JsonObject): string[] => (Array.isArray(props.Queues) ? props.Queues.map((q) => String(q)) : []);

const queuePolicy: ResourceProvider = {
  async create(rc, props) {
    for (const url of queuesOf(props)) await rc.call('sqs', 'SetQueueAttributes', { QueueUrl: url, Attributes: { Policy: policyText(props) } });
    return { physicalId: generatedName(rc, 60) };
  },
  async update(rc, _id, props, old) {
    const now = queuesOf(props);
    for (const url of queuesOf(old)) if (!now.includes(url)) await clearPolicy(rc, url);
    for (const url of now) await rc.call('sqs', 'SetQueueAttributes', { QueueUrl: url, Attributes: { Policy: policyText(props) } });
  },
  async delete(rc, _id, props) {
    for (const url of queuesOf(props)) await clearPolicy(rc, url);
  },
};

async function clearPolicy(rc: ResourceCtx, url: string): Promise<void> {
  try {
    await rc.call('sqs', 'SetQueueAttributes', { QueueUrl: url, Attributes: { Policy: '' } });
  } catch (e) {
    if (!gone(e)) throw e;
  }
}

export const sqsCloudFormation: Record<string, ResourceProvider> = {
  'AWS::SQS::Queue': queue,
  'AWS::SQS::QueuePolicy': queuePolicy,
};
