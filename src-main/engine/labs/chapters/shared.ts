/** Checks and solver pieces several chapters share (key pair mykey, the key file, instances by name). */
import { arr, describeImageName, describeInstances, ifExists, isLive, nameOf, str, waitFor, type Instance, type Obj } from '../cloud';
import { join } from 'node:path';
import { chapterFile, chapterFolder } from '../content';
import { failed, passed, type ChapterDefinition, type CheckResult, type HistoryRow, type MachineTarget, type StepContext } from '../types';

export const BOOK_REGION = 'us-east-1';
export const KEY_NAME = 'mykey';

export async function keyPairExists(ctx: StepContext, region: string, name: string): Promise<boolean> {
  const out = await ctx.aws('ec2', 'DescribeKeyPairs', {}, region);
  return arr(out.KeyPairs).some((k) => k.KeyName === name);
}

/** Creates a key pair the way the console does and saves the private key in the workstation's home. */
export async function createKeyPairAndSave(ctx: StepContext, region: string, name: string): Promise<void> {
  const out = await ctx.console('ec2', 'CreateKeyPair', { KeyName: name }, region);
  const material = str(out.KeyMaterial) ?? '';
  if (ctx.deps.machines) {
    const b64 = Buffer.from(material).toString('base64');
    await ctx.deps.machines.run({ kind: 'workstation' }, `echo '${b64}' | base64 -d > ~/${name}.pem`);
  }
}

export const WORKSTATION: MachineTarget = { kind: 'workstation' };

/** Types a command into the learner's workstation terminal ("Show me"), or runs it when none is open. */
export async function typeOn(ctx: StepContext, target: MachineTarget, line: string): Promise<string> {
  const m = ctx.deps.machines;
  if (!m) throw new Error('the lab has no terminals in this build');
  const out = await (m.type ?? m.run).call(m, target, line);
  if (out.exitCode !== 0) throw new Error(`'${line}' exited with ${out.exitCode}: ${out.stderr.trim() || out.stdout.trim()}`);
  return out.stdout;
}

/** What the earlier chapters leave behind: the key pair mykey, its private key in ~/mykey.pem with mode 400. */
export async function prepareMykey(ctx: StepContext): Promise<void> {
  if (!ctx.deps.hasOperation('ec2', 'DescribeKeyPairs') || !ctx.deps.hasOperation('ec2', 'CreateKeyPair')) return;
  if (await keyPairExists(ctx, BOOK_REGION, KEY_NAME)) return;
  await createKeyPairAndSave(ctx, BOOK_REGION, KEY_NAME);
  await ctx.deps.machines?.run(WORKSTATION, `chmod 400 ~/${KEY_NAME}.pem`);
}

/** The user an AMI lets in over ssh: ubuntu on Ubuntu images, ec2-user on Amazon Linux. */
export async function loginUser(ctx: StepContext, region: string, i: Instance): Promise<string> {
  const name = await describeImageName(ctx, region, String(i.ImageId ?? ''));
  return name?.startsWith('ubuntu') ? 'ubuntu' : 'ec2-user';
}

/** Where ssh goes for an instance: its public DNS name, else its public address. */
export const sshHost = (i: Instance): string | undefined => str(i.PublicDnsName) || str(i.PublicIpAddress);

/**
 * "Show me" the book's way onto an instance: in the workstation terminal, make the key private
 * (chmod 400), ssh in with it (answering yes to the host-key question on first contact), type the
 * commands into the instance's shell, and log out. Returns what each command printed.
 */
export async function overSsh(ctx: StepContext, login: { host: string; user: string; key: string }, lines: string[]): Promise<string[]> {
  const m = ctx.deps.machines;
  if (!m?.type) throw new Error('the lab has no terminals in this build');
  const type = m.type.bind(m);
  await typeOn(ctx, WORKSTATION, `chmod 400 ~/${login.key}.pem`);
  const command = `ssh -i ~/${login.key}.pem ${login.user}@${login.host}`;
  let out = await type(WORKSTATION, command);
  if (/\(yes\/no[^)]*\)\? ?$/.test(out.stdout)) out = await type(WORKSTATION, 'yes');
  // A failed ssh is back at the workstation's prompt with status 255 (the chmod before left 0).
  if (out.exitCode !== 0) throw new Error(`'${command}' exited with ${out.exitCode}: ${out.stdout.trim().split('\n').slice(-2).join(' ')}`);
  const printed: string[] = [];
  try {
    for (const line of lines) printed.push(await typeOn(ctx, WORKSTATION, line));
  } finally {
    await type(WORKSTATION, 'exit');
  }
  return printed;
}

/**
 * Whether someone logged in to the instance over ssh: the login record sshd leaves on the machine
 * (what `last` and the next login's "Last login: … from …" line read), for any user.
 */
