/** A real in-memory engine with a manual clock for the EC2 compute tests, plus exact-error helpers. */
import { expect } from 'vitest';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { AwsError } from '../../../../src-main/engine/protocol/errors';

export interface Ec2Lab {
  engine: Engine;
  ec2(op: string, input?: Record<string, unknown>, region?: string): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  advance(ms: number): void;
  count(table: string, where?: string): number;
}

export const START = Date.UTC(2026, 0, 10, 12, 0, 0);

export function ec2Lab(engine: Engine = createEngine({ clock: createClock({ warp: 0, start: START }) })): Ec2Lab {
  return {
    engine,
    ec2: (op, input = {}, region = 'us-east-1') => engine.call(engine.account.root, 'ec2', op, input, { region }),
    advance: (ms) => engine.clock.advance(ms),
    count: (table, where = '1') => (engine.store.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n,
  };
}

export async function expectAwsError(p: Promise<unknown>, code: string, message: string, status = 400): Promise<AwsError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(AwsError);
  const err = e as AwsError;
  expect({ code: err.code, message: err.message, status: err.status }).toEqual({ code, message, status });
  return err;
}

export const BOOK_AMI = 'ami-6057e21a';
