import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, repoRoot, startLab, type RunningLab } from '../../helpers/lab';

// The book's programs and many learners' scripts use aws-sdk v2's AWS.CloudFormation.
let lab: RunningLab;
let cfn: AWS.CloudFormation;
let ec2: AWS.EC2;
const fixture = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'cloudformation', name), 'utf8');

beforeAll(async () => {
  lab = await startLab({ extraArgs: ['--warp', '2000'] });
  const common = {
    endpoint: lab.endpoint,
    region: 'us-east-1',
    credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey),
    maxRetries: 0,
  };
  cfn = new AWS.CloudFormation(common);
  ec2 = new AWS.EC2(common);
});
afterAll(async () => {
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
});

describe('AWS.CloudFormation (aws-sdk v2)', () => {
  it('creates a VPC stack from JSON, waits for it, reads outputs and events, deletes it', async () => {
    const { StackId } = await cfn.createStack({ StackName: 'net', TemplateBody: fixture('network.json'), Parameters: [{ ParameterKey: 'VpcCidr', ParameterValue: '10.30.0.0/16' }] }).promise();
    const done = await cfn.waitFor('stackCreateComplete', { StackName: 'net', $waiter: { delay: 1, maxAttempts: 60 } }).promise();
    const stack = done.Stacks![0]!;
    expect(stack.StackId).toBe(StackId);
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    const out = Object.fromEntries(stack.Outputs!.map((o) => [o.OutputKey, o.OutputValue]));
    expect(out.Cidrs).toBe('10.30.0.0/24 10.30.1.0/24');
    const subnets = await ec2.describeSubnets({ SubnetIds: out.Subnets!.split(',') }).promise();
    expect(subnets.Subnets!.map((s) => s.CidrBlock).sort()).toEqual(['10.30.0.0/24', '10.30.1.0/24']);
    const events = await cfn.describeStackEvents({ StackName: 'net' }).promise();
    expect(events.StackEvents!.at(-1)!.ResourceStatus).toBe('CREATE_IN_PROGRESS');
    expect(events.StackEvents!.at(-1)!.ResourceStatusReason).toBe('User Initiated');
    expect(events.StackEvents![0]!.ResourceStatus).toBe('CREATE_COMPLETE');
    expect(events.StackEvents![0]!.Timestamp).toBeInstanceOf(Date);
    await cfn.deleteStack({ StackName: 'net' }).promise();
    await cfn.waitFor('stackDeleteComplete', { StackName: StackId!, $waiter: { delay: 1, maxAttempts: 60 } }).promise();
    expect((await ec2.describeSubnets({ Filters: [{ Name: 'cidr-block', Values: ['10.30.0.0/24'] }] }).promise()).Subnets).toEqual([]);
  });

  it('reports errors with their codes', async () => {
    const err = await cfn
      .createStack({ StackName: 'bad', TemplateBody: 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !GetAtt B.Arn\n' })
      .promise()
      .catch((e: AWS.AWSError) => e);
    expect(err).toMatchObject({ code: 'ValidationError', message: 'Template error: instance of Fn::GetAtt references undefined resource B', statusCode: 400 });
    const missing = await cfn.describeStackResource({ StackName: 'ghost', LogicalResourceId: 'X' }).promise().catch((e: AWS.AWSError) => e);
    expect(missing).toMatchObject({ code: 'ValidationError', message: 'Stack with id ghost does not exist' });
  });
});
