import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { compileFilter } from '../../../../src-main/engine/services/logs';

const START = Date.UTC(2026, 0, 5, 10, 0, 0);
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});

describe('filter patterns', () => {
  it('matches terms, phrases, exclusions and alternatives', () => {
    expect(compileFilter('ERROR')('an ERROR here')).toBe(true);
    expect(compileFilter('ERROR timeout')('ERROR disk full')).toBe(false);
    expect(compileFilter('"disk full"')('ERROR disk full')).toBe(true);
    expect(compileFilter('ERROR -disk')('ERROR disk full')).toBe(false);
    expect(compileFilter('?WARN ?ERROR')('WARN low memory')).toBe(true);
  });
  it('matches JSON and space-delimited patterns', () => {
    const json = compileFilter('{ $.level = "err*" && ($.latency > 100 || $.retry IS TRUE) }');
    expect(compileFilter('{ $.latency > 100 }')('{"latency": 150}')).toBe(true);
    expect(compileFilter('{ $.user.name = "ann" }')('{"user": {"name": "ann"}}')).toBe(true);
    expect(compileFilter('{ $.latency > 100 }')('not json')).toBe(false);
    expect(json('{"level": "error", "latency": 5, "retry": true}')).toBe(true);
    expect(json('{"level": "error", "latency": 5, "retry": false}')).toBe(false);
    const apache = compileFilter('[ip, id, user, timestamp, request, status_code = 4*, size > 100]');
    expect(apache('127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /a.gif HTTP/1.0" 404 2326')).toBe(true);
    expect(apache('127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /a.gif HTTP/1.0" 200 2326')).toBe(false);
    expect(compileFilter('[..., status = 500]')('a b c 500')).toBe(true);
  });
});

describe('CloudWatch Logs in the engine', () => {
  it('stores, pages, filters, turns matches into metrics and applies retention', async () => {
    const clock = createClock({ warp: 0, start: START });
    engine = createEngine({ clock });
    const e = engine;
    const logs = (op: string, input: Record<string, unknown>) => e.call(e.account.root, 'logs', op, input);
    await logs('CreateLogGroup', { logGroupName: '/app/web' });
    await expect(logs('CreateLogGroup', { logGroupName: '/app/web' })).rejects.toMatchObject({ code: 'ResourceAlreadyExistsException' });
    await logs('CreateLogStream', { logGroupName: '/app/web', logStreamName: 'i-1' });
    await logs('PutMetricFilter', {
      logGroupName: '/app/web',
      filterName: 'errors',
      filterPattern: '{ $.level = "error" }',
      metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '1', defaultValue: 0 }],
    });
    const events = [
      { timestamp: START - 3000, message: '{"level":"info","msg":"up"}' },
      { timestamp: START - 2000, message: '{"level":"error","msg":"boom"}' },
      { timestamp: START - 1000, message: '{"level":"error","msg":"again"}' },
    ];
    const old = (await logs('PutLogEvents', { logGroupName: '/app/web', logStreamName: 'i-1', logEvents: [{ timestamp: START - 15 * 86_400_000, message: 'ancient' }] })) as Record<string, unknown>;
    expect(old.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 1 });
    await logs('PutLogEvents', { logGroupName: '/app/web', logStreamName: 'i-1', logEvents: events });
    await expect(logs('PutLogEvents', { logGroupName: '/app/web', logStreamName: 'i-1', logEvents: [{ timestamp: 2, message: 'a' }, { timestamp: 1, message: 'b' }] })).rejects.toMatchObject({ code: 'InvalidParameterException' });

    const head = (await logs('GetLogEvents', { logGroupName: '/app/web', logStreamName: 'i-1', startFromHead: true, limit: 2 })) as { events: { message: string }[]; nextForwardToken: string };
    expect(head.events.map((x) => JSON.parse(x.message).msg)).toEqual(['up', 'boom']);
    const next = (await logs('GetLogEvents', { logGroupName: '/app/web', logStreamName: 'i-1', nextToken: head.nextForwardToken })) as { events: { message: string }[] };
    expect(next.events.map((x) => JSON.parse(x.message).msg)).toEqual(['again']);
    const filtered = (await logs('FilterLogEvents', { logGroupName: '/app/web', filterPattern: 'boom' })) as { events: { logStreamName: string; message: string }[] };
    expect(filtered.events).toEqual([expect.objectContaining({ logStreamName: 'i-1', message: '{"level":"error","msg":"boom"}' })]);

    const stats = (await e.call(e.account.root, 'monitoring', 'GetMetricStatistics', {
      Namespace: 'App',
      MetricName: 'Errors',
      StartTime: new Date(START - 60_000),
      EndTime: new Date(START),
      Period: 60,
      Statistics: ['Sum', 'SampleCount'],
    })) as { Datapoints: { Sum: number; SampleCount: number }[] };
    expect(stats.Datapoints).toEqual([expect.objectContaining({ Sum: 2, SampleCount: 3 })]);

    await logs('PutRetentionPolicy', { logGroupName: '/app/web', retentionInDays: 1 });
    await expect(logs('PutRetentionPolicy', { logGroupName: '/app/web', retentionInDays: 2 })).rejects.toMatchObject({ code: 'InvalidParameterException' });
    clock.advance(2 * 86_400_000);
    const after = (await logs('GetLogEvents', { logGroupName: '/app/web', logStreamName: 'i-1' })) as { events: unknown[] };
    expect(after.events).toEqual([]);
    await logs('DeleteLogGroup', { logGroupName: '/app/web' });
    expect(((await logs('DescribeLogGroups', {})) as { logGroups: unknown[] }).logGroups).toEqual([]);
  });
});
