import { describe, expect, it } from 'vitest';
import { cfnLab } from '../../cloudformation/lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const template = (visibility: number) =>
  JSON.stringify({
    Resources: {
      DeadLetters: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1209600 } },
      Jobs: {
        Type: 'AWS::SQS::Queue',
        Properties: {
          QueueName: 'imagery-jobs',
          VisibilityTimeout: visibility,
          RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['DeadLetters', 'Arn'] }, maxReceiveCount: 10 },
          Tags: [{ Key: 'app', Value: 'imagery' }],
        },
      },
      Ordered: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: true, ContentBasedDeduplication: true } },
      JobsPolicy: {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          Queues: [{ Ref: 'Jobs' }],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': ['Jobs', 'Arn'] } }],
          },
        },
      },
    },
    Outputs: {
      Url: { Value: { Ref: 'Jobs' } },
      Arn: { Value: { 'Fn::GetAtt': ['Jobs', 'Arn'] } },
      Name: { Value: { 'Fn::GetAtt': ['Jobs', 'QueueName'] } },
      UrlAtt: { Value: { 'Fn::GetAtt': ['Jobs', 'QueueUrl'] } },
      FifoName: { Value: { 'Fn::GetAtt': ['Ordered', 'QueueName'] } },
    },
  });

describe('AWS::SQS::Queue and AWS::SQS::QueuePolicy', () => {
  it('creates real queues with a redrive policy, tags and a policy; updates and deletes them', async () => {
    const lab = cfnLab();
    const acct = lab.engine.account.accountId;
    await lab.cfn('CreateStack', { StackName: 'imagery', TemplateBody: template(60) });
    await lab.settle();
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'imagery' })).Stacks[0];
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    const out = Object.fromEntries(stack.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    expect(out.Name).toBe('imagery-jobs');
    expect(out.Arn).toBe(`arn:aws:sqs:us-east-1:${acct}:imagery-jobs`);
    expect(out.Url).toBe(out.UrlAtt);
    expect(out.FifoName).toMatch(/^imagery-Ordered-[A-Z0-9]{12}\.fifo$/);

    const attrs = (await lab.call('sqs', 'GetQueueAttributes', { QueueUrl: out.Url, AttributeNames: ['All'] })).Attributes;
    expect(attrs.VisibilityTimeout).toBe('60');
    const redrive = JSON.parse(attrs.RedrivePolicy);
    expect(redrive.maxReceiveCount).toBe(10);
    expect(redrive.deadLetterTargetArn).toMatch(new RegExp(`^arn:aws:sqs:us-east-1:${acct}:imagery-DeadLetters-[A-Z0-9]{12}$`));
    expect(JSON.parse(attrs.Policy).Statement[0].Principal).toEqual({ Service: 'sns.amazonaws.com' });
    expect((await lab.call('sqs', 'ListQueueTags', { QueueUrl: out.Url })).Tags).toMatchObject({ app: 'imagery', 'aws:cloudformation:stack-name': 'imagery' });
    const fifo = (await lab.call('sqs', 'GetQueueUrl', { QueueName: out.FifoName })).QueueUrl;
    expect((await lab.call('sqs', 'GetQueueAttributes', { QueueUrl: fifo, AttributeNames: ['ContentBasedDeduplication'] })).Attributes).toEqual({ ContentBasedDeduplication: 'true' });

    await lab.cfn('UpdateStack', { StackName: 'imagery', TemplateBody: template(120) });
    await lab.settle();
    expect(await lab.status('imagery')).toBe('UPDATE_COMPLETE');
    expect((await lab.call('sqs', 'GetQueueAttributes', { QueueUrl: out.Url, AttributeNames: ['VisibilityTimeout'] })).Attributes.VisibilityTimeout).toBe('120');

    await lab.cfn('DeleteStack', { StackName: 'imagery' });
    await lab.settle();
    expect((await lab.call('sqs', 'ListQueues', {})).QueueUrls).toBeUndefined();
  });
});