export async function lastLogin(ctx: StepContext, region: string, instanceId: string): Promise<string | undefined> {
  const out = await ctx.deps.machines!.run({ kind: 'instance', instanceId, region, user: 'root' }, 'cat /var/lib/nimbus/lastlog-* 2>/dev/null');
  return out.stdout.split('\n').find((l) => l.startsWith('Last login:'))?.trim();
}

/** The key file check of §1.8.3: ~/NAME.pem (anywhere under the home folder) with mode 400. */
export async function checkKeyFile(ctx: StepContext, name: string): Promise<CheckResult> {
  const out = await ctx.deps.machines!.run(WORKSTATION, `find ~ -name '${name}.pem' -type f -exec stat -c '%a %n' {} \\;`);
  const files = out.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    // Permission bits only (the guest's stat prints the file-type bits with %a too: 100400).
    .map((l) => ({ mode: (parseInt(l.slice(0, l.indexOf(' ')), 8) & 0o777).toString(8), path: l.slice(l.indexOf(' ') + 1) }));
  if (files.length === 0)
    return failed(`There is no ${name}.pem in your workstation's home folder. Download it when you create the key pair (it is shown only once).`);
  const good = files.find((f) => f.mode === '400');
  if (good) return passed(`${good.path} is readable only by you (mode 400).`);
  const f = files[0]!;
  return failed(`${f.path} has mode ${f.mode}; ssh refuses keys others can read. Run chmod 400 ${f.path}.`);
}

/** Live (not terminated) instances tagged Name=name in a region. */
export async function liveByName(ctx: StepContext, region: string, name: string): Promise<Instance[]> {
  return (await describeInstances(ctx, region)).filter((i) => isLive(i) && nameOf(i) === name);
}

export async function instanceById(ctx: StepContext, region: string, id: string | undefined): Promise<Instance | undefined> {
  if (!id) return undefined;
  return (await describeInstances(ctx, region)).find((i) => i.InstanceId === id);
}

/** One stack by name, or undefined when CloudFormation has none by that name. */
export async function describeStack(ctx: StepContext, region: string, name: string): Promise<Obj | undefined> {
  return arr((await ifExists(ctx.aws('cloudformation', 'DescribeStacks', { StackName: name }, region)))?.Stacks)[0];
}

/** Waits (warping the clock) until a stack reaches `done`; a failed or rolled-back stack is an error. */
export async function waitStackStatus(ctx: StepContext, region: string, name: string, done: string): Promise<void> {
  await waitFor(ctx, `stack ${name} to reach ${done}`, async () => {
    const s = await describeStack(ctx, region, name);
    const st = String(s?.StackStatus ?? 'DELETE_COMPLETE');
    if (st === done) return st;
    if (st.endsWith('_FAILED') || st.endsWith('ROLLBACK_COMPLETE')) throw new Error(`stack ${name} ended in ${st}: ${String(s?.StackStatusReason ?? '')}`);
    return undefined;
  });
}

/** Outputs of a stack by key. */
export async function stackOutputs(ctx: StepContext, region: string, name: string): Promise<Map<string, string>> {
  const s = arr((await ctx.aws('cloudformation', 'DescribeStacks', { StackName: name }, region)).Stacks)[0];
  return new Map(arr(s?.Outputs).map((o) => [String(o.OutputKey), String(o.OutputValue)]));
}

/** Deletes every live stack of the region whose name is listed, and waits until each is gone. */
export async function deleteStacks(ctx: StepContext, region: string, names: string[]): Promise<void> {
  if (!ctx.deps.hasOperation('cloudformation', 'DescribeStacks') || !ctx.deps.hasOperation('cloudformation', 'DeleteStack')) return;
  const live = arr((await ctx.aws('cloudformation', 'DescribeStacks', {}, region)).Stacks).filter(
    (s) => names.includes(String(s.StackName)) && s.StackStatus !== 'DELETE_COMPLETE',
  );
  for (const s of live) await ctx.console('cloudformation', 'DeleteStack', { StackName: s.StackName }, region);
  for (const s of live) {
    const name = String(s.StackName);
    try {
      await waitStackStatus(ctx, region, name, 'DELETE_COMPLETE');
    } catch (e) {
      if (!(e instanceof Error) || !e.message.includes('DELETE_FAILED')) throw e;
      // DELETE_FAILED: a resource was still in use by one that was going away at the same time (a
      // subnet and its NAT gateway). What a learner does: wait until the VPC console shows the NAT
      // gateway deleted, then delete the stack again.
      if (ctx.deps.hasOperation('ec2', 'DescribeNatGateways'))
        await waitFor(ctx, 'NAT gateways to finish deleting', async () =>
          arr((await ctx.aws('ec2', 'DescribeNatGateways', {}, region)).NatGateways).some((n) => n.State === 'deleting') ? undefined : true,
        );
      await ctx.console('cloudformation', 'DeleteStack', { StackName: name }, region);
      await waitStackStatus(ctx, region, name, 'DELETE_COMPLETE');
    }
  }
}

