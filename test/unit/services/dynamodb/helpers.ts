/** One in-memory engine with a manual clock, and a caller that returns the error instead of throwing. */
import { createEngine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';

export function ddbEngine() {
  const clock = createClock({ warp: 0, start: Date.UTC(2026, 0, 1) });
  const engine = createEngine({ clock });
  const call = (op: string, input: Record<string, unknown>) =>
    engine.call(engine.account.root, 'dynamodb', op, input) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const fail = async (op: string, input: Record<string, unknown>) => {
    try {
      await call(op, input);
    } catch (e) {
      return e as { code: string; message: string };
    }
    throw new Error(`${op} succeeded`);
  };
  const table = async (name: string, range?: { name: string; type: string }, extra: Record<string, unknown> = {}) => {
    await call('CreateTable', {
      TableName: name,
      AttributeDefinitions: [
        { AttributeName: 'uid', AttributeType: 'S' },
        ...(range ? [{ AttributeName: range.name, AttributeType: range.type }] : []),
        ...((extra.AttributeDefinitions as object[]) ?? []),
      ],
      KeySchema: [
        { AttributeName: 'uid', KeyType: 'HASH' },
        ...(range ? [{ AttributeName: range.name, KeyType: 'RANGE' }] : []),
      ],
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'AttributeDefinitions')),
    });
    clock.advance(10_000);
  };
  return { engine, clock, call, fail, table };
}
