import { describe, expect, it } from 'vitest';
import { cfnLab, fixture } from './lab';

/* eslint-disable @typescript-eslint/no-explicit-any */

describe('stack lifecycle', () => {
  it('creates in dependency order with the real event sequence, then deletes dependents first', async () => {
    const lab = cfnLab();
    const { StackId } = await lab.cfn('CreateStack', { StackName: 'q', TemplateBody: fixture('queues.yaml'), Tags: [{ Key: 'team', Value: 'lab' }] });
    expect(await lab.status('q')).toBe('CREATE_IN_PROGRESS');
    await lab.settle();
    expect(await lab.events('q')).toEqual([
      'q CREATE_IN_PROGRESS User Initiated',
      'DeadLetters CREATE_IN_PROGRESS',
      'DeadLetters CREATE_IN_PROGRESS Resource creation Initiated',
      'DeadLetters CREATE_COMPLETE',
      'Jobs CREATE_IN_PROGRESS',
      'Jobs CREATE_IN_PROGRESS Resource creation Initiated',
      'Jobs CREATE_COMPLETE',
      'q CREATE_COMPLETE',
    ]);
    // The queues are real SQS queues: the physical id is SQS's own URL, and the job queue's
    // redrive policy names the dead-letter queue made before it.
    const jobsUrl = (await lab.call('sqs', 'GetQueueUrl', { QueueName: 'q-jobs' })).QueueUrl;
    const detail = (await lab.cfn('DescribeStackResource', { StackName: 'q', LogicalResourceId: 'Jobs' })).StackResourceDetail;
    expect(detail).toMatchObject({
      StackName: 'q',
      StackId,
      LogicalResourceId: 'Jobs',
      PhysicalResourceId: jobsUrl,
      ResourceType: 'AWS::SQS::Queue',
      ResourceStatus: 'CREATE_COMPLETE',
    });
    expect(detail.ResourceStatusReason).toBeUndefined();
    const redrive = (await lab.call('sqs', 'GetQueueAttributes', { QueueUrl: jobsUrl, AttributeNames: ['RedrivePolicy'] })).Attributes.RedrivePolicy;
    expect(JSON.parse(redrive)).toEqual({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:${lab.engine.account.accountId}:q-jobs-dlq`, maxReceiveCount: 10 });
    // Each resource took its type's time: 3 s per queue, one after the other.
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'q' })).Stacks[0];
    expect(stack.Tags).toEqual([{ Key: 'team', Value: 'lab' }]);
    const events = (await lab.cfn('DescribeStackEvents', { StackName: 'q' })).StackEvents as any[];
    expect(new Date(events[0].Timestamp).getTime() - new Date(stack.CreationTime).getTime()).toBe(6000);
    await lab.cfn('DeleteStack', { StackName: 'q' });
    expect(await lab.status('q')).toBe('DELETE_IN_PROGRESS');
    await lab.settle();
    expect((await lab.events(StackId)).slice(8)).toEqual([
      'q DELETE_IN_PROGRESS User Initiated',
      'Jobs DELETE_IN_PROGRESS',
      'Jobs DELETE_COMPLETE',
      'DeadLetters DELETE_IN_PROGRESS',
      'DeadLetters DELETE_COMPLETE',
      'q DELETE_COMPLETE',
    ]);
    expect((await lab.call('sqs', 'ListQueues')).QueueUrls ?? []).toEqual([]);
    // A deleted stack answers to its id only; ListStacks keeps it.
    await lab.rejects('DescribeStacks', { StackName: 'q' }, 'ValidationError', 'Stack with id q does not exist');
    expect((await lab.cfn('DescribeStacks', { StackName: StackId })).Stacks[0].StackStatus).toBe('DELETE_COMPLETE');
    expect((await lab.cfn('ListStacks')).StackSummaries.map((s: any) => [s.StackName, s.StackStatus])).toEqual([['q', 'DELETE_COMPLETE']]);
    expect(await lab.cfn('DeleteStack', { StackName: 'q' })).toEqual({});
  });

  it('a failed resource rolls the stack back: CREATE_FAILED → ROLLBACK_IN_PROGRESS → DELETE_* → ROLLBACK_COMPLETE', async () => {
    const lab = cfnLab();
    const body = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.1.0.0/16 }
  Good:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.1.1.0/24 }
  Bad:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.2.0.0/24 }
`;
    await lab.cfn('CreateStack', { StackName: 'rb', TemplateBody: body });
    await lab.settle();
    const events = await lab.events('rb');
    const failure = events.find((e) => e.startsWith('Bad CREATE_FAILED'))!;
    expect(failure).toMatch(/^Bad CREATE_FAILED The CIDR '10\.2\.0\.0\/24' is invalid\. \(Service: AmazonEC2; Status Code: 400; Error Code: InvalidSubnet\.Range; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
    expect(events.map((e) => (e.startsWith('Bad CREATE_FAILED') ? 'Bad CREATE_FAILED …' : e))).toEqual([
      'rb CREATE_IN_PROGRESS User Initiated',
      'Vpc CREATE_IN_PROGRESS',
      'Vpc CREATE_IN_PROGRESS Resource creation Initiated',
      'Vpc CREATE_COMPLETE',
      'Good CREATE_IN_PROGRESS',
      'Bad CREATE_IN_PROGRESS',
      'Good CREATE_IN_PROGRESS Resource creation Initiated',
      'Bad CREATE_FAILED …',
      'Good CREATE_FAILED Resource creation cancelled',
      'rb ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Bad]. Rollback requested by user.',
      'Good DELETE_IN_PROGRESS',
      'Bad DELETE_IN_PROGRESS',
      'Bad DELETE_COMPLETE',
      'Good DELETE_COMPLETE',
      'Vpc DELETE_IN_PROGRESS',
      'Vpc DELETE_COMPLETE',
      'rb ROLLBACK_COMPLETE',
    ]);
    expect((await lab.call('ec2', 'DescribeVpcs', { Filters: [{ Name: 'cidr', Values: ['10.1.0.0/16'] }] })).Vpcs).toEqual([]);
    await lab.rejects('UpdateStack', { StackName: 'rb', UsePreviousTemplate: true }, 'ValidationError', `Stack:${(await lab.cfn('DescribeStacks', { StackName: 'rb' })).Stacks[0].StackId} is in ROLLBACK_COMPLETE state and can not be updated.`);
    await lab.cfn('DeleteStack', { StackName: 'rb' });
    await lab.settle();
    expect((await lab.cfn('DescribeStacks')).Stacks).toEqual([]);
  });

  it('OnFailure DO_NOTHING keeps what was created; OnFailure DELETE deletes the stack', async () => {
    const lab = cfnLab();
    const body = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.3.0.0/16 }
  Bad:
    Type: AWS::EC2::Subnet
    DependsOn: Vpc
    Properties: { VpcId: vpc-0000000000000000f, CidrBlock: 10.3.0.0/24 }
`;
    await lab.cfn('CreateStack', { StackName: 'keep', TemplateBody: body, OnFailure: 'DO_NOTHING' });
    await lab.settle();
    const keep = (await lab.cfn('DescribeStacks', { StackName: 'keep' })).Stacks[0];
    expect([keep.StackStatus, keep.StackStatusReason, keep.DisableRollback]).toEqual(['CREATE_FAILED', 'The following resource(s) failed to create: [Bad]. ', false]);
    expect((await lab.cfn('DescribeStackResource', { StackName: 'keep', LogicalResourceId: 'Vpc' })).StackResourceDetail.ResourceStatus).toBe('CREATE_COMPLETE');
    await lab.cfn('CreateStack', { StackName: 'gone', TemplateBody: body.replace('10.3.', '10.4.').replace('10.3.', '10.4.'), OnFailure: 'DELETE' });
    await lab.settle();
    const events = await lab.events((await lab.cfn('ListStacks')).StackSummaries.find((s: any) => s.StackName === 'gone').StackId);
    expect(events.slice(events.indexOf('gone DELETE_IN_PROGRESS The following resource(s) failed to create: [Bad]. '))).toEqual([
      'gone DELETE_IN_PROGRESS The following resource(s) failed to create: [Bad]. ',
      'Bad DELETE_IN_PROGRESS',
      'Bad DELETE_COMPLETE',
      'Vpc DELETE_IN_PROGRESS',
      'Vpc DELETE_COMPLETE',
      'gone DELETE_COMPLETE',
    ]);
    await lab.rejects('DescribeStacks', { StackName: 'gone' }, 'ValidationError', 'Stack with id gone does not exist');
    await lab.rejects('CreateStack', { StackName: 'x', TemplateBody: body, OnFailure: 'DELETE', DisableRollback: true }, 'ValidationError', 'You may not specify both OnFailure and DisableRollback');
  });

  it('DeletionPolicy Retain skips the resource; termination protection blocks DeleteStack', async () => {
    const lab = cfnLab();
    await lab.cfn('CreateStack', { StackName: 'b', TemplateBody: fixture('bucket-retain.yaml'), Parameters: [{ ParameterKey: 'Suffix', ParameterValue: 'abc' }], EnableTerminationProtection: true });
    await lab.settle();
    const out = Object.fromEntries(((await lab.cfn('DescribeStacks', { StackName: 'b' })).Stacks[0].Outputs as any[]).map((o) => [o.OutputKey, o.OutputValue]));
    expect(out).toEqual({ WebsiteURL: 'http://site-abc.s3-website-us-east-1.amazonaws.com', Arn: 'arn:aws:s3:::kept-abc', DomainName: 'kept-abc.s3.amazonaws.com' });
    await lab.rejects('DeleteStack', { StackName: 'b' }, 'ValidationError', 'Stack [b] cannot be deleted while TerminationProtection is enabled');
    await lab.cfn('UpdateTerminationProtection', { StackName: 'b', EnableTerminationProtection: false });
    const { StackId } = (await lab.cfn('DescribeStacks', { StackName: 'b' })).Stacks[0];
    await lab.cfn('DeleteStack', { StackName: 'b' });
    await lab.settle();
    const events = await lab.events(StackId);
    expect(events.slice(events.indexOf('b DELETE_IN_PROGRESS User Initiated'))).toEqual([
      'b DELETE_IN_PROGRESS User Initiated',
      'Kept DELETE_SKIPPED',
      'Website DELETE_IN_PROGRESS',
      'Website DELETE_COMPLETE',
      'b DELETE_COMPLETE',
    ]);
    const buckets = (await lab.call('s3', 'ListBuckets')).Buckets.map((x: any) => x.Name);
    expect(buckets).toEqual(['kept-abc']);
  });

  it('a bucket that is not empty fails to delete: DELETE_FAILED, then a retry after emptying it', async () => {
    const lab = cfnLab();
    await lab.cfn('CreateStack', { StackName: 'full', TemplateBody: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: full-bucket-lab }\n' });
    await lab.settle();
    await lab.call('s3', 'PutObject', { Bucket: 'full-bucket-lab', Key: 'a.txt', Body: Buffer.from('x') });
    await lab.cfn('DeleteStack', { StackName: 'full' });
    await lab.settle();
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'full' })).Stacks[0];
    expect([stack.StackStatus, stack.StackStatusReason]).toEqual(['DELETE_FAILED', 'The following resource(s) failed to delete: [B]. ']);
    expect((await lab.events('full')).at(-2)).toMatch(/^B DELETE_FAILED The bucket you tried to delete is not empty \(Service: Amazon S3; Status Code: 409; Error Code: BucketNotEmpty;/);
    await lab.call('s3', 'DeleteObject', { Bucket: 'full-bucket-lab', Key: 'a.txt' });
    await lab.cfn('DeleteStack', { StackName: 'full' });
    await lab.settle();
    await lab.rejects('DescribeStacks', { StackName: 'full' }, 'ValidationError', 'Stack with id full does not exist');
  });

  it('DeleteStack while the stack is still being created deletes what exists so far', async () => {
    const lab = cfnLab();
    const { StackId } = await lab.cfn('CreateStack', { StackName: 'q', TemplateBody: fixture('queues.yaml') });
    await lab.run(4_000);
    await lab.cfn('DeleteStack', { StackName: 'q' });
    await lab.settle();
    expect(await lab.events(StackId)).toEqual([
      'q CREATE_IN_PROGRESS User Initiated',
      'DeadLetters CREATE_IN_PROGRESS',
      'DeadLetters CREATE_IN_PROGRESS Resource creation Initiated',
      'DeadLetters CREATE_COMPLETE',
      'Jobs CREATE_IN_PROGRESS',
      'Jobs CREATE_IN_PROGRESS Resource creation Initiated',
      'q DELETE_IN_PROGRESS User Initiated',
      'Jobs DELETE_IN_PROGRESS',
      'Jobs DELETE_COMPLETE',
      'DeadLetters DELETE_IN_PROGRESS',
      'DeadLetters DELETE_COMPLETE',
      'q DELETE_COMPLETE',
    ]);
  });

  it('DeletionPolicy Snapshot snapshots a volume before deleting it', async () => {
    const lab = cfnLab();
    const body = "Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    DeletionPolicy: Snapshot\n    Properties: { AvailabilityZone: us-east-1a, Size: 5, VolumeType: gp2 }\n";
    await lab.cfn('CreateStack', { StackName: 'vol', TemplateBody: body });
    await lab.settle();
    const volumeId = (await lab.cfn('DescribeStackResource', { StackName: 'vol', LogicalResourceId: 'Data' })).StackResourceDetail.PhysicalResourceId;
    await lab.cfn('DeleteStack', { StackName: 'vol' });
    await lab.settle();
    const snaps = (await lab.call('ec2', 'DescribeSnapshots', { OwnerIds: ['self'] })).Snapshots as any[];
    expect(snaps.map((x) => [x.VolumeId, x.Description])).toEqual([[volumeId, 'Snapshot of vol/Data taken by CloudFormation on delete']]);
    expect((await lab.call('ec2', 'DescribeVolumes', { Filters: [{ Name: 'volume-id', Values: [volumeId] }] })).Volumes).toEqual([]);
  });
});
