/** AWS::SNS::Topic, AWS::SNS::Subscription and AWS::SNS::TopicPolicy, through SNS's own operations. */
import { clean, generatedName, ignoreNotFound, objList, str, type ResourceProvider, type JsonObject } from '../../core/resource-provider';

const topic: ResourceProvider = {
  async create(rc, props) {
    const fifo = props.FifoTopic === true || props.FifoTopic === 'true';
    const name = str(props.TopicName) ?? generatedName(rc, fifo ? 251 : 256) + (fifo ? '.fifo' : '');
    const attributes = clean({
      DisplayName: str(props.DisplayName),
      KmsMasterKeyId: str(props.KmsMasterKeyId),
      FifoTopic: fifo ? 'true' : undefined,
      ContentBasedDeduplication: props.ContentBasedDeduplication === undefined ? undefined : String(props.ContentBasedDeduplication),
    });
    const out = await rc.call('sns', 'CreateTopic', { Name: name, Attributes: attributes, Tags: rc.tags });
    const arn = String(out.TopicArn);
    for (const s of objList(props.Subscription)) await rc.call('sns', 'Subscribe', { TopicArn: arn, Protocol: str(s.Protocol), Endpoint: str(s.Endpoint) });
    return { physicalId: arn, attributes: { TopicArn: arn, TopicName: name } };
  },
  async update(rc, arn, props, old) {
    if (str(props.DisplayName) !== str(old.DisplayName)) await rc.call('sns', 'SetTopicAttributes', { TopicArn: arn, AttributeName: 'DisplayName', AttributeValue: str(props.DisplayName) ?? '' });
  },
  async delete(rc, arn) {
    await ignoreNotFound(rc.call('sns', 'DeleteTopic', { TopicArn: arn }));
  },
};

const subscription: ResourceProvider = {
  async create(rc, props) {
    const attributes: Record<string, string> = {};
    if (props.RawMessageDelivery !== undefined) attributes.RawMessageDelivery = String(props.RawMessageDelivery);
    if (props.FilterPolicy !== undefined) attributes.FilterPolicy = typeof props.FilterPolicy === 'string' ? props.FilterPolicy : JSON.stringify(props.FilterPolicy);
    if (props.FilterPolicyScope !== undefined) attributes.FilterPolicyScope = String(props.FilterPolicyScope);
    const out = await rc.call('sns', 'Subscribe', { TopicArn: str(props.TopicArn), Protocol: str(props.Protocol), Endpoint: str(props.Endpoint), Attributes: attributes, ReturnSubscriptionArn: true });
    return { physicalId: String(out.SubscriptionArn), attributes: { Arn: String(out.SubscriptionArn) } };
  },
  async delete(rc, arn) {
    await ignoreNotFound(rc.call('sns', 'Unsubscribe', { SubscriptionArn: arn }));
  },
};

const topicPolicy: ResourceProvider = {
  async create(rc, props) {
    const doc = JSON.stringify(props.PolicyDocument as JsonObject);
    for (const arn of (props.Topics as string[] | undefined) ?? []) await rc.call('sns', 'SetTopicAttributes', { TopicArn: arn, AttributeName: 'Policy', AttributeValue: doc });
    return { physicalId: generatedName(rc, 60) };
  },
  async update(rc, id, props) {
    await topicPolicy.create(rc, props);
    void id;
  },
  async delete(rc, _id, props) {
    for (const arn of (props.Topics as string[] | undefined) ?? []) await ignoreNotFound(rc.call('sns', 'SetTopicAttributes', { TopicArn: arn, AttributeName: 'Policy', AttributeValue: '' }));
  },
};

export const snsResourceProviders: Record<string, ResourceProvider> = {
  'AWS::SNS::Topic': topic,
  'AWS::SNS::Subscription': subscription,
  'AWS::SNS::TopicPolicy': topicPolicy,
};
