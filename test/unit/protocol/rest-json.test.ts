import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../src-main/engine/protocol/errors';
import { AWS2, bodyString, fromV2, parseWithV2, testGateway, v2Config } from './helpers';

const lambda = new AWS2.Lambda(v2Config);

describe('rest-json protocol (Lambda)', () => {
  it('parses URI labels, a JSON body with blobs and maps, and query strings', async () => {
    const { gateway, calls } = testGateway(() => ({}));
    await gateway.handle(
      fromV2(lambda, 'createFunction', {
        FunctionName: 'fn',
        Runtime: 'nodejs20.x',
        Role: 'arn:aws:iam::123456789012:role/r',
        Handler: 'index.handler',
        Code: { ZipFile: Buffer.from('PK-zip') },
        Environment: { Variables: { A: '1' } },
        MemorySize: 256,
      }),
    );
    await gateway.handle(fromV2(lambda, 'getFunction', { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:fn', Qualifier: '$LATEST' }));
    await gateway.handle(fromV2(lambda, 'listFunctions', { MaxItems: 5, Marker: 'm' }));
    expect(calls.map((c) => c.operation)).toEqual(['CreateFunction', 'GetFunction', 'ListFunctions']);
    const create = calls[0]!.input as { Code: { ZipFile: Buffer }; Environment: { Variables: Record<string, string> } };
    expect(create.Code.ZipFile).toEqual(Buffer.from('PK-zip'));
    expect(Object.getPrototypeOf(create.Environment.Variables)).toBe(null);
    expect(calls[0]!.input).toMatchObject({ FunctionName: 'fn', Runtime: 'nodejs20.x', Handler: 'index.handler', MemorySize: 256 });
    expect(calls[1]!.input).toEqual({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:fn', Qualifier: '$LATEST' });
    expect(calls[2]!.input).toEqual({ MaxItems: 5, Marker: 'm' });
  });

  it('passes the Invoke payload raw both ways, with header and status-code members', async () => {
    const { gateway, calls } = testGateway(() => ({ StatusCode: 202, ExecutedVersion: '$LATEST', Payload: Buffer.from('{"ok":true}') }));
    const res = await gateway.handle(fromV2(lambda, 'invoke', { FunctionName: 'fn', InvocationType: 'Event', Payload: '{"x":1}' }));
    expect(calls[0]!.input).toEqual({ FunctionName: 'fn', InvocationType: 'Event', Payload: Buffer.from('{"x":1}') });
    expect(res.status).toBe(202);
    expect(res.headers['x-amz-executed-version']).toBe('$LATEST');
    const out = await parseWithV2<{ StatusCode: number; Payload: Buffer }>(lambda, 'invoke', { FunctionName: 'fn' }, res);
    expect(out.StatusCode).toBe(202);
    expect(String(out.Payload)).toBe('{"ok":true}');
  });

  it('serializes timestamps and nested output that SDK v2 reads back', async () => {
    const { gateway } = testGateway(() => ({ Configuration: { FunctionName: 'fn', MemorySize: 128, Environment: { Variables: { A: '1' } } }, Tags: { team: 'x' } }));
    const res = await gateway.handle(fromV2(lambda, 'getFunction', { FunctionName: 'fn' }));
    expect(JSON.parse(bodyString(res))).toEqual({ Configuration: { FunctionName: 'fn', MemorySize: 128, Environment: { Variables: { A: '1' } } }, Tags: { team: 'x' } });
    const out = await parseWithV2<{ Configuration: { MemorySize: number }; Tags: Record<string, string> }>(lambda, 'getFunction', { FunctionName: 'fn' }, res);
    expect(out.Configuration.MemorySize).toBe(128);
    expect(out.Tags).toEqual({ team: 'x' });
  });

  it('answers errors with x-amzn-ErrorType and a JSON message', async () => {
    const { gateway } = testGateway(() => {
      throw new AwsError('ResourceNotFoundException', 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope', 404);
    });
    const res = await gateway.handle(fromV2(lambda, 'getFunction', { FunctionName: 'nope' }));
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
    expect(JSON.parse(bodyString(res))).toEqual({ Type: 'User', message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope' });
    const err = await parseWithV2(lambda, 'getFunction', { FunctionName: 'nope' }, res).catch((e: { code: string; message: string; statusCode: number }) => e);
    expect(err).toMatchObject({ code: 'ResourceNotFoundException', message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope', statusCode: 404 });
  });

  it('answers UnknownOperationException for a path no operation has', async () => {
    const { gateway } = testGateway();
    const req = fromV2(lambda, 'listFunctions', {});
    req.path = '/2015-03-31/teleporters';
    const res = await gateway.handle(req);
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(JSON.parse(bodyString(res))).toEqual({ Type: 'User', message: 'Operation is not supported.' });
  });

  it('turns a handler bug into a 500 InternalFailure without leaking it', async () => {
    const { gateway } = testGateway(() => {
      throw new TypeError('oops: secret detail');
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const res = await gateway.handle(fromV2(lambda, 'listFunctions', {}));
      expect(res.status).toBe(500);
      expect(res.headers['x-amzn-errortype']).toBe('InternalFailure');
      expect(JSON.parse(bodyString(res))).toEqual({ Type: 'Service', message: 'The request processing has failed because of an unknown error, exception or failure.' });
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});
