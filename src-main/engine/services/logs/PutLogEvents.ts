import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { groupNotFound, invalidParameter, streamNotFound } from './errors';
import { appendEvents, findGroup, findStream, sequenceToken } from './state/groups';

const DAY = 86_400_000;

/**
 * Events must be in timestamp order within 24 hours; events older than 14 days (or the group's
 * retention) or more than 2 hours ahead are rejected by index, not by error, as the API documents.
 * sequenceToken is accepted and ignored, as CloudWatch Logs does today.
 */
export const PutLogEvents = (ctx: Ctx, input: OperationInput<'logs', 'PutLogEvents'>) => {
  const g = findGroup(ctx, input.logGroupName);
  if (!g) throw groupNotFound();
  if (!findStream(ctx, g.name, input.logStreamName)) throw streamNotFound();
  const ev = input.logEvents;
  if (ev.length === 0 || ev.length > 10_000) throw invalidParameter('1 validation error detected: Value at \'logEvents\' failed to satisfy constraint: Member must have length between 1 and 10000');
  for (let i = 1; i < ev.length; i++) if (ev[i]!.timestamp < ev[i - 1]!.timestamp) throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
  if (ev[ev.length - 1]!.timestamp - ev[0]!.timestamp > DAY) throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  const size = ev.reduce((a, e) => a + Buffer.byteLength(e.message) + 26, 0);
  if (size > 1_048_576) throw invalidParameter('Upload too large: the batch exceeds 1,048,576 bytes.');
  const now = ctx.clock.now();
  const oldest = now - Math.min(14, g.retention_days ?? 14) * DAY;
  let tooOldEnd: number | undefined;
  let tooNewStart: number | undefined;
  const kept: { timestamp: number; message: string }[] = [];
  ev.forEach((e, i) => {
    if (e.timestamp < oldest) tooOldEnd = i + 1;
    else if (e.timestamp > now + 2 * 3_600_000) tooNewStart ??= i;
    else if (e.message.length > 0) kept.push(e);
  });
  const stream = appendEvents(ctx, g.name, input.logStreamName, kept)!;
  const rejected = tooOldEnd !== undefined || tooNewStart !== undefined ? { tooOldLogEventEndIndex: tooOldEnd, tooNewLogEventStartIndex: tooNewStart } : undefined;
  return { nextSequenceToken: sequenceToken(stream.seq), rejectedLogEventsInfo: rejected };
};
