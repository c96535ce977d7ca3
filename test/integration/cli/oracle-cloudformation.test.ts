/**
 * The oracle for the book's CloudFormation commands (book-coverage §B.2) on our own small templates:
 * validate, create with parameters and capabilities, the waiters, describe-stacks with the book's
 * queries, resources and events, update with UsePreviousValue, delete; each through the real AWS CLI
 * and ours. Simulated time only moves between commands, so every waiter's first poll sees the end state.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { useOracle, createLanes } from './oracle-lab';

const STACK = `AWSTemplateFormatVersion: '2010-09-09'
Description: A bucket and a security group for the CLI oracle
Parameters:
  GroupDescription:
    Type: String
    Description: What the group is for
  Port:
    Type: Number
    Default: 22
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Ref GroupDescription
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: !Ref Port
          ToPort: !Ref Port
          CidrIp: 0.0.0.0/0
Outputs:
  BucketName:
    Value: !Ref Bucket
    Description: The bucket
  GroupId:
    Value: !GetAtt Group.GroupId
`;

const ROLE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
Outputs:
  RoleArn:
    Value: !GetAtt Role.Arn
`;

const FAILS = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: in a VPC that does not exist
      VpcId: vpc-0123456789abcdef0
`;

const oracle = useOracle({ 'stack.yaml': STACK, 'role.yaml': ROLE, 'fails.yaml': FAILS, 'broken.yaml': 'Resources:\n  X:\n    Type: [\n' });
const { compare } = oracle;
const { set, get } = createLanes();
const MIN = 60_000;

describe('validate-template', () => {
  it('a good template in three formats, a broken one', async () => {
    for (const f of ['json', 'text', 'table']) await compare(() => ['cloudformation', 'validate-template', '--template-body', 'file://stack.yaml', '--output', f]);
    await compare(() => ['cloudformation', 'validate-template', '--template-body', 'file://role.yaml']);
    await compare(() => ['cloudformation', 'validate-template', '--template-body', 'file://broken.yaml']);
    await compare(() => ['cloudformation', 'validate-template', '--template-body', 'file://missing.yaml']);
  });
});

describe('a stack through its life (§5.3.2, §10.4, §11.3)', () => {
  it('create-stack --parameters, describe-stacks while it is in progress', async () => {
    await compare((s) => ['cloudformation', 'create-stack', '--stack-name', set(s, 'stack', `oracle-${s}`), '--template-body', 'file://stack.yaml', '--parameters', 'ParameterKey=GroupDescription,ParameterValue=SSH from anywhere']);
    await compare((s) => ['cloudformation', 'create-stack', '--stack-name', get(s, 'stack'), '--template-body', 'file://stack.yaml', '--parameters', 'ParameterKey=GroupDescription,ParameterValue=again']);
    await compare((s) => ['cloudformation', 'create-stack', '--stack-name', `noparam-${s}`, '--template-body', 'file://stack.yaml']);
    await compare((s) => ['cloudformation', 'describe-stacks', '--stack-name', get(s, 'stack'), '--query', 'Stacks[0].StackStatus']);
  });
  it('wait stack-create-complete, then describe-stacks with the book\'s queries', async () => {
    oracle.advance(10 * MIN);
    await compare((s) => ['cloudformation', 'wait', 'stack-create-complete', '--stack-name', get(s, 'stack')]);
    for (const f of ['json', 'text', 'table', 'yaml']) await compare((s) => ['cloudformation', 'describe-stacks', '--stack-name', get(s, 'stack'), '--output', f]);
    await compare((s) => ['cloudformation', 'describe-stacks', '--stack-name', get(s, 'stack'), '--query', 'Stacks[0].Outputs']);
    await compare((s) => ['cloudformation', 'describe-stacks', '--stack-name', get(s, 'stack'), '--query', 'Stacks[0].Outputs[0].OutputValue', '--output', 'text']);
    await compare((s) => ['cloudformation', 'describe-stacks', '--stack-name', get(s, 'stack'), '--query', 'Stacks[0].StackStatus', '--output', 'text']);
    await compare((s) => ['cloudformation', 'describe-stack-resource', '--stack-name', get(s, 'stack'), '--logical-resource-id', 'Bucket', '--query', 'StackResourceDetail.PhysicalResourceId', '--output', 'text']);
    await compare((s) => ['cloudformation', 'describe-stack-resource', '--stack-name', get(s, 'stack'), '--logical-resource-id', 'Nope']);
    await compare((s) => ['cloudformation', 'describe-stack-resources', '--stack-name', get(s, 'stack')]);
    await compare((s) => ['cloudformation', 'describe-stack-events', '--stack-name', get(s, 'stack')]);
    await compare((s) => ['cloudformation', 'describe-stack-events', '--stack-name', get(s, 'stack'), '--output', 'text']);
    await compare((s) => ['cloudformation', 'get-template', '--stack-name', get(s, 'stack')]);
    await compare(() => ['cloudformation', 'list-stacks', '--stack-status-filter', 'CREATE_COMPLETE', '--query', 'StackSummaries[].[StackName, StackStatus]', '--output', 'text']);
    await compare(() => ['cloudformation', 'list-stacks', '--query', 'length(StackSummaries)']);
  });
  it('update-stack with UsePreviousValue, an update with nothing to do, wait stack-update-complete', async () => {
    await compare((s) => ['cloudformation', 'update-stack', '--stack-name', get(s, 'stack'), '--template-body', 'file://stack.yaml', '--parameters', 'ParameterKey=GroupDescription,UsePreviousValue=true', 'ParameterKey=Port,ParameterValue=80']);
    oracle.advance(10 * MIN);
    await compare((s) => ['cloudformation', 'wait', 'stack-update-complete', '--stack-name', get(s, 'stack')]);
    await compare((s) => ['cloudformation', 'update-stack', '--stack-name', get(s, 'stack'), '--template-body', 'file://stack.yaml', '--parameters', 'ParameterKey=GroupDescription,UsePreviousValue=true', 'ParameterKey=Port,UsePreviousValue=true']);
    await compare((s) => ['cloudformation', 'describe-stacks', '--stack-name', get(s, 'stack'), '--query', 'Stacks[0].[StackStatus, Parameters]']);
  });
  it('delete-stack, wait stack-delete-complete, describe-stacks of a deleted stack', async () => {
    await compare((s) => ['cloudformation', 'delete-stack', '--stack-name', get(s, 'stack')]);
    oracle.advance(10 * MIN);
    await compare((s) => ['cloudformation', 'wait', 'stack-delete-complete', '--stack-name', get(s, 'stack')]);
    await compare((s) => ['cloudformation', 'describe-stacks', '--stack-name', get(s, 'stack')]);
    await compare((s) => ['cloudformation', 'delete-stack', '--stack-name', get(s, 'stack')]);
  });
});

describe('capabilities and failures', () => {
  it('an IAM resource needs --capabilities CAPABILITY_IAM', async () => {
    await compare((s) => ['cloudformation', 'create-stack', '--stack-name', set(s, 'role', `role-${s}`), '--template-body', 'file://role.yaml']);
    await compare((s) => ['cloudformation', 'create-stack', '--stack-name', get(s, 'role'), '--template-body', 'file://role.yaml', '--capabilities', 'CAPABILITY_IAM']);
    oracle.advance(10 * MIN);
    await compare((s) => ['cloudformation', 'wait', 'stack-create-complete', '--stack-name', get(s, 'role')]);
    await compare((s) => ['cloudformation', 'describe-stacks', '--stack-name', get(s, 'role'), '--query', 'Stacks[0].[StackStatus, Capabilities]', '--output', 'text']);
    await compare((s) => ['cloudformation', 'delete-stack', '--stack-name', get(s, 'role')]);
  });
  it('--template-url: a template in a lab bucket, and one of the book\'s URLs', async () => {
    const { ours } = oracle;
    expect((await ours(['s3', 'mb', 's3://oracle-templates'])).status).toBe(0);
    expect((await ours(['s3', 'cp', 'stack.yaml', 's3://oracle-templates/stack.yaml'])).status).toBe(0);
    await compare((s) => ['cloudformation', 'create-stack', '--stack-name', `url-${s}`, '--template-url', 'https://s3.amazonaws.com/oracle-templates/stack.yaml', '--parameters', 'ParameterKey=GroupDescription,ParameterValue=from a URL']);
    await compare(() => ['cloudformation', 'validate-template', '--template-url', 'https://s3.amazonaws.com/oracle-templates/missing.yaml']);
    await compare((s) => ['cloudformation', 'create-stack', '--stack-name', `irc-${s}`, '--template-url', 'https://s3.amazonaws.com/awsinaction-code2/chapter05/irc-cloudformation.yaml']);
  });
  it('a stack that rolls back fails its waiter; waiting for a stack that does not exist', async () => {
    await compare((s) => ['cloudformation', 'create-stack', '--stack-name', set(s, 'fails', `fails-${s}`), '--template-body', 'file://fails.yaml']);
    oracle.advance(10 * MIN);
    await compare((s) => ['cloudformation', 'wait', 'stack-create-complete', '--stack-name', get(s, 'fails')]);
    await compare((s) => ['cloudformation', 'describe-stack-events', '--stack-name', get(s, 'fails'), '--query', 'StackEvents[].[LogicalResourceId, ResourceStatus, ResourceStatusReason]', '--output', 'text']);
    await compare((s) => ['cloudformation', 'wait', 'stack-create-complete', '--stack-name', `nostack-${s}`]);
    await compare((s) => ['cloudformation', 'describe-stacks', '--stack-name', `nostack-${s}`]);
  });
});

const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: Tags new instances with their owner
Resources:
  OwnerTag:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: python3.9
      CodeUri: '.'
      Timeout: 30
      Environment:
        Variables:
          STACK: !Ref AWS::StackName
`;

describe('package and deploy (§7.3.5)', () => {
  it('package zips the folder, uploads it once and rewrites CodeUri; deploy creates the stack, then finds nothing to change', async () => {
    const { ours } = oracle;
    expect((await ours(['s3', 'mb', 's3://ec2-owner-tag-lab'])).status).toBe(0);
    const seed = { 'lambda/template.yaml': SAM, 'lambda/index.py': 'def handler(event, context):\n    return event\n' };
    for (const [rel, text] of Object.entries(seed)) {
      mkdirSync(dirname(join(oracle.workDir, rel)), { recursive: true });
      writeFileSync(join(oracle.workDir, rel), text);
    }
    const run = async (args: string[]) => {
      return ours(args, {}, seed);
    };
    const packaged = await run(['cloudformation', 'package', '--template-file', 'lambda/template.yaml', '--s3-bucket', 'ec2-owner-tag-lab', '--output-template-file', 'output.yaml']);
    expect(packaged.stderr).toMatch(/^\rUploading to [0-9a-f]{32}\.zip {2}\d+ \/ \d+\.0 {2}\(100\.00%\)$/);
    const key = /Uploading to (\S+)/.exec(packaged.stderr)![1]!;
    expect(packaged.stdout).toBe(`\nSuccessfully packaged artifacts and wrote output template to file output.yaml.\nExecute the following command to deploy the packaged template\naws cloudformation deploy --template-file ${oracle.workDir}/output.yaml --stack-name <YOUR STACK NAME>\n`);
    const output = Buffer.from(await packaged.host.fs.readFile(join(oracle.workDir, 'output.yaml'))).toString('utf8');
    expect(output).toBe(SAM.replace("'.'", `s3://ec2-owner-tag-lab/${key}`).replace(' !Ref AWS::StackName', '\n            Ref: AWS::StackName'));
    writeFileSync(join(oracle.workDir, 'output.yaml'), output);

    // The artifact is a ZIP of the folder, as unzip lists it; a second package finds it and uploads nothing.
    const got = await run(['s3api', 'get-object', '--bucket', 'ec2-owner-tag-lab', '--key', key, 'code.zip']);
    expect(got.status).toBe(0);
    writeFileSync(join(oracle.workDir, 'code.zip'), await got.host.fs.readFile(join(oracle.workDir, 'code.zip')));
    const list = spawnSync('/usr/bin/unzip', ['-Z1', join(oracle.workDir, 'code.zip')], { encoding: 'utf8' });
    expect(list.stdout.split('\n').filter(Boolean).sort()).toEqual(['index.py', 'template.yaml']);
    const again = await run(['cloudformation', 'package', '--template-file', 'lambda/template.yaml', '--s3-bucket', 'ec2-owner-tag-lab']);
    expect({ status: again.status, stderr: again.stderr, stdout: again.stdout }).toEqual({ status: 0, stderr: '', stdout: `\n${output}` });
    const nobucket = await run(['cloudformation', 'package', '--template-file', 'lambda/template.yaml', '--s3-bucket', 'no-such-bucket-lab']);
    expect({ status: nobucket.status, stderr: nobucket.stderr }).toEqual({
      status: 255,
      stderr: '\nUnable to upload artifact . referenced by CodeUri parameter of OwnerTag resource.\nS3 Bucket does not exist. Execute the command to create a new bucket\naws s3 mb s3://no-such-bucket-lab\n',
    });

    await compare((s) => ['cloudformation', 'deploy', '--stack-name', `ec2-owner-tag-${s}`, '--template-file', 'output.yaml', '--capabilities', 'CAPABILITY_IAM'], { tick: 10_000, files: { 'output.yaml': output } });
    await compare((s) => ['cloudformation', 'deploy', '--stack-name', `ec2-owner-tag-${s.replace(/\d+/, (k) => String(Number(k) - 1))}`, '--template-file', 'output.yaml', '--capabilities', 'CAPABILITY_IAM'], { tick: 10_000, files: { 'output.yaml': output } });
    await compare((s) => ['cloudformation', 'deploy', '--stack-name', `no-caps-${s}`, '--template-file', 'output.yaml'], { tick: 10_000, files: { 'output.yaml': output } });
    await compare(() => ['cloudformation', 'deploy', '--stack-name', 'x', '--template-file', 'missing.yaml']);
  }, 240_000);
});

const PARENT = `Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: child.yaml
      Parameters:
        GroupDescription: nested
Outputs:
  GroupId:
    Value: !GetAtt Child.Outputs.GroupId
`;

describe('package options and nested stacks', () => {
  it('--s3-prefix, --force-upload, --use-json; a nested stack\'s template is packaged, uploaded and created', async () => {
    const { ours } = oracle;
    const seed = { 'nested/parent.yaml': PARENT, 'nested/child.yaml': STACK, 'nested/gone.yaml': PARENT.replace('child.yaml', 'missing.yaml') };
    const bucket = 'nested-packages';
    expect((await ours(['s3', 'mb', `s3://${bucket}`])).status).toBe(0);
    const first = await ours(['cloudformation', 'package', '--template-file', 'nested/parent.yaml', '--s3-bucket', bucket, '--s3-prefix', 'stacks', '--use-json'], {}, seed);
    const key = /^\rUploading to (stacks\/[0-9a-f]{32}\.template) {2}\d+ \/ \d+\.0 {2}\(100\.00%\)$/.exec(first.stderr)?.[1];
    expect(key).toBeDefined();
    const url = `https://s3.amazonaws.com/${bucket}/${key}`;
    expect(first.stdout).toBe(`\n${JSON.stringify({ Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: url, Parameters: { GroupDescription: 'nested' } } } }, Outputs: { GroupId: { Value: { 'Fn::GetAtt': ['Child', 'Outputs.GroupId'] } } } }, null, 4)}`);
    const forced = await ours(['cloudformation', 'package', '--template-file', 'nested/parent.yaml', '--s3-bucket', bucket, '--s3-prefix', 'stacks', '--force-upload', '--output-template-file', 'packaged.yaml'], {}, seed);
    expect(forced.stderr).toBe(first.stderr);
    const packaged = Buffer.from(await forced.host.fs.readFile(join(oracle.workDir, 'packaged.yaml'))).toString('utf8');
    expect(packaged).toBe(`Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ${url}\n      Parameters:\n        GroupDescription: nested\nOutputs:\n  GroupId:\n    Value:\n      Fn::GetAtt:\n      - Child\n      - Outputs.GroupId\n`);
    const gone = await ours(['cloudformation', 'package', '--template-file', 'nested/gone.yaml', '--s3-bucket', bucket], {}, seed);
    expect({ status: gone.status, stderr: gone.stderr }).toEqual({
      status: 255,
      stderr: `\nUnable to upload artifact missing.yaml referenced by TemplateURL parameter of Child resource.\nTemplateURL parameter of Child resource is invalid. It must be a S3 URL or path to CloudFormation template file. Actual: ${oracle.workDir}/nested/missing.yaml\n`,
    });

    writeFileSync(join(oracle.workDir, 'packaged.yaml'), packaged);
    await compare((s) => ['cloudformation', 'create-stack', '--stack-name', set(s, 'parent', `parent-${s}`), '--template-body', 'file://packaged.yaml'], { files: { 'packaged.yaml': packaged } });
    oracle.advance(20 * MIN);
    await compare((s) => ['cloudformation', 'wait', 'stack-create-complete', '--stack-name', get(s, 'parent')]);
    await compare((s) => ['cloudformation', 'describe-stack-resources', '--stack-name', get(s, 'parent'), '--query', 'StackResources[].[LogicalResourceId, ResourceType, ResourceStatus]', '--output', 'text']);
  }, 60_000);
});
