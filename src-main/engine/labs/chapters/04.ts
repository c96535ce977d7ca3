/** Chapter 4: the CLI with an IAM user, a VM script, the SDK, a CloudFormation blueprint (§4.2-§4.4). */
import { arr, defaultSubnet, describeInstances, ifExists, isLive, str, type Obj } from '../cloud';
import { chapterFile } from '../content';
import { failed, passed, type ChapterDefinition, type StepContext } from '../types';
import { BOOK_REGION, bySdk, createKeyPairAndSave, KEY_NAME, keyPairExists, runChapterProgram, typeOn, waitStackStatus, WORKSTATION } from './shared';

const USER = 'mycli';
const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
const byUser = (arn: string): boolean => arn.endsWith(`:user/${USER}`);

async function hasAdmin(ctx: StepContext, user: string): Promise<boolean> {
  const direct = arr((await ctx.aws('iam', 'ListAttachedUserPolicies', { UserName: user })).AttachedPolicies);
  if (direct.some((p) => p.PolicyArn === ADMIN_POLICY)) return true;
  for (const g of arr((await ctx.aws('iam', 'ListGroupsForUser', { UserName: user })).Groups)) {
    const att = arr((await ctx.aws('iam', 'ListAttachedGroupPolicies', { GroupName: g.GroupName })).AttachedPolicies);
    if (att.some((p) => p.PolicyArn === ADMIN_POLICY)) return true;
  }
  return false;
}

/** Live stacks of us-east-1 that have an InstanceType parameter (the blueprint of §4.4). */
async function blueprintStacks(ctx: StepContext): Promise<Obj[]> {
  const stacks = arr((await ctx.aws('cloudformation', 'DescribeStacks', {}, BOOK_REGION)).Stacks);
  return stacks.filter((s) => s.StackStatus !== 'DELETE_COMPLETE' && arr(s.Parameters).some((p) => p.ParameterKey === 'InstanceType'));
}

const param = (s: Obj, key: string): string | undefined => str(arr(s.Parameters).find((p) => p.ParameterKey === key)?.ParameterValue);

const waitStack = (ctx: StepContext, name: string, done: string): Promise<void> => waitStackStatus(ctx, BOOK_REGION, name, done);

