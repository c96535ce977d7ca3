import { describe, expect, it } from 'vitest';
import { cfnLab, fixture } from './lab';
import { createZip } from '../../../src-main/engine/cli/zip';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('change sets, templates and summaries', () => {
  it('a CREATE change set makes a REVIEW_IN_PROGRESS stack; executing it creates the stack (the SAM transform expanded)', async () => {
    const lab = cfnLab();
    const body = fixture('sam-function.yaml');
    await lab.rejects('CreateChangeSet', { StackName: 'fn', ChangeSetName: 'c1', ChangeSetType: 'CREATE', TemplateBody: body }, 'InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_IAM]');
    const { Id, StackId } = await lab.cfn('CreateChangeSet', { StackName: 'fn', ChangeSetName: 'c1', ChangeSetType: 'CREATE', TemplateBody: body, Capabilities: ['CAPABILITY_IAM'] });
    expect(Id).toMatch(new RegExp(`^arn:aws:cloudformation:us-east-1:${lab.engine.account.accountId}:changeSet/c1/[0-9a-f-]{36}$`));
    expect(await lab.status('fn')).toBe('REVIEW_IN_PROGRESS');
    const cs = await lab.cfn('DescribeChangeSet', { StackName: 'fn', ChangeSetName: 'c1' });
    expect(cs).toMatchObject({ ChangeSetName: 'c1', ChangeSetId: Id, StackId, StackName: 'fn', ExecutionStatus: 'AVAILABLE', Status: 'CREATE_COMPLETE', Capabilities: ['CAPABILITY_IAM'] });
    expect(cs.Changes.map((c: any) => [c.ResourceChange.Action, c.ResourceChange.LogicalResourceId, c.ResourceChange.ResourceType])).toEqual([
      ['Add', 'TagOwnerRole', 'AWS::IAM::Role'],
      ['Add', 'TagOwner', 'AWS::Lambda::Function'],
      ['Add', 'TagOwnerLaunched', 'AWS::Events::Rule'],
      ['Add', 'TagOwnerLaunchedPermission', 'AWS::Lambda::Permission'],
    ]);
    expect((await lab.cfn('ListChangeSets', { StackName: 'fn' })).Summaries.map((s: any) => [s.ChangeSetName, s.Status, s.ExecutionStatus])).toEqual([['c1', 'CREATE_COMPLETE', 'AVAILABLE']]);
    // The code the function's CodeUri names, as `aws cloudformation package` would have uploaded it.
    await lab.call('s3', 'CreateBucket', { Bucket: 'lab-artifacts' });
    await lab.call('s3', 'PutObject', { Bucket: 'lab-artifacts', Key: 'function.zip', Body: createZip([{ name: 'index.py', data: Buffer.from('def handler(event, context):\n    return "tagged"\n'), mtimeMs: 0 }]) });
    await lab.cfn('ExecuteChangeSet', { ChangeSetName: Id });
    await lab.settle();
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'fn' })).Stacks[0];
    expect([stack.StackStatus, stack.ChangeSetId]).toEqual(['CREATE_COMPLETE', Id]);
    expect(stack.Outputs[0].OutputValue).toMatch(new RegExp(`^arn:aws:lambda:us-east-1:${lab.engine.account.accountId}:function:fn-TagOwner-[A-Z0-9]{12}$`));
    // The role is real IAM, and the function a real Lambda function with the role and the code.
    const role = (await lab.cfn('DescribeStackResource', { StackName: 'fn', LogicalResourceId: 'TagOwnerRole' })).StackResourceDetail;
    const got = await lab.call('iam', 'GetRole', { RoleName: role.PhysicalResourceId });
    expect(got.Role.RoleName).toBe(role.PhysicalResourceId);
    expect((await lab.call('iam', 'ListRolePolicies', { RoleName: role.PhysicalResourceId })).PolicyNames).toEqual(['TagOwnerRolePolicy0']);
    const fn = (await lab.cfn('DescribeStackResource', { StackName: 'fn', LogicalResourceId: 'TagOwner' })).StackResourceDetail.PhysicalResourceId;
    const conf = (await lab.call('lambda', 'GetFunction', { FunctionName: fn })).Configuration;
    expect([conf.Runtime, conf.Handler, conf.Timeout, conf.Role]).toEqual(['python3.12', 'index.handler', 30, got.Role.Arn]);
    // GetTemplate: the original text and the processed JSON.
    expect((await lab.cfn('GetTemplate', { StackName: 'fn' })).TemplateBody).toBe(body);
    const processed = JSON.parse((await lab.cfn('GetTemplate', { StackName: 'fn', TemplateStage: 'Processed' })).TemplateBody);
    expect(Object.keys(processed.Resources)).toEqual(['TagOwnerRole', 'TagOwner', 'TagOwnerLaunched', 'TagOwnerLaunchedPermission']);
    expect(processed.Resources.TagOwner.Properties).toMatchObject({ Code: { S3Bucket: 'lab-artifacts', S3Key: 'function.zip' }, Handler: 'index.handler', Runtime: 'python3.12', Timeout: 30 });
  });

  it('an UPDATE change set lists Modify/Add/Remove with replacement, or FAILED when nothing changes', async () => {
    const lab = cfnLab();
    const vpc = (await lab.call('ec2', 'CreateVpc', { CidrBlock: '10.9.0.0/16' })).Vpc.VpcId;
    const body = fixture('security-group.yaml');
    await lab.cfn('CreateStack', { StackName: 'fw', TemplateBody: body, Parameters: [{ ParameterKey: 'VPC', ParameterValue: vpc }, { ParameterKey: 'SshCidr', ParameterValue: '10.0.0.0/8' }] });
    await lab.settle();
    const same = await lab.cfn('CreateChangeSet', { StackName: 'fw', ChangeSetName: 'same', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'VPC', UsePreviousValue: true }, { ParameterKey: 'SshCidr', UsePreviousValue: true }] });
    const sameCs = await lab.cfn('DescribeChangeSet', { ChangeSetName: same.Id });
    expect([sameCs.Status, sameCs.ExecutionStatus, sameCs.StatusReason, sameCs.Changes]).toEqual([
      'FAILED',
      'UNAVAILABLE',
      "The submitted information didn't contain changes. Submit different information to create a change set.",
      [],
    ]);
    await lab.rejects('ExecuteChangeSet', { ChangeSetName: same.Id }, 'InvalidChangeSetStatus', `ChangeSet [${same.Id}] cannot be executed in its current status of [FAILED]`);
    await lab.cfn('CreateChangeSet', { StackName: 'fw', ChangeSetName: 'relabel', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'VPC', UsePreviousValue: true }, { ParameterKey: 'GroupLabel', ParameterValue: 'db' }] });
    await lab.rejects('CreateChangeSet', { StackName: 'fw', ChangeSetName: 'relabel', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'VPC', UsePreviousValue: true }] }, 'AlreadyExistsException', 'ChangeSet relabel already exists');
    const cs = await lab.cfn('DescribeChangeSet', { StackName: 'fw', ChangeSetName: 'relabel' });
    const group = cs.Changes.find((c: any) => c.ResourceChange.LogicalResourceId === 'Group').ResourceChange;
    expect(group).toMatchObject({ Action: 'Modify', Replacement: 'True', Scope: ['Properties'] });
    expect(group.Details.map((d: any) => [d.Target.Name, d.Target.RequiresRecreation])).toEqual([
      ['GroupDescription', 'Always'],
      ['SecurityGroupIngress', 'Never'],
    ]);
    expect(cs.Changes.find((c: any) => c.ResourceChange.LogicalResourceId === 'SshRule').ResourceChange).toMatchObject({ Action: 'Remove', ResourceType: 'AWS::EC2::SecurityGroupIngress' });
    await lab.cfn('ExecuteChangeSet', { StackName: 'fw', ChangeSetName: 'relabel' });
    await lab.settle();
    expect(await lab.status('fw')).toBe('UPDATE_COMPLETE');
    await lab.cfn('DeleteChangeSet', { StackName: 'fw', ChangeSetName: 'same' });
    await lab.rejects('DescribeChangeSet', { StackName: 'fw', ChangeSetName: 'same' }, 'ChangeSetNotFound', 'ChangeSet [same] does not exist');
    await lab.rejects('CreateChangeSet', { StackName: 'ghost', ChangeSetName: 'x', TemplateBody: body }, 'ValidationError', 'Stack [ghost] does not exist');
  });

  it('GetTemplateSummary and ValidateTemplate describe parameters, capabilities and resource types', async () => {
    const lab = cfnLab();
    const summary = await lab.cfn('GetTemplateSummary', { TemplateBody: fixture('web-server.yaml') });
    expect(summary.Description).toBe('A public web server in its own VPC, configured by cfn-init and confirmed by cfn-signal');
    expect(summary.Parameters.find((p: any) => p.ParameterKey === 'InstanceType')).toEqual({
      ParameterKey: 'InstanceType',
      DefaultValue: 't2.micro',
      ParameterType: 'String',
      NoEcho: false,
      ParameterConstraints: { AllowedValues: ['t2.micro', 't2.small'] },
    });
    expect(summary.Parameters.find((p: any) => p.ParameterKey === 'KeyName')).toEqual({
      ParameterKey: 'KeyName',
      ParameterType: 'AWS::EC2::KeyPair::KeyName',
      NoEcho: false,
      Description: 'Key pair for SSH',
      ParameterConstraints: {},
    });
    expect(summary.ResourceTypes).toContain('AWS::EC2::NetworkAclEntry');
    expect(JSON.parse(summary.Metadata)['AWS::CloudFormation::Interface'].ParameterGroups[0].Label.default).toBe('Server');
    expect(summary.Version).toBe('2010-09-09');
    const v = await lab.cfn('ValidateTemplate', { TemplateBody: fixture('intrinsics.yaml') });
    expect(v).toEqual({
      Description: 'Every intrinsic function and pseudo parameter, evaluated into outputs',
      Parameters: [
        { ParameterKey: 'Env', DefaultValue: 'prod', NoEcho: false },
        { ParameterKey: 'Ports', DefaultValue: '80,443', NoEcho: false },
        { ParameterKey: 'Names', DefaultValue: 'alpha,beta,gamma', NoEcho: false },
        { ParameterKey: 'Count', DefaultValue: '3', NoEcho: false },
        { ParameterKey: 'Secret', DefaultValue: 'hunter2', NoEcho: true },
      ],
    });
  });
});
