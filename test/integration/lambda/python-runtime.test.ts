import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateFunctionCommand, InvokeCommand, AddPermissionCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { createClock } from '../../../src-main/engine/clock/clock';
import { startInProcessLab, type InProcessLab } from '../../helpers/inproc-lab';
import { CANARY_PY, asRoot, eventually, lambdaClient, lambdaRole, text, zip } from './fixtures';

let lab: InProcessLab;
let role: string;
// Simulated time stands still unless the test steps it.
const clock = createClock({ warp: 0, start: Date.UTC(2026, 11, 7, 10, 0, 0) });
beforeAll(async () => {
  lab = await startInProcessLab({ clock });
  role = await lambdaRole(lab, 'lambda_basic_execution', ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']);
});
afterAll(() => lab?.stop());

const create = (name: string, code: string, extra: Record<string, unknown> = {}) =>
  lambdaClient(lab).send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'python3.6', Role: role, Handler: 'lambda_function.lambda_handler', Code: { ZipFile: zip({ 'lambda_function.py': code }) }, Timeout: 10, ...extra }));

/** Matching events in the group (none while the group does not exist yet). */
const logCount = async (group: string, pattern: string) =>
  ((await asRoot(lab, 'logs', 'FilterLogEvents', { logGroupName: group, filterPattern: pattern }).catch(() => ({ events: [] }))).events as unknown[]).length;

describe('Python functions', () => {
  it('§7.2: the canary runs every 5 minutes from an EventBridge schedule, logs "Check passed!", and its Errors alarm fires when the page changes', async () => {
    const c = lambdaClient(lab);
    const fn = await create('website-health-check', CANARY_PY, { Environment: { Variables: { site: 'http://example.com/', expected: 'Example Domain' } } });
    const rule = await asRoot(lab, 'events', 'PutRule', { Name: 'website-health-check', ScheduleExpression: 'rate(5 minutes)' });
    await c.send(new AddPermissionCommand({ FunctionName: 'website-health-check', StatementId: 'events', Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', SourceArn: String(rule.RuleArn) }));
    await asRoot(lab, 'events', 'PutTargets', { Rule: 'website-health-check', Targets: [{ Id: '1', Arn: fn.FunctionArn }] });
    const group = '/aws/lambda/website-health-check';
    for (let i = 1; i <= 12; i++) {
      clock.advance(5 * 60_000);
      // The first run boots an interpreter (seconds on a busy machine); later ones find it warm.
      await eventually(async () => (await logCount(group, 'REPORT')) >= i, i === 1 ? 60_000 : 20_000);
    }
    expect(await logCount(group, '"Check passed!"')).toBe(12);
    expect(await logCount(group, 'START')).toBe(12);

    await asRoot(lab, 'monitoring', 'PutMetricAlarm', {
      AlarmName: 'website-health-check-error', Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: 'website-health-check' }],
      Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching',
    });
    await c.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'website-health-check', Environment: { Variables: { site: 'http://example.com/', expected: 'not on the page' } } }));
    clock.advance(5 * 60_000);
    await eventually(async () => (await logCount(group, '"Check failed!"')) >= 1);
    expect(await logCount(group, '"[ERROR] Exception: Validation failed"')).toBeGreaterThanOrEqual(1);
    clock.advance(6 * 60_000);
    const alarms = await asRoot(lab, 'monitoring', 'DescribeAlarms', { AlarmNames: ['website-health-check-error'] });
    expect((alarms.MetricAlarms as { StateValue: string }[])[0]?.StateValue).toBe('ALARM');
  }, 120_000);

  it('a `while True: pass` function is stopped at its timeout; host files, processes and sockets are out of reach', async () => {
    await create('spin-py', 'def lambda_handler(event, context):\n    while True:\n        pass\n', { Timeout: 2 });
    const t0 = Date.now();
    const out = await lambdaClient(lab).send(new InvokeCommand({ FunctionName: 'spin-py', LogType: 'Tail' }));
    expect(out.FunctionError).toBe('Unhandled');
    expect(JSON.parse(text(out.Payload)).errorMessage).toMatch(/Task timed out after 2\.00 seconds/);
    // The run itself is cut at 2 s; a cold interpreter boot on a busy machine comes before it.
    expect(Buffer.from(out.LogResult!, 'base64').toString()).toMatch(/Duration: 2000\.00 ms.*Status: timeout/);
    expect(Date.now() - t0).toBeLessThan(60_000);

    await create('escape-py', `import os, socket, subprocess
def attempt(f):
    try:
        r = f()
        return 'ESCAPED: %r' % (r,)
    except BaseException as e:
        return type(e).__name__
def talk(port):
    # A socket object is not a connection: only an answer from the host would be an escape.
    s = socket.create_connection(('127.0.0.1', port), timeout=2)
    s.sendall(b'GET /_lab/health HTTP/1.0\\r\\n\\r\\n')
    return s.recv(200)
def lambda_handler(event, context):
    return {
        'passwd': attempt(lambda: 'root:x:0:0' in open('/etc/passwd').read() or (_ for _ in ()).throw(FileNotFoundError())),
        'spawn': attempt(lambda: subprocess.run(['id'], capture_output=True)),
        'socket': attempt(lambda: talk(event['port']) or (_ for _ in ()).throw(ConnectionError())),
    }
`);
    const esc = await lambdaClient(lab).send(new InvokeCommand({ FunctionName: 'escape-py', Payload: Buffer.from(JSON.stringify({ port: lab.port })) }));
    expect(esc.FunctionError, text(esc.Payload)).toBeUndefined();
    const r = JSON.parse(text(esc.Payload));
    for (const v of Object.values(r)) expect(String(v)).not.toMatch(/ESCAPED/);
  }, 90_000);
});