export const chapter04: ChapterDefinition = {
  number: 4,
  slug: 'programming',
  title: 'Programming your infrastructure: CLI, SDKs, CloudFormation',
  sections: '§4.2-§4.4',
  keeps: [`iam::user:${USER}`],
  costs: [
    { item: 'machine from the script, t2.micro', region: BOOK_REGION, instanceType: 't2.micro', count: 1, hours: 0.25 },
    { item: 'machine from the SDK program, t2.micro', region: BOOK_REGION, instanceType: 't2.micro', count: 1, hours: 0.25 },
    { item: 'blueprint machine, t2.micro then t2.small', region: BOOK_REGION, instanceType: 't2.small', count: 1, hours: 0.5 },
  ],
  async prepare(ctx) {
    if (!ctx.deps.hasOperation('ec2', 'CreateKeyPair') || !ctx.deps.hasOperation('ec2', 'DescribeKeyPairs')) return;
    if (!(await keyPairExists(ctx, BOOK_REGION, KEY_NAME))) await createKeyPairAndSave(ctx, BOOK_REGION, KEY_NAME);
  },
  steps: [
    {
      id: 'cli-user',
      title: 'An IAM user for the CLI',
      section: '§4.2.3',
      needs: [{ op: 'iam:GetUser' }, { op: 'iam:ListAttachedUserPolicies' }, { op: 'iam:ListGroupsForUser' }, { op: 'iam:ListAccessKeys' }],
      solveNeeds: [{ op: 'iam:CreateUser' }, { op: 'iam:AttachUserPolicy' }, { op: 'iam:CreateAccessKey' }],
      hints: [
        'The CLI should not use the root user: make a user with programmatic access.',
        'IAM > Users > Create user mycli, attach the policy AdministratorAccess, then create an access key for it.',
      ],
      async check(ctx) {
        const user = await ifExists(ctx.aws('iam', 'GetUser', { UserName: USER }));
        if (!user) return failed(`There is no IAM user named ${USER} yet.`);
        if (!(await hasAdmin(ctx, USER))) return failed(`${USER} exists but has no AdministratorAccess (attach it to the user or to one of its groups).`);
        const keys = arr((await ctx.aws('iam', 'ListAccessKeys', { UserName: USER })).AccessKeyMetadata).filter((k) => k.Status === 'Active');
        if (keys.length === 0) return failed(`${USER} has no active access key: create one and keep its secret.`);
        return passed(`${USER} has AdministratorAccess and the access key ${String(keys[0]!.AccessKeyId)}.`);
      },
      async solve(ctx) {
        await ctx.console('iam', 'CreateUser', { UserName: USER });
        await ctx.console('iam', 'AttachUserPolicy', { UserName: USER, PolicyArn: ADMIN_POLICY });
        const key = (await ctx.console('iam', 'CreateAccessKey', { UserName: USER })).AccessKey as Obj;
        ctx.notes.set('accessKeyId', String(key.AccessKeyId));
        ctx.notes.set('secretAccessKey', String(key.SecretAccessKey));
      },
    },
    {
      id: 'configure',
      title: 'aws configure',
      section: '§4.2.3',
      needs: [{ machine: 'workstation' }],
      hints: [
        'The CLI keeps keys in ~/.aws/credentials and the region in ~/.aws/config.',
        'aws configure: paste the access key id and secret of mycli, region us-east-1, output json. Then aws sts get-caller-identity.',
      ],
      async check(ctx) {
        const out = await ctx.deps.machines!.run(WORKSTATION, 'aws sts get-caller-identity --query Arn --output text');
        const arn = out.stdout.trim();
        if (out.exitCode !== 0) return failed(`The CLI on your workstation cannot sign requests yet: ${out.stderr.trim()}`);
        if (!byUser(arn)) return failed(`The CLI works, but as ${arn}; configure the keys of ${USER}.`);
        const region = (await ctx.deps.machines!.run(WORKSTATION, 'aws configure get region')).stdout.trim();
        if (region !== BOOK_REGION) return failed(`The CLI acts as ${USER}, but its default region is ${region || 'not set'}; use ${BOOK_REGION}.`);
        return passed(`The CLI acts as ${arn} in ${BOOK_REGION}.`);
      },
      async solve(ctx) {
        const id = ctx.notes.get('accessKeyId');
        const secret = ctx.notes.get('secretAccessKey');
        if (!id || !secret) throw new Error(`run "Show me" on the previous step first: the lab needs the secret of a fresh ${USER} access key`);
        const m = ctx.deps.machines!;
        if (!m.type) {
          for (const [k, v] of [['aws_access_key_id', id], ['aws_secret_access_key', secret], ['region', BOOK_REGION], ['output', 'json']])
            await typeOn(ctx, WORKSTATION, `aws configure set ${k} ${v}`);
          return;
        }
        // aws configure asks four questions, one after the other.
        let out = await m.type(WORKSTATION, 'aws configure');
        for (const answer of [id, secret, BOOK_REGION, 'json']) {
          if (!/\]: $/.test(out.stdout)) throw new Error(`aws configure did not ask what the lab expected: ${out.stdout.trim()}`);
          out = await m.type(WORKSTATION, answer);
        }
        if (out.exitCode !== 0) throw new Error(`aws configure exited with ${out.exitCode}: ${out.stdout.trim()}`);
        await typeOn(ctx, WORKSTATION, 'aws sts get-caller-identity');
      },
    },
    {
      id: 'cli-explore',
      title: 'Ask EC2 questions with --query',
      section: '§4.2.4',
      needs: [],
      solveNeeds: [{ machine: 'workstation' }],
      hints: ['aws ec2 describe-regions, then aws ec2 describe-images --filters "Name=name,Values=amzn-ami-hvm-2017.09.1.*-x86_64-gp2" --query "Images[0].ImageId" --output text'],
      async check(ctx) {
        const rows = ctx.deps.history(ctx.chapterStartedAt).filter((r) => byUser(r.principalArn) && r.service === 'ec2' && r.operation.startsWith('Describe') && !r.errorCode);
        if (rows.length === 0) return failed(`No EC2 Describe… request signed by ${USER} yet.`);
        return passed(`${USER} asked EC2 ${rows.length} question(s) (${[...new Set(rows.map((r) => r.operation))].join(', ')}).`);
      },
      async solve(ctx) {
        await typeOn(ctx, WORKSTATION, 'aws ec2 describe-regions --output table');
        await typeOn(ctx, WORKSTATION, 'aws ec2 describe-images --filters "Name=name,Values=amzn-ami-hvm-2017.09.1.*-x86_64-gp2" --query "Images[0].ImageId" --output text');
      },
    },
    {
      id: 'script',
      title: 'A machine from a script',
      section: '§4.2.4',
      needs: [{ op: 'ec2:DescribeInstances' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'The script finds an image, the default VPC and a subnet, creates a group, opens SSH, starts a machine, waits, and tears everything down when you press Enter.',
        'Write it from the steps in §4.2.4 (or the lab\'s copy: resources/labs/04-programming/virtualmachine.sh), then bash virtualmachine.sh.',
      ],
      async check(ctx) {
        const ops = new Set(ctx.deps.history(ctx.chapterStartedAt).filter((r) => byUser(r.principalArn) && !r.errorCode).map((r) => r.operation));
        const need = ['CreateSecurityGroup', 'AuthorizeSecurityGroupIngress', 'RunInstances', 'TerminateInstances', 'DeleteSecurityGroup'];
        const missing = need.filter((o) => !ops.has(o));
        if (missing.length) return failed(`The script has not done this yet as ${USER}: ${missing.join(', ')}.`);
        return passed('The script created a machine and removed it again.');
      },
      async solve(ctx) {
        // The lab's copy of the script lands in the home folder, as if downloaded.
        const script = chapterFile(ctx.deps.resourcesDir, chapter04, 'virtualmachine.sh');
        await ctx.deps.machines!.run(WORKSTATION, `cat > ~/virtualmachine.sh <<'NIMBUS_SCRIPT_END'\n${script.replace(/\n$/, '')}\nNIMBUS_SCRIPT_END`);
        await typeOn(ctx, WORKSTATION, 'cat ~/virtualmachine.sh');
        // It stops at "Press [Enter]" while the machine runs (when the terminal lets it ask); Enter removes everything again.
        const m = ctx.deps.machines!;
        let out = await (m.type ?? m.run).call(m, WORKSTATION, 'bash ~/virtualmachine.sh');
        if (/Press \[Enter\][^\n]*$/.test(out.stdout) && m.type) out = await m.type(WORKSTATION, '');
        if (out.exitCode !== 0 || !/i-[0-9a-f]+ is up/.test(out.stdout) || !/done\.\s*$/.test(out.stdout))
          throw new Error(`virtualmachine.sh did not finish: ${out.stdout.trim().split('\n').slice(-4).join(' / ')}`);
      },
    },
    {
      id: 'sdk',
      title: 'Machines from a Node.js program',
      section: '§4.3',
      needs: [],
      solveNeeds: [{ programs: true }, { machine: 'workstation' }],
      hints: [
        `A program on your own computer signs its requests with ${USER}'s keys, like the CLI; nimbus exec hands it the lab's endpoint.`,
        'The lab ships a small program of the same shape as the book\'s nodecc: resources/labs/04-programming/nodecc/index.js (list, create, show, terminate).',
        `eval "$(nimbus env)", then export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY with ${USER}'s key; node index.js create mykey, node index.js show ID, node index.js terminate ID.`,
      ],
      async check(ctx) {
        const rows = ctx.deps.history(ctx.chapterStartedAt).filter((r) => !r.errorCode && r.service === 'ec2');
        const sdk = rows.filter((r) => bySdk(r) && byUser(r.principalArn));
        const ops = new Set(sdk.map((r) => r.operation));
        if (!ops.has('RunInstances')) {
          const other = rows.find((r) => bySdk(r) && r.operation === 'RunInstances');
          if (other) return failed(`A program created a machine, but signed as ${other.principalArn}; run it with ${USER}'s access key.`);
          return failed(`No program has created a machine through an AWS SDK with ${USER}'s keys yet.`);
        }
        if (!ops.has('TerminateInstances')) return failed('Your program created a machine; terminate it with the program too.');
        const agent = sdk.find((r) => r.operation === 'RunInstances')!.userAgent!.split(' ')[0];
        return passed(`Your program (${agent}) created and terminated a machine as ${USER}.`);
      },
      async solve(ctx) {
        // The learner's program runs on their computer with mycli's key (from aws configure).
        const nodecc = (...args: string[]): Promise<string> => runChapterProgram(ctx, chapter04, 'nodecc/index.js', args);
        const id = (await nodecc('create', KEY_NAME)).trim();
        await nodecc('show', id);
        await nodecc('terminate', id);
      },
    },
    {
      id: 'stack-create',
      title: 'A machine from a blueprint',
      section: '§4.4.2',
      retiredBy: ['stack-delete'],
      needs: [{ op: 'cloudformation:DescribeStacks' }],
      solveNeeds: [{ op: 'cloudformation:CreateStack' }],
      hints: [
        'A template declares parameters, resources and outputs; CloudFormation turns it into running infrastructure.',
        'CloudFormation > Create stack named server from the chapter\'s virtualmachine.yaml: InstanceType t2.micro, KeyName mykey, the default VPC and one of its subnets. Read PublicName on the Outputs tab.',
      ],
      async check(ctx) {
        const stacks = await blueprintStacks(ctx);
        if (stacks.length === 0) return failed('No stack with an InstanceType parameter exists in us-east-1 yet.');
        const ok = stacks.find((s) => s.StackStatus === 'CREATE_COMPLETE' || s.StackStatus === 'UPDATE_COMPLETE');
        if (!ok) return failed(`The stack ${String(stacks[0]!.StackName)} is ${String(stacks[0]!.StackStatus)}.`);
        const out = str(arr(ok.Outputs).find((o) => o.OutputKey === 'PublicName')?.OutputValue);
        return passed(`The stack ${String(ok.StackName)} is ${String(ok.StackStatus)}${out ? `; its machine is ${out}` : ''}.`);
      },
      async solve(ctx) {
        const { vpcId, subnetId } = await defaultSubnet(ctx, BOOK_REGION);
        await ctx.console(
          'cloudformation',
          'CreateStack',
          {
            StackName: 'server',
            TemplateBody: chapterFile(ctx.deps.resourcesDir, chapter04, 'virtualmachine.yaml'),
            Parameters: [
              { ParameterKey: 'KeyName', ParameterValue: KEY_NAME },
              { ParameterKey: 'VPC', ParameterValue: vpcId },
              { ParameterKey: 'Subnet', ParameterValue: subnetId },
              { ParameterKey: 'InstanceType', ParameterValue: 't2.micro' },
            ],
          },
          BOOK_REGION,
        );
        await waitStack(ctx, 'server', 'CREATE_COMPLETE');
      },
    },
    {
      id: 'stack-update',
      title: 'Resize through the blueprint',
      section: '§4.4.2',
      retiredBy: ['stack-delete'],
      needs: [{ op: 'cloudformation:DescribeStacks' }, { op: 'cloudformation:DescribeStackResources' }, { op: 'ec2:DescribeInstances' }],
      solveNeeds: [{ op: 'cloudformation:UpdateStack' }],
      hints: ['Update stack > use the current template > change InstanceType to t2.small (or t2.medium).'],
      async check(ctx) {
        const stacks = await blueprintStacks(ctx);
        const up = stacks.find((s) => s.StackStatus === 'UPDATE_COMPLETE');
        if (!up) return failed(stacks.length ? `The stack ${String(stacks[0]!.StackName)} is ${String(stacks[0]!.StackStatus)}; update it with a bigger InstanceType.` : 'There is no blueprint stack to update.');
        const type = param(up, 'InstanceType');
        if (type === 't2.micro') return failed(`The stack ${String(up.StackName)} was updated but still asks for t2.micro.`);
        const res = arr((await ctx.aws('cloudformation', 'DescribeStackResources', { StackName: up.StackName }, BOOK_REGION)).StackResources);
        const machine = res.find((r) => r.ResourceType === 'AWS::EC2::Instance');
        const inst = (await describeInstances(ctx, BOOK_REGION)).find((i) => i.InstanceId === machine?.PhysicalResourceId);
        if (!inst) return failed(`The stack ${String(up.StackName)} has no machine.`);
        if (inst.InstanceType !== type) return failed(`The stack asks for ${String(type)} but its machine ${inst.InstanceId} is ${inst.InstanceType}.`);
        return passed(`The stack's machine ${inst.InstanceId} now runs as ${inst.InstanceType}.`);
      },
      async solve(ctx) {
        await ctx.console(
          'cloudformation',
          'UpdateStack',
          {
            StackName: 'server',
            UsePreviousTemplate: true,
            Parameters: [
              { ParameterKey: 'KeyName', UsePreviousValue: true },
              { ParameterKey: 'VPC', UsePreviousValue: true },
              { ParameterKey: 'Subnet', UsePreviousValue: true },
              { ParameterKey: 'InstanceType', ParameterValue: 't2.small' },
            ],
          },
          BOOK_REGION,
        );
        await waitStack(ctx, 'server', 'UPDATE_COMPLETE');
      },
    },
    {
      id: 'stack-delete',
      title: 'Delete the blueprint',
      section: '§4.4.2',
      needs: [{ op: 'cloudformation:DescribeStacks' }],
      solveNeeds: [{ op: 'cloudformation:DeleteStack' }],
      hints: ['Delete stack removes every resource the stack created.'],
      async check(ctx) {
        if (!ctx.hasPassed('stack-create')) return failed('Create the blueprint stack first.');
        const stacks = await blueprintStacks(ctx);
        if (stacks.length) return failed(`The stack ${String(stacks[0]!.StackName)} is still ${String(stacks[0]!.StackStatus)}.`);
        const live = (await describeInstances(ctx, BOOK_REGION)).filter(isLive);
        if (live.length) return failed(`The stack is gone, but ${live.map((i) => i.InstanceId).join(', ')} still runs.`);
        return passed('The blueprint and its machine are gone.');
      },
      async solve(ctx) {
        await ctx.console('cloudformation', 'DeleteStack', { StackName: 'server' }, BOOK_REGION);
        await waitStack(ctx, 'server', 'DELETE_COMPLETE');
      },
    },
  ],
  async cleanup(ctx) {
    if (ctx.deps.hasOperation('cloudformation', 'DescribeStacks') && ctx.deps.hasOperation('cloudformation', 'DeleteStack'))
      for (const s of await blueprintStacks(ctx)) {
        await ctx.console('cloudformation', 'DeleteStack', { StackName: s.StackName }, BOOK_REGION);
        await waitStack(ctx, String(s.StackName), 'DELETE_COMPLETE');
      }
    if (ctx.deps.hasOperation('ec2', 'DescribeInstances')) {
      const live = (await describeInstances(ctx, BOOK_REGION)).filter(isLive).map((i) => i.InstanceId);
      if (live.length) await ctx.console('ec2', 'TerminateInstances', { InstanceIds: live }, BOOK_REGION);
    }
  },
};
