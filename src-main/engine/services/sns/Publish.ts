import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { requireTopic, topicAttributes } from './state/topics';
import { deliver, newMessageId } from './deliver';

const MAX_BYTES = 256 * 1024;

export const Publish = (ctx: Ctx, input: OperationInput<'sns', 'Publish'>) => {
  if (input.PhoneNumber !== undefined) throw invalidParameter('Invalid parameter: PhoneNumber Reason: the lab does not send SMS');
  if (input.TopicArn && input.TargetArn) throw invalidParameter('Invalid parameter: TopicArn Reason: Only one of TopicArn, TargetArn or PhoneNumber may be given');
  if (!input.TopicArn && !input.TargetArn) throw invalidParameter('Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter');
  const topic = requireTopic(ctx.store, input.TopicArn ?? input.TargetArn);
  if (input.Message === '') throw invalidParameter('Invalid parameter: Empty message');
  if (Buffer.byteLength(input.Message) > MAX_BYTES) throw invalidParameter('Invalid parameter: Message too long');
  if (input.Subject !== undefined && (input.Subject.length === 0 || input.Subject.length > 100 || /[\r\n]/.test(input.Subject)))
    throw invalidParameter('Invalid parameter: Subject');
  let perProtocol: Record<string, string> | undefined;
  if (input.MessageStructure !== undefined) {
    if (input.MessageStructure !== 'json') throw invalidParameter('Invalid parameter: MessageStructure');
    try {
      perProtocol = JSON.parse(input.Message) as Record<string, string>;
    } catch {
      throw invalidParameter('Invalid parameter: Message Structure - JSON message body failed to parse');
    }
    if (typeof perProtocol?.default !== 'string') throw invalidParameter('Invalid parameter: Message Structure - No default entry in JSON message body');
  }
  const fifo = topicAttributes(topic).FifoTopic === 'true';
  if (fifo && !input.MessageGroupId) throw invalidParameter('Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
  if (!fifo && input.MessageDeduplicationId) throw invalidParameter('Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type');
  for (const [k, v] of Object.entries(input.MessageAttributes ?? {})) {
    if (!/^(String|Number|Binary)(\..+)?$/.test(v.DataType)) throw invalidParameter(`Invalid parameter: MessageAttributes Reason: The message attribute '${k}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
    if (v.DataType.startsWith('Number') && (v.StringValue === undefined || Number.isNaN(Number(v.StringValue))))
      throw invalidParameter(`Invalid parameter: MessageAttributes Reason: Could not cast message attribute '${k}' value to number.`);
  }
  const messageId = newMessageId();
  deliver(ctx, { messageId, topic, message: perProtocol?.default ?? input.Message, perProtocol, subject: input.Subject, attributes: input.MessageAttributes, at: ctx.clock.now() });
  return { MessageId: messageId, ...(fifo ? { SequenceNumber: String(ctx.clock.now()).padStart(20, '0') } : {}) };
};
