/**
 * `aws cloudformation package` (uploads local artifacts a template points to and rewrites the
 * template) and `deploy` (create or update through a change set), over CloudFormation and S3 calls.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import YAML from 'yaml';
import type { Session } from './session';
import { parseKnownArgs, type OptionSpec } from './argparse';
import { ClientError, GeneralError, UnknownArgumentsError } from './errors';
import { resolvePath } from './files';

export const CLOUDFORMATION_COMMANDS = ['deploy', 'package'];

const flag = (name: string): OptionSpec => ({ flag: `--${name}`, dest: name, nargs: 0 });
const opt = (name: string, required = false): OptionSpec => ({ flag: `--${name}`, dest: name, nargs: 1, required });
const list = (name: string): OptionSpec => ({ flag: `--${name}`, dest: name, nargs: '*' });

const PACKAGE_OPTIONS = [opt('template-file', true), opt('s3-bucket', true), opt('s3-prefix'), opt('kms-key-id'), opt('output-template-file'), flag('use-json'), flag('force-upload'), list('metadata')];
const DEPLOY_OPTIONS = [
  opt('template-file', true), opt('stack-name', true), opt('s3-bucket'), opt('s3-prefix'), opt('kms-key-id'), flag('force-upload'), list('parameter-overrides'), list('capabilities'),
  flag('no-execute-changeset'), opt('role-arn'), list('notification-arns'), flag('fail-on-empty-changeset'), flag('no-fail-on-empty-changeset'), list('tags'), flag('disable-rollback'),
];

/** Properties holding a local path that `package` uploads, per resource type. */
const ARTIFACTS: Record<string, string> = {
  'AWS::Serverless::Function': 'CodeUri',
  'AWS::Lambda::Function': 'Code',
  'AWS::Serverless::Api': 'DefinitionUri',
  'AWS::ElasticBeanstalk::ApplicationVersion': 'SourceBundle',
  'AWS::CloudFormation::Stack': 'TemplateURL',
};

async function packageCommand(session: Session, args: string[]): Promise<number> {
  const { values, extras } = parseKnownArgs(args, { options: PACKAGE_OPTIONS, positionals: [] });
  if (extras.length > 0) throw new UnknownArgumentsError(extras);
  const host = session.host;
  const templatePath = resolvePath(host, String(values.get('template-file')));
  const st = await host.fs.stat(templatePath).catch(() => undefined);
  if (!st?.isFile) throw new GeneralError(`Invalid template path ${values.get('template-file')}`);
  const text = Buffer.from(await host.fs.readFile(templatePath)).toString('utf8');
  const template = YAML.parse(text) as { Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }> };
  const bucket = String(values.get('s3-bucket'));
  const prefix = values.get('s3-prefix') ? `${String(values.get('s3-prefix'))}/` : '';
  const baseDir = posix.dirname(templatePath);
  for (const resource of Object.values(template.Resources ?? {})) {
    const prop = ARTIFACTS[resource.Type ?? ''];
    if (!prop || !resource.Properties) continue;
    const value = resource.Properties[prop] ?? (resource.Type === 'AWS::Serverless::Function' ? '.' : undefined);
    if (typeof value !== 'string' || /^s3:\/\//.test(value) || /^https?:\/\//.test(value)) continue;
    const local = posix.resolve(baseDir, value);
    const data = await collect(session, local);
    const key = `${prefix}${createHash('md5').update(data).digest('hex')}`;
    try {
      await session.call('s3', 'PutObject', { Bucket: bucket, Key: key, Body: data });
    } catch (e) {
      if (e instanceof ClientError) throw new GeneralError(`Unable to upload artifact ${value} referenced by ${prop} parameter of ${resource.Type} resource.\n${e.message}`);
      throw e;
    }
    host.stdout(`Uploading to ${key}  ${data.length} / ${data.length}.0  (100.00%)\n`);
    resource.Properties[prop] = resource.Type === 'AWS::Lambda::Function' ? { S3Bucket: bucket, S3Key: key } : `s3://${bucket}/${key}`;
  }
  const rendered = values.get('use-json') ? `${JSON.stringify(template, null, 4)}\n` : YAML.stringify(template);
  const outFile = values.get('output-template-file') as string | undefined;
  if (outFile) {
    await host.fs.writeFile(resolvePath(host, outFile), Buffer.from(rendered));
    host.stdout(`\nSuccessfully packaged artifacts and wrote output template to file ${outFile}.\nExecute the following command to deploy the packaged template\naws cloudformation deploy --template-file ${resolvePath(host, outFile)} --stack-name <YOUR STACK NAME>\n`);
  } else host.stdout(rendered);
  return 0;
}

