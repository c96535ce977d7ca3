import { describe, expect, it } from 'vitest';
import { cfnLab, fixture } from './lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const outputs = (stack: any) => Object.fromEntries((stack.Outputs as { OutputKey: string; OutputValue: string }[]).map((o) => [o.OutputKey, o.OutputValue]));

describe('intrinsic functions and pseudo parameters', () => {
  it('evaluates every function into outputs, with conditions, mappings and list parameters', async () => {
    const lab = cfnLab();
    const acct = lab.engine.account.accountId;
    const { StackId } = await lab.cfn('CreateStack', { StackName: 'fns', TemplateBody: fixture('intrinsics.yaml') });
    await lab.settle();
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'fns' })).Stacks[0];
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(outputs(stack)).toEqual({
      Join: '80,443',
      Select: 'gamma',
      Split: 'b',
      SubLiteral: `literal \${NotAVariable} and ${acct} in aws/amazonaws.com`,
      SubAttr: `arn:aws:sqs:us-east-1:${acct}:fns-large|arn:aws:sns:us-east-1:${acct}:beta-us-east-1-topic`,
      Azs: 'us-east-1a us-east-1b us-east-1c us-east-1d us-east-1e us-east-1f',
      FirstAz: 'us-west-2a',
      Base64: 'aGVsbG8=',
      Cidr: '10.0.0.0/24 10.0.1.0/24 10.0.2.0/24',
      Conditions: 'p,and,nor',
      StackId,
      QueueName: 'fns-large',
    });
    expect(stack.Outputs.find((o: any) => o.OutputKey === 'QueueName').ExportName).toBe('fns-queue-name');
    // NoEcho parameters are masked; the conditional resource does not exist.
    expect(stack.Parameters).toEqual([
      { ParameterKey: 'Env', ParameterValue: 'prod' },
      { ParameterKey: 'Ports', ParameterValue: '80,443' },
      { ParameterKey: 'Names', ParameterValue: 'alpha,beta,gamma' },
      { ParameterKey: 'Count', ParameterValue: '3' },
      { ParameterKey: 'Secret', ParameterValue: '****' },
    ]);
    const ids = (await lab.cfn('ListStackResources', { StackName: 'fns' })).StackResourceSummaries.map((r: any) => r.LogicalResourceId);
    expect(ids).toEqual(['Queue', 'Topic']);
  });

  it('takes the other branches with other parameter values (Fn::If with AWS::NoValue, Fn::Or, conditional outputs)', async () => {
    const lab = cfnLab();
    await lab.cfn('CreateStack', {
      StackName: 'dev',
      TemplateBody: fixture('intrinsics.yaml'),
      Parameters: [
        { ParameterKey: 'Env', ParameterValue: 'dev' },
        { ParameterKey: 'Count', ParameterValue: '4' },
      ],
    });
    await lab.settle();
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'dev' })).Stacks[0];
    const out = outputs(stack);
    expect(out.Conditions).toBe('d,nand,or');
    expect(out.QueueName).toBe('dev-small');
    // The conditional queue is a real SQS queue now: its Ref is the URL SQS itself answers for it.
    expect(out.DevQueue).toMatch(/\/dev-DevOnly-[A-Z0-9]{12}$/);
    expect((await lab.call('sqs', 'GetQueueUrl', { QueueName: out.DevQueue!.split('/').pop() })).QueueUrl).toBe(out.DevQueue);
    const events = (await lab.cfn('DescribeStackEvents', { StackName: 'dev' })).StackEvents as any[];
    const queueProps = JSON.parse(events.find((e) => e.LogicalResourceId === 'Queue' && e.ResourceProperties).ResourceProperties);
    expect(queueProps).toEqual({ QueueName: 'dev-small' });
  });

  it('Fn::ImportValue reads another stack\'s export; the exporter cannot be deleted while it is imported', async () => {
    const lab = cfnLab();
    await lab.cfn('CreateStack', { StackName: 'fns', TemplateBody: fixture('intrinsics.yaml') });
    await lab.settle();
    await lab.cfn('CreateStack', { StackName: 'imp', TemplateBody: fixture('importer.yaml'), Parameters: [{ ParameterKey: 'Exporter', ParameterValue: 'fns' }] });
    await lab.settle();
    const imp = (await lab.cfn('DescribeStacks', { StackName: 'imp' })).Stacks[0];
    expect(outputs(imp)).toEqual({ Imported: 'fns-large' });
    const fnsId = (await lab.cfn('DescribeStacks', { StackName: 'fns' })).Stacks[0].StackId;
    expect(await lab.cfn('ListExports')).toEqual({ Exports: [{ ExportingStackId: fnsId, Name: 'fns-queue-name', Value: 'fns-large' }] });
    expect(await lab.cfn('ListImports', { ExportName: 'fns-queue-name' })).toEqual({ Imports: ['imp'] });
    await lab.rejects('DeleteStack', { StackName: 'fns' }, 'ValidationError', 'Export fns-queue-name cannot be deleted as it is in use by imp');
    await lab.rejects('ListImports', { ExportName: 'nope' }, 'ValidationError', "Export 'nope' is not imported by any stack.");
    await lab.rejects(
      'CreateStack',
      { StackName: 'imp2', TemplateBody: fixture('importer.yaml'), Parameters: [{ ParameterKey: 'Exporter', ParameterValue: 'missing' }] },
      'ValidationError',
      'No export named missing-queue-name found.',
    );
    await lab.rejects('CreateStack', { StackName: 'fns2', TemplateBody: fixture('intrinsics.yaml').replace("'${AWS::StackName}-queue-name'", 'fns-queue-name') }, 'ValidationError', 'Export with name fns-queue-name is already exported by stack fns');
    await lab.cfn('DeleteStack', { StackName: 'imp' });
    await lab.settle();
    await lab.cfn('DeleteStack', { StackName: 'fns' });
    await lab.settle();
    expect(await lab.cfn('ListExports')).toEqual({ Exports: [] });
  });

  it('parses JSON templates with the long forms, and GetAtt of EC2 attributes', async () => {
    const lab = cfnLab();
    await lab.cfn('CreateStack', { StackName: 'net', TemplateBody: fixture('network.json') });
    await lab.settle();
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'net' })).Stacks[0];
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack.Description).toBe('A VPC with two subnets, in JSON');
    const out = outputs(stack);
    expect(out.Cidrs).toBe('10.0.0.0/24 10.0.1.0/24');
    const subnets = await lab.call('ec2', 'DescribeSubnets', { SubnetIds: out.Subnets!.split(',') });
    expect(subnets.Subnets.map((s: any) => [s.CidrBlock, s.AvailabilityZone]).sort()).toEqual([
      ['10.0.0.0/24', 'us-east-1a'],
      ['10.0.1.0/24', 'us-east-1b'],
    ]);
  });
});
