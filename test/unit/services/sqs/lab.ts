/** A real in-memory engine on a manual clock for SQS handler tests. */
import { expect } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock, type Clock } from '../../../../src-main/engine/clock/clock';
import { AwsError } from '../../../../src-main/engine/protocol/errors';

export type Out = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SqsLab {
  engine: Engine;
  clock: Clock;
  sqs(op: string, input: Record<string, unknown>): Promise<Out>;
  /** Creates a queue and answers its URL. */
  queue(name: string, attributes?: Record<string, string>): Promise<string>;
  /** Moves simulated time forward by seconds. */
  tick(seconds: number): void;
}

export function sqsLab(): SqsLab {
  const clock = createClock({ warp: 0, start: Date.UTC(2026, 0, 5, 9, 0, 0) });
  const engine = createEngine({ clock });
  const sqs = (op: string, input: Record<string, unknown>) => engine.call(engine.account.root, 'sqs', op, input, { region: 'us-east-1' }) as Promise<Out>;
  return {
    engine,
    clock,
    sqs,
    queue: async (name, attributes) => String((await sqs('CreateQueue', { QueueName: name, ...(attributes ? { Attributes: attributes } : {}) })).QueueUrl),
    tick: (seconds) => clock.advance(seconds * 1000),
  };
}

export async function expectSqsError(p: Promise<unknown>, code: string, message?: string | RegExp, queryCode?: string): Promise<AwsError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(AwsError);
  const err = e as AwsError;
  expect(err.code).toBe(code);
  if (typeof message === 'string') expect(err.message).toBe(message);
  else if (message) expect(err.message).toMatch(message);
  if (queryCode) expect(err.headers['x-amzn-query-error']).toBe(`${queryCode};Sender`);
  return err;
}

export async function counts(lab: SqsLab, url: string): Promise<[number, number, number]> {
  const a = (await lab.sqs('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes as Record<string, string>;
  return [Number(a.ApproximateNumberOfMessages), Number(a.ApproximateNumberOfMessagesNotVisible), Number(a.ApproximateNumberOfMessagesDelayed)];
}