/** A directory is zipped by the real CLI; the lab stores its files concatenated with their names. */
async function collect(session: Session, path: string): Promise<Buffer> {
  const st = await session.host.fs.stat(path);
  if (!st) throw new GeneralError(`Parameter CodeUri of resource points to a non-existent file or directory ${path}`);
  if (st.isFile) return Buffer.from(await session.host.fs.readFile(path));
  const parts: Buffer[] = [];
  for (const name of (await session.host.fs.readdir(path)).sort()) {
    const full = posix.join(path, name);
    const s = await session.host.fs.stat(full);
    if (s?.isFile) parts.push(Buffer.from(`${name}\n`), Buffer.from(await session.host.fs.readFile(full)));
  }
  return Buffer.concat(parts);
}

async function deployCommand(session: Session, args: string[]): Promise<number> {
  const { values, extras } = parseKnownArgs(args, { options: DEPLOY_OPTIONS, positionals: [] });
  if (extras.length > 0) throw new UnknownArgumentsError(extras);
  const host = session.host;
  const stackName = String(values.get('stack-name'));
  const templatePath = resolvePath(host, String(values.get('template-file')));
  const st = await host.fs.stat(templatePath).catch(() => undefined);
  if (!st?.isFile) throw new GeneralError(`Invalid template path ${values.get('template-file')}`);
  const body = Buffer.from(await host.fs.readFile(templatePath)).toString('utf8');
  const parameters = ((values.get('parameter-overrides') as string[] | undefined) ?? []).map((p) => {
    const eq = p.indexOf('=');
    return { ParameterKey: p.slice(0, eq), ParameterValue: p.slice(eq + 1) };
  });
  let exists = false;
  try {
    const res = await session.call('cloudformation', 'DescribeStacks', { StackName: stackName });
    const status = (res.Stacks as { StackStatus?: string }[] | undefined)?.[0]?.StackStatus;
    exists = status !== undefined && status !== 'REVIEW_IN_PROGRESS';
  } catch (e) {
    if (!(e instanceof ClientError) || e.code !== 'ValidationError') throw e;
  }
  const changeSetName = `awscli-cloudformation-package-deploy-${Math.floor(host.now() / 1000)}`;
  const created = await session.call('cloudformation', 'CreateChangeSet', {
    StackName: stackName,
    ChangeSetName: changeSetName,
    TemplateBody: body,
    ChangeSetType: exists ? 'UPDATE' : 'CREATE',
    Parameters: parameters,
    Capabilities: values.get('capabilities') ?? undefined,
    Description: `Created by AWS CLI at ${new Date(host.now()).toISOString()} UTC`,
  });
  host.stdout(`\nWaiting for changeset to be created..\n`);
  for (let i = 0; i < 120; i++) {
    const cs = await session.call('cloudformation', 'DescribeChangeSet', { ChangeSetName: created.Id, StackName: stackName });
    if (cs.Status === 'CREATE_COMPLETE') break;
    if (cs.Status === 'FAILED') {
      const reason = String(cs.StatusReason ?? '');
      if (/didn't contain changes|No updates are to be performed/.test(reason)) {
        host.stdout(`\nNo changes to deploy. Stack ${stackName} is up to date\n`);
        return values.get('fail-on-empty-changeset') ? 255 : 0;
      }
      throw new GeneralError(`Failed to create the changeset: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: ${reason}`);
    }
    await host.sleep(5000);
  }
  if (values.get('no-execute-changeset')) {
    host.stdout(`Changeset created successfully. Run the following command to review changes:\naws cloudformation describe-change-set --change-set-name ${String(created.Id)}\n`);
    return 0;
  }
  await session.call('cloudformation', 'ExecuteChangeSet', { ChangeSetName: created.Id, StackName: stackName });
  host.stdout(`Waiting for stack create/update to complete\n`);
  for (let i = 0; i < 720; i++) {
    const res = await session.call('cloudformation', 'DescribeStacks', { StackName: stackName });
    const status = String((res.Stacks as { StackStatus?: string }[] | undefined)?.[0]?.StackStatus ?? '');
    if (status.endsWith('_COMPLETE') && !status.includes('ROLLBACK')) {
      host.stdout(`Successfully created/updated stack - ${stackName}\n`);
      return 0;
    }
    if (status.endsWith('FAILED') || status.includes('ROLLBACK_COMPLETE')) throw new GeneralError(`\nFailed to create/update the stack. Run the following command\nto fetch the list of events leading up to the failure\naws cloudformation describe-stack-events --stack-name ${stackName}`);
    await host.sleep(30000);
  }
  return 0;
}

export function runCloudFormationCustom(session: Session, command: string, args: string[]): Promise<number> {
  return command === 'package' ? packageCommand(session, args) : deployCommand(session, args);
}
