/**
 * A real in-memory engine with a manual clock for the CloudFormation tests: calls as the lab's
 * root, `settle()` to let an operation run to its end on simulated time, and exact-error asserts.
 */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClock } from '../../../src-main/engine/clock/clock';
import { createEngine, type Engine } from '../../../src-main/engine/index';
import { AwsError } from '../../../src-main/engine/protocol/errors';
import { cloudformationIdle } from '../../../src-main/engine/services/cloudformation';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const START = Date.UTC(2026, 0, 10, 12, 0, 0);
export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'cloudformation');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

export interface CfnLab {
  engine: Engine;
  cfn(op: string, input?: Record<string, unknown>): Promise<any>;
  call(service: string, op: string, input?: Record<string, unknown>): Promise<any>;
  /** Steps simulated time until no stack is in progress (or `maxMs` passed). */
  settle(maxMs?: number, stepMs?: number): Promise<void>;
  /** Steps simulated time by `ms`, letting the runner work at each second. */
  run(ms: number, stepMs?: number): Promise<void>;
  status(stack: string): Promise<string>;
  events(stack: string): Promise<string[]>;
  rejects(op: string, input: Record<string, unknown>, code: string, message: string): Promise<void>;
}

export function cfnLab(): CfnLab {
  const clock = createClock({ warp: 0, start: START });
  const engine = createEngine({ clock });
  const call = (service: string, op: string, input: Record<string, unknown> = {}) =>
    engine.call(engine.account.root, service, op, input, { region: 'us-east-1', source: 'api' });
  const cfn = (op: string, input: Record<string, unknown> = {}) => call('cloudformation', op, input);
  const inProgress = async () => {
    const stacks = (await cfn('DescribeStacks')).Stacks as { StackStatus: string }[];
    return stacks.some((s) => s.StackStatus.endsWith('_IN_PROGRESS') && s.StackStatus !== 'REVIEW_IN_PROGRESS');
  };
  const lab: CfnLab = {
    engine,
    cfn,
    call,
    async run(ms, stepMs = 1000) {
      for (let t = 0; t < ms; t += stepMs) {
        await cloudformationIdle(engine.store);
        clock.advance(stepMs);
        await cloudformationIdle(engine.store);
      }
    },
    async settle(maxMs = 3_600_000, stepMs = 1000) {
      for (let t = 0; t < maxMs; t += stepMs) {
        await cloudformationIdle(engine.store);
        if (!(await inProgress())) return;
        clock.advance(stepMs);
      }
      await cloudformationIdle(engine.store);
    },
    async status(stack) {
      return ((await cfn('DescribeStacks', { StackName: stack })).Stacks as { StackStatus: string }[])[0]!.StackStatus;
    },
    async events(stack) {
      const out = (await cfn('DescribeStackEvents', { StackName: stack })).StackEvents as {
        LogicalResourceId: string;
        ResourceStatus: string;
        ResourceStatusReason?: string;
      }[];
      return out
        .slice()
        .reverse()
        .map((e) => `${e.LogicalResourceId} ${e.ResourceStatus}${e.ResourceStatusReason ? ` ${e.ResourceStatusReason}` : ''}`);
    },
    async rejects(op, input, code, message) {
      const err = await cfn(op, input).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AwsError);
      expect({ code: (err as AwsError).code, message: (err as AwsError).message }).toEqual({ code, message });
    },
  };
  return lab;
}
