/** IAM per action and queue ARN, and queue policies (what SNS and S3 deliveries rely on). */
import { describe, expect, it } from 'vitest';
import type { Engine, Principal } from '../../../../src-main/engine/index';
import { servicePrincipal } from '../../../../src-main/engine/core/account';
import { sqsLab } from './lab';

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

async function user(engine: Engine, name: string, policy?: string): Promise<Principal> {
  const root = engine.account.root;
  await engine.call(root, 'iam', 'CreateUser', { UserName: name });
  if (policy) await engine.call(root, 'iam', 'PutUserPolicy', { UserName: name, PolicyName: 'p', PolicyDocument: policy });
  const k = (await engine.call(root, 'iam', 'CreateAccessKey', { UserName: name })) as { AccessKey: { AccessKeyId: string } };
  return engine.lookupAccessKey(k.AccessKey.AccessKeyId)!.principal;
}

describe('SQS access control', () => {
  it('checks IAM per action and queue ARN; batch operations need the single action', async () => {
    const lab = sqsLab();
    const account = lab.engine.account.accountId;
    const url = await lab.queue('jobs');
    const other = await lab.queue('other');
    const producer = await user(lab.engine, 'producer', doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:us-east-1:${account}:jobs` }));
    const as = (op: string, input: Record<string, unknown>) => lab.engine.call(producer, 'sqs', op, input, { region: 'us-east-1' });
    await as('SendMessage', { QueueUrl: url, MessageBody: 'ok' });
    await as('SendMessageBatch', { QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'ok' }] });
    await expect(as('SendMessage', { QueueUrl: other, MessageBody: 'no' })).rejects.toMatchObject({ code: 'AccessDenied', status: 403 });
    await expect(as('ReceiveMessage', { QueueUrl: url })).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(as('ListQueues', {})).rejects.toMatchObject({ code: 'AccessDenied' });
    // The user's messages carry its id as SenderId.
    const m = (await lab.sqs('ReceiveMessage', { QueueUrl: url, AttributeNames: ['SenderId'] })).Messages[0];
    expect(m.Attributes.SenderId).toBe(producer.userId);
  });

  it('a queue policy lets a principal without identity policies send, and an explicit deny stops even root', async () => {
    const lab = sqsLab();
    const account = lab.engine.account.accountId;
    const arn = `arn:aws:sqs:us-east-1:${account}:fanout`;
    const url = await lab.queue('fanout');
    const nobody = await user(lab.engine, 'nobody');
    const send = (p: Principal) => lab.engine.call(p, 'sqs', 'SendMessage', { QueueUrl: url, MessageBody: 'x' }, { region: 'us-east-1' });
    await expect(send(nobody)).rejects.toMatchObject({ code: 'AccessDenied' });
    await lab.sqs('SetQueueAttributes', {
      QueueUrl: url,
      Attributes: { Policy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:user/nobody` }, Action: 'sqs:SendMessage', Resource: arn }) },
    });
    expect((await send(nobody)).MessageId).toBeTruthy();
    // Same-account services (SNS, S3 notifications) are let through by the authorizer itself.
    expect((await send(servicePrincipal(account, 'sns'))).MessageId).toBeTruthy();
    await lab.sqs('SetQueueAttributes', { QueueUrl: url, Attributes: { Policy: doc({ Effect: 'Deny', Principal: '*', Action: 'sqs:PurgeQueue', Resource: arn }) } });
    await expect(lab.sqs('PurgeQueue', { QueueUrl: url })).rejects.toMatchObject({ code: 'AccessDenied' });
    expect((await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'root still sends' })).MessageId).toBeTruthy();
  });
});
