import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateFunctionCommand, InvokeCommand, ListFunctionsCommand, GetFunctionCommand, CreateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { startInProcessLab, type InProcessLab } from '../../helpers/inproc-lab';
import { asRoot, eventually, lambdaClient, lambdaRole, text, zip } from './fixtures';

let lab: InProcessLab;
let role: string;
beforeAll(async () => {
  lab = await startInProcessLab();
  role = await lambdaRole(lab, 'node-fn-role');
});
afterAll(() => lab?.stop());

const create = (name: string, code: string, extra: Record<string, unknown> = {}) =>
  lambdaClient(lab).send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Role: role, Handler: 'index.handler', Code: { ZipFile: zip({ 'index.js': code }) }, ...extra }));

describe('Node.js functions through the SDK v3 Lambda client', () => {
  it('invokes with a payload, context and environment, warm the second time, and tails the log', async () => {
    const c = lambdaClient(lab);
    const made = await create('echo', `exports.handler = async (event, context) => { console.log('got', event.n); return { twice: event.n * 2, name: context.functionName, mem: context.memoryLimitInMB, color: process.env.COLOR, left: context.getRemainingTimeInMillis() > 0 }; };`, {
      Environment: { Variables: { COLOR: 'blue' } },
    });
    expect(made).toMatchObject({ FunctionName: 'echo', Runtime: 'nodejs20.x', State: 'Active', Timeout: 3, MemorySize: 128 });
    const out = await c.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{"n":21}'), LogType: 'Tail' }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(JSON.parse(text(out.Payload))).toEqual({ twice: 42, name: 'echo', mem: '128', color: 'blue', left: true });
    const log = Buffer.from(out.LogResult!, 'base64').toString();
    expect(log).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST\n/);
    expect(log).toMatch(/\tINFO\tgot 21\n/);
    expect(log).toMatch(/REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms/);
    const warm = await c.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{"n":2}'), LogType: 'Tail' }));
    expect(JSON.parse(text(warm.Payload)).twice).toBe(4);
    expect(Buffer.from(warm.LogResult!, 'base64').toString()).not.toMatch(/Init Duration/);
    expect((await c.send(new ListFunctionsCommand({}))).Functions?.map((f) => f.FunctionName)).toContain('echo');
    expect((await c.send(new GetFunctionCommand({ FunctionName: 'echo' }))).Configuration?.Environment?.Variables).toEqual({ COLOR: 'blue' });
  });

  it('answers an error with X-Amz-Function-Error and the error document', async () => {
    await create('fails', `exports.handler = async () => { throw new TypeError('bad input'); };`);
    const out = await lambdaClient(lab).send(new InvokeCommand({ FunctionName: 'fails', Payload: Buffer.from('{}') }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    const err = JSON.parse(text(out.Payload));
    expect(err).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input' });
    expect(err.trace[0]).toBe('TypeError: bad input');
  });

  it('calls AWS from inside the function as its execution role, without a socket', async () => {
    await create('whoami', `const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');
      exports.handler = async () => (await new STSClient({}).send(new GetCallerIdentityCommand({}))).Arn;`, { Timeout: 20 });
    const out = await lambdaClient(lab).send(new InvokeCommand({ FunctionName: 'whoami' }));
    expect(out.FunctionError, text(out.Payload)).toBeUndefined();
    expect(JSON.parse(text(out.Payload))).toBe(`arn:aws:sts::${lab.engine.account.accountId}:assumed-role/node-fn-role/whoami`);
  });

  it('keeps the code away from the host: files, processes, sockets and signals all fail', async () => {
    await create('escape', `const fs = require('fs'); const net = require('net'); const cp = require('child_process');
      const attempt = async (f) => { try { await f(); return 'ESCAPED'; } catch (e) { return e.code || e.name; } };
      exports.handler = async (event) => ({
        passwd: await attempt(() => fs.readFileSync('/etc/passwd', 'utf8')),
        write: await attempt(() => fs.writeFileSync('/tmp/nimbus-lambda-escape', 'x')),
        spawn: await attempt(() => cp.execSync('id')),
        socket: await attempt(() => new Promise((ok, ko) => { const s = net.connect(event.port, '127.0.0.1', ok); s.on('error', ko); })),
        fetch: await attempt(() => fetch('http://127.0.0.1:' + event.port + '/_lab/health')),
        kill: await attempt(() => process.kill(process.ppid, 'SIGTERM')),
        ownTmp: await attempt(() => { fs.writeFileSync(require('os').tmpdir() + '/ok', 'x'); throw Object.assign(new Error(), { code: 'TMP_OK' }); }),
      });`);
    const out = await lambdaClient(lab).send(new InvokeCommand({ FunctionName: 'escape', Payload: Buffer.from(JSON.stringify({ port: lab.port })) }));
    expect(out.FunctionError, text(out.Payload)).toBeUndefined();
    expect(JSON.parse(text(out.Payload))).toEqual({ passwd: 'ERR_ACCESS_DENIED', write: 'ERR_ACCESS_DENIED', spawn: 'ERR_ACCESS_DENIED', socket: 'EACCES', fetch: 'TypeError', kill: 'EPERM', ownTmp: 'TMP_OK' });
  });

  it('kills a function stuck in a loop at its timeout while the lab keeps answering', async () => {
    await create('spin', `exports.handler = async () => { for (;;) {} };`, { Timeout: 1 });
    const c = lambdaClient(lab);
    const started = Date.now();
    const running = c.send(new InvokeCommand({ FunctionName: 'spin' }));
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    await c.send(new GetFunctionCommand({ FunctionName: 'spin' }));
    expect(performance.now() - t0).toBeLessThan(500);
    const out = await running;
    expect(out.FunctionError).toBe('Unhandled');
    expect(JSON.parse(text(out.Payload))).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: expect.stringMatching(/Task timed out after 1\.00 seconds$/) });
    expect(Date.now() - started).toBeLessThan(15_000);
    const logs = await asRoot(lab, 'logs', 'FilterLogEvents', { logGroupName: '/aws/lambda/spin', filterPattern: '"Task timed out"' });
    expect((logs.events as unknown[]).length).toBe(1);
  });

  it('an SQS event source mapping hands queued messages to the function and deletes them after success', async () => {
    const fn = await create('consumer', `exports.handler = async (event) => { for (const r of event.Records) console.log('job', r.body, r.eventSource); };`);
    const url = String((await asRoot(lab, 'sqs', 'CreateQueue', { QueueName: 'jobs' })).QueueUrl);
    const arn = `arn:aws:sqs:us-east-1:${lab.engine.account.accountId}:jobs`;
    const m = await lambdaClient(lab).send(new CreateEventSourceMappingCommand({ FunctionName: fn.FunctionArn, EventSourceArn: arn, BatchSize: 5 }));
    expect(m.State).toBe('Creating');
    await asRoot(lab, 'sqs', 'SendMessage', { QueueUrl: url, MessageBody: 'render-42' });
    const logged = await eventually(async () => {
      const out = await asRoot(lab, 'logs', 'FilterLogEvents', { logGroupName: '/aws/lambda/consumer', filterPattern: '"job render-42 aws:sqs"' }).catch(() => ({ events: [] }));
      return (out.events as unknown[]).length > 0;
    });
    expect(logged).toBe(true);
    const attrs = await eventually(async () => {
      const a = (await asRoot(lab, 'sqs', 'GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes as Record<string, string>;
      return a.ApproximateNumberOfMessages === '0' && a.ApproximateNumberOfMessagesNotVisible === '0' ? a : undefined;
    });
    expect(attrs.ApproximateNumberOfMessages).toBe('0');
  });
});
