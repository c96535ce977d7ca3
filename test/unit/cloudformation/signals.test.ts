import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/index';
import { createClock } from '../../../src-main/engine/clock/clock';
import { signalWaitConditionHandle } from '../../../src-main/engine/services/cloudformation';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cfnLab, fixture, START } from './lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const SIM = 'Simulated without behaviour: Nimbus Lab records this resource with plausible attributes, but its service is not simulated yet.';

describe('CreationPolicy signals and wait conditions', () => {
  it('a resource with a CreationPolicy stays in progress until it has its signals (a simulated one does not wait)', async () => {
    const lab = cfnLab();
    await lab.cfn('CreateStack', { StackName: 'fleet', TemplateBody: fixture('signal-policy.yaml') });
    await lab.run(120_000);
    expect(await lab.status('fleet')).toBe('CREATE_IN_PROGRESS');
    expect((await lab.cfn('DescribeStackResource', { StackName: 'fleet', LogicalResourceId: 'Server' })).StackResourceDetail.ResourceStatus).toBe('CREATE_IN_PROGRESS');
    expect((await lab.cfn('DescribeStackResource', { StackName: 'fleet', LogicalResourceId: 'Fleet' })).StackResourceDetail.ResourceStatus).toBe('CREATE_COMPLETE');
    await lab.rejects('SignalResource', { StackName: 'fleet', LogicalResourceId: 'Nope', UniqueId: 'i-1', Status: 'SUCCESS' }, 'ValidationError', 'Resource Nope does not exist for stack fleet');
    await lab.cfn('SignalResource', { StackName: 'fleet', LogicalResourceId: 'Server', UniqueId: 'i-1', Status: 'SUCCESS' });
    await lab.run(5_000);
    // The same instance twice still counts once.
    await lab.cfn('SignalResource', { StackName: 'fleet', LogicalResourceId: 'Server', UniqueId: 'i-1', Status: 'SUCCESS' });
    await lab.run(5_000);
    expect(await lab.status('fleet')).toBe('CREATE_IN_PROGRESS');
    await lab.cfn('SignalResource', { StackName: 'fleet', LogicalResourceId: 'Server', UniqueId: 'i-2', Status: 'SUCCESS' });
    await lab.settle();
    expect(await lab.events('fleet')).toEqual([
      'fleet CREATE_IN_PROGRESS User Initiated',
      'Server CREATE_IN_PROGRESS',
      'Fleet CREATE_IN_PROGRESS',
      'Fleet CREATE_IN_PROGRESS Resource creation Initiated',
      'Server CREATE_IN_PROGRESS Resource creation Initiated',
      `Fleet CREATE_COMPLETE ${SIM} Its CreationPolicy signals are not awaited: no instances are launched for it.`,
      'Server CREATE_COMPLETE',
      'Alarm CREATE_IN_PROGRESS',
      'Alarm CREATE_IN_PROGRESS Resource creation Initiated',
      'Alarm CREATE_COMPLETE',
      'fleet CREATE_COMPLETE',
    ]);
    // The alarm is a real CloudWatch alarm on the instance that had to signal first.
    const server = (await lab.cfn('DescribeStackResource', { StackName: 'fleet', LogicalResourceId: 'Server' })).StackResourceDetail.PhysicalResourceId;
    const alarm = (await lab.cfn('DescribeStackResource', { StackName: 'fleet', LogicalResourceId: 'Alarm' })).StackResourceDetail.PhysicalResourceId;
    const alarms = (await lab.call('monitoring', 'DescribeAlarms', { AlarmNames: [alarm] })).MetricAlarms as any[];
    expect(alarms.map((a) => [a.MetricName, a.Dimensions])).toEqual([['CPUUtilization', [{ Name: 'InstanceId', Value: server }]]]);
    await lab.rejects(
      'SignalResource',
      { StackName: 'fleet', LogicalResourceId: 'Server', UniqueId: 'i-3', Status: 'SUCCESS' },
      'ValidationError',
      'Resource Server is in CREATE_COMPLETE state and can not be signaled. Signals can only be sent to resources that are in progress.',
    );
  });

  it('no signal within the timeout fails the resource and rolls back; a FAILURE signal fails it at once', async () => {
    const lab = cfnLab();
    await lab.cfn('CreateStack', { StackName: 'late', TemplateBody: fixture('signal-policy.yaml'), Parameters: [{ ParameterKey: 'Timeout', ParameterValue: 'PT2M' }] });
    await lab.settle();
    const late = await lab.events('late');
    expect(late.slice(late.indexOf('Server CREATE_FAILED Failed to receive 2 resource signal(s) within the specified duration'))).toEqual([
      'Server CREATE_FAILED Failed to receive 2 resource signal(s) within the specified duration',
      'late ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Server]. Rollback requested by user.',
      'Server DELETE_IN_PROGRESS',
      'Fleet DELETE_IN_PROGRESS',
      'Fleet DELETE_COMPLETE',
      'Server DELETE_COMPLETE',
      'late ROLLBACK_COMPLETE',
    ]);
    const events = (await lab.cfn('DescribeStackEvents', { StackName: 'late' })).StackEvents as any[];
    const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED');
    expect(new Date(failed.Timestamp).getTime()).toBe(START + 120_000);

    await lab.cfn('CreateStack', { StackName: 'bad', TemplateBody: fixture('signal-policy.yaml') });
    await lab.run(70_000);
    await lab.cfn('SignalResource', { StackName: 'bad', LogicalResourceId: 'Server', UniqueId: 'i-9', Status: 'FAILURE' });
    await lab.settle();
    const bad = await lab.events('bad');
    expect(bad.slice(bad.indexOf('Server CREATE_FAILED Received FAILURE signal with UniqueId i-9'), bad.indexOf('Server CREATE_FAILED Received FAILURE signal with UniqueId i-9') + 2)).toEqual([
      'Server CREATE_FAILED Received FAILURE signal with UniqueId i-9',
      'bad ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Server]. Rollback requested by user.',
    ]);
  });

  it('a wait condition completes with its count of signals PUT to the handle URL, and exposes their data', async () => {
    const lab = cfnLab();
    const { StackId } = await lab.cfn('CreateStack', { StackName: 'wc', TemplateBody: fixture('wait-condition.yaml') });
    await lab.run(10_000);
    const url = (await lab.cfn('DescribeStackResource', { StackName: 'wc', LogicalResourceId: 'Handle' })).StackResourceDetail.PhysicalResourceId as string;
    expect(url.startsWith(`https://cloudformation-waitcondition-us-east-1.s3.amazonaws.com/${encodeURIComponent(StackId)}/Handle?X-Amz-Algorithm=AWS4-HMAC-SHA256&`)).toBe(true);
    expect(signalWaitConditionHandle(lab.engine.store, url, '{"Status":"SUCCESS","UniqueId":"a","Data":"first"}')).toEqual({ status: 200, body: '' });
    await lab.run(5_000);
    expect(await lab.status('wc')).toBe('CREATE_IN_PROGRESS');
    expect(signalWaitConditionHandle(lab.engine.store, url, 'not json')).toEqual({ status: 400, body: 'The signal is not a JSON document' });
    expect(signalWaitConditionHandle(lab.engine.store, url.replace('/Handle?', '/Other?'), '{}').status).toBe(403);
    signalWaitConditionHandle(lab.engine.store, url, '{"Status":"SUCCESS","UniqueId":"b","Data":"second"}');
    await lab.settle();
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'wc' })).Stacks[0];
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack.Outputs).toEqual([
      { OutputKey: 'HandleUrl', OutputValue: url },
      { OutputKey: 'Data', OutputValue: '{"a":"first","b":"second"}' },
    ]);
  });

  it('an operation in flight carries on after the lab restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nimbus-cfn-'));
    try {
      const clock = createClock({ warp: 0, start: START });
      let engine = createEngine({ dataDir: dir, clock });
      const root = engine.account.root;
      await engine.call(root, 'cloudformation', 'CreateStack', { StackName: 'q', TemplateBody: fixture('queues.yaml') });
      clock.advance(4_000);
      await new Promise((r) => setTimeout(r, 50));
      engine.close();
      const clock2 = createClock({ warp: 0, start: START + 4_000 });
      engine = createEngine({ dataDir: dir, clock: clock2 });
      for (let i = 0; i < 20; i++) {
        clock2.advance(1_000);
        await new Promise((r) => setTimeout(r, 10));
      }
      const stack = (await engine.call(root, 'cloudformation', 'DescribeStacks', { StackName: 'q' })).Stacks as any[];
      expect(stack[0].StackStatus).toBe('CREATE_COMPLETE');
      engine.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
