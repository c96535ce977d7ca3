import { describe, expect, it } from 'vitest';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { AwsError } from '../../../src-main/engine/protocol/errors';
import { AWS2, bodyString, capturingHandler, credentials, fromV2, parseWithV2, testGateway, v2Config, type Recorded } from './helpers';

function sts(answer?: (r: Recorded) => Record<string, unknown>) {
  const { gateway, calls } = testGateway(answer);
  const cap = capturingHandler((req) => gateway.handle(req));
  const client = new STSClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4566', credentials, requestHandler: cap.handler });
  return { client, calls };
}

describe('query protocol (STS via SDK v3)', () => {
  it('round-trips GetCallerIdentity', async () => {
    const { client, calls } = sts(() => ({ UserId: 'AIDAEXAMPLE', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/alice' }));
    const out = await client.send(new GetCallerIdentityCommand({}));
    expect(calls[0]!.service).toBe('sts');
    expect(calls[0]!.operation).toBe('GetCallerIdentity');
    expect(calls[0]!.input).toEqual({});
    expect(out.Arn).toBe('arn:aws:iam::123456789012:user/alice');
    expect(out.Account).toBe('123456789012');
    expect(out.$metadata.requestId).toBe(calls[0]!.requestId);
  });

  it('parses nested lists and integers, and serializes timestamps', async () => {
    const expiration = new Date('2030-01-01T00:00:00.000Z');
    const { client, calls } = sts(() => ({
      Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 's', SessionToken: 't', Expiration: expiration },
      AssumedRoleUser: { AssumedRoleId: 'AROA1:s', Arn: 'arn:aws:sts::123456789012:assumed-role/r/s' },
    }));
    const out = await client.send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's', DurationSeconds: 900, Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }], TransitiveTagKeys: [] }),
    );
    expect(calls[0]!.input).toEqual({
      RoleArn: 'arn:aws:iam::123456789012:role/r',
      RoleSessionName: 's',
      DurationSeconds: 900,
      Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }],
      TransitiveTagKeys: [],
    });
    expect(out.Credentials?.Expiration).toEqual(expiration);
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::123456789012:assumed-role/r/s');
  });

  it('answers errors as <ErrorResponse> that SDK v3 understands', async () => {
    const { client } = sts(() => {
      throw new AwsError('AccessDenied', 'User is not authorized to perform: sts:AssumeRole', 403);
    });
    const err = (await client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' })).catch((e: unknown) => e)) as { name: string; message: string; $metadata: { httpStatusCode: number } };
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe('User is not authorized to perform: sts:AssumeRole');
    expect(err.$metadata.httpStatusCode).toBe(403);
  });
});

describe('query protocol (IAM via SDK v2)', () => {
  const iam = new AWS2.IAM(v2Config);

  it('parses a form body with a map-less member list', async () => {
    const { gateway, calls } = testGateway(() => ({ User: { UserName: 'alice', UserId: 'AIDA1', Arn: 'arn:aws:iam::123456789012:user/alice', Path: '/', CreateDate: new Date('2024-02-03T04:05:06.000Z') } }));
    const req = fromV2(iam, 'createUser', { UserName: 'alice', Tags: [{ Key: 'team', Value: 'x' }] });
    const res = await gateway.handle(req);
    expect(calls[0]!.input).toEqual({ UserName: 'alice', Tags: [{ Key: 'team', Value: 'x' }] });
    expect(res.status).toBe(200);
    const out = await parseWithV2<{ User: { UserName: string; CreateDate: Date } }>(iam, 'createUser', { UserName: 'alice' }, res);
    expect(out.User.UserName).toBe('alice');
    expect(out.User.CreateDate).toEqual(new Date('2024-02-03T04:05:06.000Z'));
    expect(bodyString(res)).toContain('<CreateUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><CreateUserResult><User>');
    expect(bodyString(res)).toContain(`<ResponseMetadata><RequestId>${calls[0]!.requestId}</RequestId></ResponseMetadata></CreateUserResponse>`);
  });

  it('answers the query error body exactly', async () => {
    const { gateway } = testGateway(() => {
      throw new AwsError('NoSuchEntity', 'The user with name bob cannot be found.', 404);
    });
    const res = await gateway.handle(fromV2(iam, 'getUser', { UserName: 'bob' }));
    expect(res.status).toBe(404);
    const id = res.headers['x-amzn-requestid'];
    expect(bodyString(res)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user with name bob cannot be found.</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`,
    );
    const err = await parseWithV2(iam, 'getUser', { UserName: 'bob' }, res).catch((e: { code: string; message: string; statusCode: number }) => e);
    expect(err).toMatchObject({ code: 'NoSuchEntity', message: 'The user with name bob cannot be found.', statusCode: 404 });
  });

  it('answers InvalidAction for an unknown Action', async () => {
    const { gateway } = testGateway();
    const req = fromV2(iam, 'getUser', { UserName: 'bob' });
    req.body = Buffer.from('Action=FlyToTheMoon&Version=2010-05-08');
    const res = await gateway.handle(req);
    expect(res.status).toBe(400);
    expect(bodyString(res)).toContain('<Code>InvalidAction</Code><Message>The action FlyToTheMoon is not valid for this web service.</Message>');
  });

  it('answers MissingAuthenticationToken in the query form for unsigned requests', async () => {
    const { gateway } = testGateway();
    const res = await gateway.handle({ method: 'GET', path: '/', rawQuery: 'Action=ListUsers&Version=2010-05-08', headers: { host: 'localhost:4566' }, body: Buffer.alloc(0) });
    expect(res.status).toBe(403);
    expect(bodyString(res)).toContain('<Type>Sender</Type><Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message>');
  });
});

describe('query protocol: services sharing a signing name', () => {
  it('picks Elastic Load Balancing v1 or v2 by Version', async () => {
    const { gateway, calls } = testGateway(() => ({}));
    await gateway.handle(fromV2(new AWS2.ELB(v2Config), 'describeLoadBalancers', { LoadBalancerNames: ['a', 'b'] }));
    await gateway.handle(fromV2(new AWS2.ELBv2(v2Config), 'describeLoadBalancers', { Names: ['c'] }));
    expect(calls.map((c) => [c.service, c.operation, c.input])).toEqual([
      ['elasticloadbalancing', 'DescribeLoadBalancers', { LoadBalancerNames: ['a', 'b'] }],
      ['elasticloadbalancingv2', 'DescribeLoadBalancers', { Names: ['c'] }],
    ]);
  });

  it('maps CloudWatch (signing name monitoring) and parses its dimensions and timestamps', async () => {
    const { gateway, calls } = testGateway(() => ({}));
    const ts = new Date('2024-03-04T05:06:07.000Z');
    await gateway.handle(
      fromV2(new AWS2.CloudWatch(v2Config), 'putMetricData', { Namespace: 'Lab', MetricData: [{ MetricName: 'm', Value: 1.5, Timestamp: ts, Dimensions: [{ Name: 'd', Value: 'v' }] }] }),
    );
    expect(calls[0]!.service).toBe('monitoring');
    expect(calls[0]!.input).toEqual({ Namespace: 'Lab', MetricData: [{ MetricName: 'm', Value: 1.5, Timestamp: ts, Dimensions: [{ Name: 'd', Value: 'v' }] }] });
  });
});
