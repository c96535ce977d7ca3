/** A group's CreationPolicy: the stack waits until its instances have run cfn-signal. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { elbLab, type ElbLab } from '../elb/lab';

const template = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'autoscaling', 'signals.yaml'), 'utf8');
const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));

describe('CreationPolicy on an Auto Scaling group', () => {
  it('completes once both instances have signalled', async () => {
    const lab = elbLab();
    labs.push(lab);
    await lab.call('cloudformation', 'CreateStack', { StackName: 'signals', TemplateBody: template });
    let status = '';
    const started = lab.engine.clock.now();
    for (let i = 0; i < 40 && status !== 'CREATE_COMPLETE' && !status.includes('FAIL') && !status.includes('ROLLBACK'); i++) {
      await lab.run(10_000, 5_000);
      await new Promise((r) => setTimeout(r, 50));
      status = (await lab.call('cloudformation', 'DescribeStacks', { StackName: 'signals' })).Stacks[0].StackStatus;
    }
    const events = (await lab.call('cloudformation', 'DescribeStackEvents', { StackName: 'signals' })).StackEvents.map((e: any) => `${e.LogicalResourceId} ${e.ResourceStatus} ${e.ResourceStatusReason ?? ''}`.trim()).reverse();
    expect(status, events.join('\n')).toBe('CREATE_COMPLETE');
    expect(lab.engine.clock.now() - started).toBeLessThan(10 * 60_000);
    // Without the signals the group would stay CREATE_IN_PROGRESS until the timeout (10 minutes).
    expect(events.filter((e: string) => e.startsWith('Group '))).toEqual(['Group CREATE_IN_PROGRESS', 'Group CREATE_IN_PROGRESS Resource creation Initiated', 'Group CREATE_COMPLETE']);
  });
});
