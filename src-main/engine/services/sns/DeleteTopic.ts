import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { topicNotFound } from './errors';
import { findTopic } from './state/topics';

/** Deletes the topic and its subscriptions. A topic that does not exist answers NotFound. */
export const DeleteTopic = (ctx: Ctx, input: OperationInput<'sns', 'DeleteTopic'>) => {
  if (!findTopic(ctx.store, input.TopicArn)) throw topicNotFound();
  ctx.store.stmt('DELETE FROM sns_subscriptions WHERE topic_arn = ?').run(input.TopicArn);
  ctx.store.stmt('DELETE FROM sns_topics WHERE arn = ?').run(input.TopicArn);
  return {};
};
