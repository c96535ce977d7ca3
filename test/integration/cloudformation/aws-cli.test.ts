import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCli } from '../../helpers/clients';
import { repoRoot, useLab } from '../../helpers/lab';
import { createZip } from '../../../src-main/engine/cli/zip';

/* eslint-disable @typescript-eslint/no-explicit-any */
const FIXTURES = join(repoRoot, 'test', 'fixtures', 'cloudformation');
// Fast simulated time: a stack of a few records finishes in milliseconds, before the CLI waiter's first poll.
const lab = useLab({ extraArgs: ['--warp', '2000'] });

const cfn = (args: string[], opts: { cwd?: string } = {}) => awsCli(lab(), ['cloudformation', ...args], opts);
const json = (args: string[]) => {
  const r = cfn([...args, '--output', 'json']);
  if (r.status !== 0) throw new Error(`aws cloudformation ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout || '{}');
};

describe('aws cloudformation (the real AWS CLI v2)', () => {
  it('validate, create, wait, describe, update with UsePreviousValue, delete, wait', () => {
    const v = json(['validate-template', '--template-body', `file://${join(FIXTURES, 'queues.yaml')}`]);
    expect(v).toEqual({
      Parameters: [{ ParameterKey: 'QueueSuffix', DefaultValue: 'jobs', NoEcho: false }],
      Description: 'A job queue whose failed messages move to a dead-letter queue',
    });
    const created = json(['create-stack', '--stack-name', 'queues', '--template-body', `file://${join(FIXTURES, 'queues.yaml')}`, '--parameters', 'ParameterKey=QueueSuffix,ParameterValue=work', '--tags', 'Key=chapter,Value=16']);
    expect(created.StackId).toMatch(/^arn:aws:cloudformation:us-east-1:\d{12}:stack\/queues\/[0-9a-f-]{36}$/);
    expect(cfn(['wait', 'stack-create-complete', '--stack-name', 'queues']).status).toBe(0);
    const url = cfn(['describe-stacks', '--stack-name', 'queues', '--query', 'Stacks[0].Outputs[?OutputKey==`QueueUrl`].OutputValue', '--output', 'text']);
    // The queues are real: the output is the URL SQS itself answers for the queue.
    expect(url.stdout.trim()).toMatch(/\/\d{12}\/queues-work$/);
    expect(awsCli(lab(), ['sqs', 'get-queue-url', '--queue-name', 'queues-work', '--query', 'QueueUrl', '--output', 'text']).stdout.trim()).toBe(url.stdout.trim());
    const physical = cfn(['describe-stack-resource', '--stack-name', 'queues', '--logical-resource-id', 'Jobs', '--query', 'StackResourceDetail.PhysicalResourceId', '--output', 'text']);
    expect(physical.stdout.trim()).toBe(url.stdout.trim());
    const events = json(['describe-stack-events', '--stack-name', 'queues']).StackEvents as any[];
    expect(events.map((e) => `${e.LogicalResourceId} ${e.ResourceStatus}`).reverse()).toEqual([
      'queues CREATE_IN_PROGRESS',
      'DeadLetters CREATE_IN_PROGRESS',
      'DeadLetters CREATE_IN_PROGRESS',
      'DeadLetters CREATE_COMPLETE',
      'Jobs CREATE_IN_PROGRESS',
      'Jobs CREATE_IN_PROGRESS',
      'Jobs CREATE_COMPLETE',
      'queues CREATE_COMPLETE',
    ]);
    expect(json(['list-stack-resources', '--stack-name', 'queues']).StackResourceSummaries.map((r: any) => r.LogicalResourceId)).toEqual(['DeadLetters', 'Jobs']);

    const same = cfn(['update-stack', '--stack-name', 'queues', '--use-previous-template', '--parameters', 'ParameterKey=QueueSuffix,UsePreviousValue=true']);
    expect(same.status).toBe(254);
    expect(same.stderr.trim()).toBe('An error occurred (ValidationError) when calling the UpdateStack operation: No updates are to be performed.');
    expect(cfn(['update-stack', '--stack-name', 'queues', '--use-previous-template', '--parameters', 'ParameterKey=QueueSuffix,ParameterValue=jobs']).status).toBe(0);
    expect(cfn(['wait', 'stack-update-complete', '--stack-name', 'queues']).status).toBe(0);
    expect(cfn(['describe-stacks', '--stack-name', 'queues', '--query', 'Stacks[0].[StackStatus,Parameters[0].ParameterValue]', '--output', 'text']).stdout.trim()).toBe('UPDATE_COMPLETE\tjobs');

    expect(cfn(['delete-stack', '--stack-name', 'queues']).status).toBe(0);
    expect(cfn(['wait', 'stack-delete-complete', '--stack-name', 'queues']).status).toBe(0);
    const gone = cfn(['describe-stacks', '--stack-name', 'queues']);
    expect(gone.stderr.trim()).toBe('An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id queues does not exist');
  });

  it('answers bad templates, parameters and capabilities with CloudFormation\'s errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfn-bad-'));
    writeFileSync(join(dir, 'nope.yaml'), 'Resources:\n  X:\n    Type: AWS::EC2::Nope\n');
    const r = cfn(['create-stack', '--stack-name', 'bad', '--template-body', 'file://nope.yaml'], { cwd: dir });
    expect([r.status, r.stderr.trim()]).toEqual([254, 'An error occurred (ValidationError) when calling the CreateStack operation: Template format error: Unrecognized resource types: [AWS::EC2::Nope]']);
    const caps = cfn(['create-stack', '--stack-name', 'role', '--template-body', `file://${join(FIXTURES, 'iam-role.yaml')}`]);
    expect(caps.stderr.trim()).toBe('An error occurred (InsufficientCapabilitiesException) when calling the CreateStack operation: Requires capabilities : [CAPABILITY_IAM]');
    const pattern = cfn(['create-stack', '--stack-name', 'p', '--template-body', `file://${join(FIXTURES, 'queues.yaml')}`, '--parameters', 'ParameterKey=QueueSuffix,ParameterValue=UPPER']);
    expect(pattern.stderr.trim()).toBe("An error occurred (ValidationError) when calling the CreateStack operation: Parameter 'QueueSuffix' must match pattern [a-z]+");
    expect(json(['list-stacks']).StackSummaries.filter((s: any) => ['bad', 'role', 'p'].includes(s.StackName))).toEqual([]);
  });

  it('reads --template-url from the lab\'s S3, and the book\'s URLs from the imported copy of its code', () => {
    expect(awsCli(lab(), ['s3', 'mb', 's3://templates-lab']).status).toBe(0);
    expect(awsCli(lab(), ['s3', 'cp', join(FIXTURES, 'queues.yaml'), 's3://templates-lab/queues.yaml']).status).toBe(0);
    for (const [name, url] of [
      ['path-style', 'https://s3.amazonaws.com/templates-lab/queues.yaml'],
      ['virtual', 'https://templates-lab.s3.amazonaws.com/queues.yaml'],
      ['regional', 'https://s3.us-east-1.amazonaws.com/templates-lab/queues.yaml'],
    ]) {
      expect(cfn(['create-stack', '--stack-name', name!, '--template-url', url!]).status).toBe(0);
    }
    const missing = cfn(['create-stack', '--stack-name', 'm', '--template-url', 'https://s3.amazonaws.com/templates-lab/nope.yaml']);
    expect(missing.stderr.trim()).toBe('An error occurred (ValidationError) when calling the CreateStack operation: S3 error: The specified key does not exist.');
    const elsewhere = cfn(['create-stack', '--stack-name', 'm', '--template-url', 'https://example.com/t.yaml']);
    expect(elsewhere.stderr.trim()).toBe('An error occurred (ValidationError) when calling the CreateStack operation: TemplateURL must be a supported URL.');

    const bookUrl = 'https://s3.amazonaws.com/awsinaction-code2/chapter04/virtualmachine.yaml';
    const before = cfn(['create-stack', '--stack-name', 'book', '--template-url', bookUrl]);
    expect(before.stderr.trim()).toBe(
      `An error occurred (ValidationError) when calling the CreateStack operation: ${bookUrl} is in the book's code repository (AWSinAction/code2), which this lab has not imported yet. Download the repository once (a folder or a zip) and run \`nimbus import-book-code PATH\`.`,
    );
    // Our own stand-in for the repository (the project never ships the book's code).
    const repo = mkdtempSync(join(tmpdir(), 'code2-'));
    mkdirSync(join(repo, 'code2-master', 'chapter04'), { recursive: true });
    writeFileSync(join(repo, 'code2-master', 'chapter04', 'virtualmachine.yaml'), 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
    const imported = spawnSync(process.execPath, [join(repoRoot, 'bin', 'nimbus'), 'import-book-code', repo, '--data', lab().dataDir], { encoding: 'utf8' });
    expect(imported.stdout.trim()).toBe(`Imported the book's code into ${join(lab().dataDir, 'book-code')}: the book's template URLs now resolve in this lab.`);
    expect(cfn(['create-stack', '--stack-name', 'book', '--template-url', 'https://raw.githubusercontent.com/AWSinAction/code2/master/chapter04/virtualmachine.yaml']).status).toBe(0);
    expect(cfn(['wait', 'stack-create-complete', '--stack-name', 'book']).status).toBe(0);
  });

  // `aws cloudformation package` of CLI 2.9 sends its S3 upload to AWS itself (--endpoint-url only
  // reaches the CloudFormation client), so the test uploads the code and writes the packaged template.
  it('deploy of a packaged SAM template (change sets), then deploy again with no changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfn-sam-'));
    // A real package: Lambda unzips it when the stack creates the function.
    writeFileSync(join(dir, 'code.zip'), createZip([{ name: 'index.py', data: Buffer.from('def handler(event, context):\n    return event\n'), mtimeMs: 0 }]));
    expect(awsCli(lab(), ['s3', 'mb', 's3://artifacts-lab']).status).toBe(0);
    expect(awsCli(lab(), ['s3', 'cp', join(dir, 'code.zip'), 's3://artifacts-lab/0123abcd']).status).toBe(0);
    writeFileSync(
      join(dir, 'output.yaml'),
      'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: python3.12\n      CodeUri: s3://artifacts-lab/0123abcd\n',
    );
    const deploy = cfn(['deploy', '--stack-name', 'sam', '--template-file', 'output.yaml', '--capabilities', 'CAPABILITY_IAM'], { cwd: dir });
    expect(deploy.stderr).toBe('');
    expect(deploy.stdout).toContain('Successfully created/updated stack - sam');
    expect(json(['describe-stacks', '--stack-name', 'sam']).Stacks[0].StackStatus).toBe('CREATE_COMPLETE');
    const again = cfn(['deploy', '--stack-name', 'sam', '--template-file', 'output.yaml', '--capabilities', 'CAPABILITY_IAM'], { cwd: dir });
    expect(again.stdout).toContain('No changes to deploy. Stack sam is up to date');
    expect(again.status).toBe(0);
  });
});
