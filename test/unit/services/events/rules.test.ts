import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { parseSchedule, cronMatches } from '../../../../src-main/engine/services/events/schedule';
import { matches } from '../../../../src-main/engine/services/events';
import { targetInput } from '../../../../src-main/engine/services/events/input';

const START = Date.UTC(2026, 0, 5, 10, 0, 30);
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

async function setup() {
  const clock = createClock({ warp: 0, start: START });
  engine = createEngine({ clock });
  const e = engine;
  const aws = (svc: string, op: string, input: Record<string, unknown>) => e.call(e.account.root, svc, op, input);
  const { QueueUrl } = (await aws('sqs', 'CreateQueue', { QueueName: 'inbox' })) as { QueueUrl: string };
  const arn = `arn:aws:sqs:us-east-1:${e.account.accountId}:inbox`;
  const drain = async () => {
    const bodies: string[] = [];
    for (;;) {
      const got = (await aws('sqs', 'ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10 })) as { Messages?: { Body: string; ReceiptHandle: string }[] };
      if (!got.Messages?.length) return bodies;
      for (const m of got.Messages) {
        bodies.push(m.Body);
        await aws('sqs', 'DeleteMessage', { QueueUrl, ReceiptHandle: m.ReceiptHandle });
      }
    }
  };
  return { clock, aws, arn, drain, e };
}

describe('EventBridge rules on the simulated clock', () => {
  it('fires a rate(5 minutes) rule 12 times in one simulated hour', async () => {
    const { clock, aws, arn, drain } = await setup();
    await aws('events', 'PutRule', { Name: 'tick', ScheduleExpression: 'rate(5 minutes)' });
    await aws('events', 'PutTargets', { Rule: 'tick', Targets: [{ Id: 'q', Arn: arn }] });
    for (let m = 0; m < 60; m++) {
      clock.advance(60_000);
      await flush();
    }
    const bodies = await drain();
    expect(bodies).toHaveLength(12);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ source: 'aws.events', 'detail-type': 'Scheduled Event', resources: [expect.stringContaining(':rule/tick')] });
    await aws('events', 'DisableRule', { Name: 'tick' });
    clock.advance(30 * 60_000);
    await flush();
    expect(await drain()).toHaveLength(0);
  });

  it('sends CloudTrail API-call events to matching rules, and PutEvents to custom patterns', async () => {
    const { clock, aws, arn, drain, e } = await setup();
    await aws('events', 'PutRule', { Name: 'api', EventPattern: JSON.stringify({ source: ['aws.ec2'], 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['CreateVpc'] } }) });
    await aws('events', 'PutTargets', { Rule: 'api', Targets: [{ Id: 'q', Arn: arn, InputTransformer: { InputPathsMap: { who: '$.detail.userIdentity.type', what: '$.detail.eventName' }, InputTemplate: '{"who": "<who>", "what": "<what>"}' } }] });
    await aws('events', 'PutRule', { Name: 'custom', EventPattern: JSON.stringify({ source: ['my.app'], detail: { amount: [{ numeric: ['>', 100] }] } }) });
    await aws('events', 'PutTargets', { Rule: 'custom', Targets: [{ Id: 'q', Arn: arn, InputPath: '$.detail' }] });
    await e.call(e.account.root, 'ec2', 'CreateVpc', { CidrBlock: '10.9.0.0/16' }, { source: 'cli' });
    const put = (await aws('events', 'PutEvents', {
      Entries: [
        { Source: 'my.app', DetailType: 'order', Detail: JSON.stringify({ amount: 150 }) },
        { Source: 'my.app', DetailType: 'order', Detail: JSON.stringify({ amount: 50 }) },
        { Source: 'aws.ec2', DetailType: 'x', Detail: '{}' },
      ],
    })) as { FailedEntryCount: number; Entries: Record<string, string>[] };
    expect(put.FailedEntryCount).toBe(1);
    expect(put.Entries[2]).toMatchObject({ ErrorCode: 'NotAuthorizedForSourceException' });
    clock.advance(10_000);
    await flush();
    const bodies = (await drain()).map((b) => JSON.parse(b) as unknown);
    expect(bodies).toEqual(expect.arrayContaining([{ amount: 150 }, { who: 'Root', what: 'CreateVpc' }]));
    expect(bodies).toHaveLength(2);
    await expect(aws('events', 'DeleteRule', { Name: 'api' })).rejects.toMatchObject({ code: 'ValidationException' });
    await expect(aws('events', 'PutRule', { Name: 'bad', ScheduleExpression: 'rate(1 minutes)' })).rejects.toMatchObject({ code: 'ValidationException', message: 'Parameter ScheduleExpression is not valid.' });
  });
});

describe('patterns, schedules and input', () => {
  it('matches prefix, anything-but, exists and nested arrays', () => {
    const ev = { source: 'aws.ec2', detail: { state: 'running', tags: ['a', 'b'], n: 3 } };
    expect(matches({ detail: { state: [{ prefix: 'run' }] } }, ev)).toBe(true);
    expect(matches({ detail: { state: [{ 'anything-but': ['running'] }] } }, ev)).toBe(false);
    expect(matches({ detail: { missing: [{ exists: false }], tags: ['b'] } }, ev)).toBe(true);
    expect(matches({ detail: { n: [{ numeric: ['>=', 3, '<', 4] }] } }, ev)).toBe(true);
    expect(matches({ source: ['aws.s3'] }, ev)).toBe(false);
  });

  it('reads cron expressions in UTC', () => {
    const s = parseSchedule('cron(0/15 9-17 ? * MON-FRI *)');
    expect(s?.kind).toBe('cron');
    if (s?.kind !== 'cron') return;
    expect(cronMatches(s, Date.UTC(2026, 0, 5, 9, 45))).toBe(true); // a Monday
    expect(cronMatches(s, Date.UTC(2026, 0, 5, 9, 50))).toBe(false);
    expect(cronMatches(s, Date.UTC(2026, 0, 4, 9, 45))).toBe(false); // a Sunday
    expect(parseSchedule('cron(0 12 * * * *)')).toBeUndefined();
  });

  it('applies input transformers', () => {
    expect(targetInput({ Id: 'a', Arn: 'x', InputTransformer: { InputPathsMap: { i: '$.detail.id' }, InputTemplate: '"instance <i> changed"' } }, { detail: { id: 'i-1' } })).toBe('"instance i-1 changed"');
  });
});
