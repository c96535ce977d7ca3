/**
 * `aws cloudformation package` (uploads local artifacts a template points to and rewrites the
 * template) and `deploy` (create or update through a change set), over CloudFormation and S3 calls.
 */
import { posix } from 'node:path';
import { dumpCliTemplate, exportTemplate, parseCliTemplate } from './cloudformation-package';
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

async function packageCommand(session: Session, args: string[]): Promise<number> {
  const { values, extras } = parseKnownArgs(args, { options: PACKAGE_OPTIONS, positionals: [] });
  if (extras.length > 0) throw new UnknownArgumentsError(extras);
  const host = session.host;
  const templatePath = resolvePath(host, String(values.get('template-file')));
  const st = await host.fs.stat(templatePath).catch(() => undefined);
  if (!st?.isFile) throw new GeneralError(`Invalid template path ${values.get('template-file')}`);
  const template = parseCliTemplate(Buffer.from(await host.fs.readFile(templatePath)).toString('utf8'));
  const metadata = values.get('metadata') as string[] | undefined;
  await exportTemplate(session, template, posix.dirname(templatePath), {
    bucket: String(values.get('s3-bucket')),
    prefix: values.get('s3-prefix') as string | undefined,
    kmsKeyId: values.get('kms-key-id') as string | undefined,
    forceUpload: !!values.get('force-upload'),
    metadata: metadata ? Object.fromEntries(metadata.flatMap((m) => m.split(',')).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) : undefined,
  });
  // json.dumps(indent=4) ends without a newline; the YAML dump ends with one.
  const rendered = values.get('use-json') ? JSON.stringify(template, null, 4) : dumpCliTemplate(template);
  host.stdout('\n');
  const outFile = values.get('output-template-file') as string | undefined;
  if (outFile) {
    await host.fs.writeFile(resolvePath(host, outFile), Buffer.from(rendered));
    host.stdout(`Successfully packaged artifacts and wrote output template to file ${outFile}.\nExecute the following command to deploy the packaged template\naws cloudformation deploy --template-file ${resolvePath(host, outFile)} --stack-name <YOUR STACK NAME>\n`);
  } else host.stdout(rendered);
  return 0;
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
  const overrides = new Map(((values.get('parameter-overrides') as string[] | undefined) ?? []).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const));
  // Every parameter of the template: an override's value, else the previous value (awscli's merge_parameters).
  const declared = parseCliTemplate(body).Parameters;
  const merged =
    declared && typeof declared === 'object' && !Array.isArray(declared)
      ? Object.keys(declared).map((k) => (overrides.has(k) ? { ParameterKey: k, ParameterValue: overrides.get(k) } : { ParameterKey: k, UsePreviousValue: true }))
      : [];
  let exists = false;
  try {
    const res = await session.call('cloudformation', 'DescribeStacks', { StackName: stackName });
    const status = (res.Stacks as { StackStatus?: string }[] | undefined)?.[0]?.StackStatus;
    exists = status !== undefined && status !== 'REVIEW_IN_PROGRESS';
  } catch (e) {
    if (!(e instanceof ClientError) || e.code !== 'ValidationError') throw e;
  }
  // A new stack has no previous values: awscli's deployer drops those parameters (their Default applies).
  const parameters = exists ? merged : merged.filter((p) => !('UsePreviousValue' in p));
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
