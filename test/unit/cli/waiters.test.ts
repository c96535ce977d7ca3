/**
 * Waiter endings the oracle cannot reach in reasonable time (the real CLI sleeps 15 s between polls,
 * 40 times): botocore's "Max attempts exceeded" texts, including the "previously accepted" state.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/index';
import { createClock } from '../../../src-main/engine/clock/clock';
import { runAwsCli } from '../../../src-main/engine/cli';
import { memoryHost } from './memory-host';

const clock = createClock({ warp: 0 });
const engine = createEngine({ clock });
afterAll(() => {
  engine.close();
  clock.dispose();
});

async function aws(args: string[]) {
  const host = memoryHost({
    call: engine.call,
    lookup: (id) => engine.lookupAccessKey(id),
    env: { AWS_ACCESS_KEY_ID: engine.account.rootAccessKeyId, AWS_SECRET_ACCESS_KEY: engine.account.rootSecretAccessKey, AWS_DEFAULT_REGION: 'us-east-1' },
    now: () => clock.now(),
  });
  const slept: number[] = [];
  host.sleep = async (ms) => void slept.push(ms);
  const status = await runAwsCli(args, host);
  return { status, stdout: host.out, stderr: host.err, slept };
}

describe('waiters that run out of attempts', () => {
  it('an instance that never leaves pending: 40 polls 15 s apart, then "Max attempts exceeded"', async () => {
    const ami = (await aws(['ec2', 'describe-images', '--query', 'Images[0].ImageId', '--output', 'text'])).stdout.trim();
    const id = (await aws(['ec2', 'run-instances', '--image-id', ami, '--instance-type', 't2.micro', '--query', 'Instances[0].InstanceId', '--output', 'text'])).stdout.trim();
    const r = await aws(['ec2', 'wait', 'instance-running', '--instance-ids', id]);
    expect(r).toEqual({ status: 255, stdout: '', stderr: '\nWaiter InstanceRunning failed: Max attempts exceeded\n', slept: new Array(39).fill(15_000) });
  });
  it('an instance id that never appears: the retry acceptor is named as the state previously accepted', async () => {
    const r = await aws(['ec2', 'wait', 'instance-running', '--instance-ids', 'i-0123456789abcdef0']);
    expect(r.status).toBe(255);
    expect(r.stderr).toBe('\nWaiter InstanceRunning failed: Max attempts exceeded. Previously accepted state: Matched expected service error code: InvalidInstanceID.NotFound\n');
  });
  it('a terminal state on the first poll fails at once with the acceptor\'s explanation', async () => {
    const r = await aws(['cloudformation', 'wait', 'stack-create-complete', '--stack-name', 'nothing-here']);
    expect(r).toEqual({ status: 255, stdout: '', stderr: '\nWaiter StackCreateComplete failed: Waiter encountered a terminal failure state: Matched expected service error code: ValidationError\n', slept: [] });
  });
});