/** Creates a stack from one of the chapter's own templates the way the console does, and waits for it. */
export async function createChapterStack(
  ctx: StepContext,
  chapter: ChapterDefinition,
  name: string,
  file: string,
  params: Record<string, string>,
  capabilities: string[] = [],
): Promise<void> {
  await ctx.console(
    'cloudformation',
    'CreateStack',
    {
      StackName: name,
      TemplateBody: chapterFile(ctx.deps.resourcesDir, chapter, file),
      Parameters: Object.entries(params).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
      ...(capabilities.length ? { Capabilities: capabilities } : {}),
    },
    BOOK_REGION,
  );
  await waitStackStatus(ctx, BOOK_REGION, name, 'CREATE_COMPLETE');
}

export const CLI_USER = 'mycli';
const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';

/**
 * What chapter 4 leaves behind: the IAM user mycli with AdministratorAccess, and the workstation's
 * CLI configured with a key of it for us-east-1 (aws configure). Used by chapters that type CLI
 * commands; a learner who already did chapter 4 keeps their own configuration.
 */
export async function prepareMycli(ctx: StepContext): Promise<void> {
  const m = ctx.deps.machines;
  const ops = ['GetUser', 'CreateUser', 'AttachUserPolicy', 'ListAccessKeys', 'CreateAccessKey', 'DeleteAccessKey'];
  if (!m || !ops.every((op) => ctx.deps.hasOperation('iam', op))) return;
  const who = await m.run(WORKSTATION, 'aws sts get-caller-identity --query Arn --output text');
  if (who.exitCode === 0 && who.stdout.trim().endsWith(`:user/${CLI_USER}`)) return;
  if (!(await ifExists(ctx.aws('iam', 'GetUser', { UserName: CLI_USER })))) {
    await ctx.console('iam', 'CreateUser', { UserName: CLI_USER });
    await ctx.console('iam', 'AttachUserPolicy', { UserName: CLI_USER, PolicyArn: ADMIN_POLICY });
  }
  // IAM allows two keys per user: make room for the one the workstation gets, as a learner would.
  const keys = arr((await ctx.aws('iam', 'ListAccessKeys', { UserName: CLI_USER })).AccessKeyMetadata);
  if (keys.length >= 2) await ctx.console('iam', 'DeleteAccessKey', { UserName: CLI_USER, AccessKeyId: keys[0]!.AccessKeyId });
  const key = (await ctx.console('iam', 'CreateAccessKey', { UserName: CLI_USER })).AccessKey as Obj;
  for (const [k, v] of [['aws_access_key_id', key.AccessKeyId], ['aws_secret_access_key', key.SecretAccessKey], ['region', BOOK_REGION], ['output', 'json']])
    await m.run(WORKSTATION, `aws configure set ${String(k)} ${String(v)}`);
}

/** mycli's access key as the learner's computer has it: the one the workstation's CLI was configured with. */
export async function mycliKey(ctx: StepContext): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const get = async (k: string): Promise<string> => (await ctx.deps.machines!.run(WORKSTATION, `aws configure get ${k}`)).stdout.trim();
  const accessKeyId = ctx.notes.get('accessKeyId') ?? (await get('aws_access_key_id'));
  const secretAccessKey = ctx.notes.get('secretAccessKey') ?? (await get('aws_secret_access_key'));
  if (!accessKeyId || !secretAccessKey) throw new Error(`configure the CLI with ${CLI_USER}'s access key first: the program uses the same key`);
  return { accessKeyId, secretAccessKey };
}

/**
 * Runs one of the chapter's Node.js programs (resources/labs/<chapter>/<file>) on the learner's
 * computer with mycli's key, as `nimbus exec` would; a failure is an error with what it printed.
 */
export async function runChapterProgram(ctx: StepContext, chapter: ChapterDefinition, file: string, args: string[]): Promise<string> {
  const program = join(ctx.deps.resourcesDir, 'labs', chapterFolder(chapter), file);
  const out = await ctx.deps.programs!.node(program, args, { ...(await mycliKey(ctx)), region: BOOK_REGION });
  if (out.exitCode !== 0) throw new Error(`node ${file} ${args.join(' ')} exited with ${out.exitCode}: ${out.stderr.trim() || out.stdout.trim()}`);
  return out.stdout;
}

/**
 * A request an AWS SDK sent over the lab's endpoint (SigV4-signed HTTP, not the lab's own terminal
 * CLI, and not the AWS CLI, whose botocore says so first in its user agent).
 */
export const bySdk = (r: HistoryRow): boolean =>
  r.source === 'api' && /aws-sdk-(nodejs|js)\/|\bBoto3\/|aws-sdk-(java|go|php|ruby|dotnet)/i.test(r.userAgent ?? '') && !/^aws-cli\//.test(r.userAgent ?? '');
