import { createHmac } from 'node:crypto';
/** Chapter 6: security updates, root MFA, IAM users and groups, an instance role, firewalls, a VPC (§6.2-§6.5). */
import { arr, defaultSubnet, describeInstances, describeSecurityGroups, findImageId, ifExists, instanceGroups, isLive, str, waitFor, waitForInstanceState, type Instance, type Obj } from '../cloud';
import { reachFromWorkstation, workstationIp } from '../firewall';
import { failed, passed, type ChapterDefinition, type CheckResult, type StepContext } from '../types';
import { cleanRegion } from './03';
import { chapterFile } from '../content';
import { BOOK_REGION, deleteStacks, KEY_NAME, overSsh, prepareMykey, sshHost, stackOutputs, waitStackStatus } from './shared';

/** The chapter's own templates (resources/labs/06-security/) and the stacks "Show me" makes from them. */
const STACKS = { role: 'instance-role', firewall: 'firewall', vpc: 'vpc' } as const;

async function createStack(ctx: StepContext, name: string, file: string, params: Record<string, string>, capabilities: string[] = []): Promise<void> {
  await ctx.console(
    'cloudformation',
    'CreateStack',
    {
      StackName: name,
      TemplateBody: chapterFile(ctx.deps.resourcesDir, chapter06, file),
      Parameters: Object.entries(params).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
      ...(capabilities.length ? { Capabilities: capabilities } : {}),
    },
    BOOK_REGION,
  );
  await waitStackStatus(ctx, BOOK_REGION, name, 'CREATE_COMPLETE');
}

const AMAZON_LINUX = 'amzn-ami-hvm-2017.09.1.*-x86_64-gp2';
const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';

const running = async (ctx: StepContext): Promise<Instance[]> =>
  (await describeInstances(ctx, BOOK_REGION)).filter((i) => i.State.Name === 'running');

async function group(ctx: StepContext, name: string, rules: Obj[]): Promise<string> {
  const { vpcId } = await defaultSubnet(ctx, BOOK_REGION);
  const g = await ctx.console('ec2', 'CreateSecurityGroup', { GroupName: name, Description: `${name} (Nimbus Lab chapter 6)`, VpcId: vpcId }, BOOK_REGION);
  if (rules.length) await ctx.console('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: g.GroupId, IpPermissions: rules }, BOOK_REGION);
  return String(g.GroupId);
}

async function launch(ctx: StepContext, groupId: string, name: string, extra: Obj = {}): Promise<Instance> {
  const { subnetId } = await defaultSubnet(ctx, BOOK_REGION);
  const out = await ctx.console(
    'ec2',
    'RunInstances',
    {
      ImageId: await findImageId(ctx, BOOK_REGION, AMAZON_LINUX),
      InstanceType: 't2.micro',
      KeyName: KEY_NAME,
      MinCount: 1,
      MaxCount: 1,
      NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetId, Groups: [groupId], AssociatePublicIpAddress: true }],
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
      ...extra,
    },
    BOOK_REGION,
  );
  return waitForInstanceState(ctx, BOOK_REGION, String(arr(out.Instances)[0]!.InstanceId), 'running');
}

/** RFC 6238 code for a 30-second step (what an authenticator app shows). */
export function totp(base32Seed: string, step: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of base32Seed.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const off = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(off) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const ssh = (cidr: string): Obj => ({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: cidr }] });

async function firstReachable(ctx: StepContext, protocol: 'tcp' | 'icmp', port?: number): Promise<{ hit?: Instance; reasons: string[] }> {
  const reasons: string[] = [];
  for (const i of await running(ctx)) {
    const r = await reachFromWorkstation(ctx, BOOK_REGION, i, protocol, port);
    if (r.reachable) return { hit: i, reasons };
    reasons.push(r.reason);
  }
  return { reasons };
}

const none = (what: string, reasons: string[]): CheckResult =>
  failed(reasons.length ? `${what}: ${reasons.join('; ')}.` : `${what}: no instance is running in ${BOOK_REGION}.`);

/**
 * §6.3.5's point: the machine stops *itself* with the temporary credentials of *its own* role. A
 * StopInstances counts when it was signed by an instance-role session (the session is named after
 * the instance), names that same instance, and the role is the one in the instance's profile.
 */
async function stoppedItself(ctx: StepContext): Promise<CheckResult> {
  const stops = ctx.deps.history(ctx.chapterStartedAt).filter((r) => r.operation === 'StopInstances' && !r.errorCode);
  if (stops.length === 0) return failed('No machine has stopped itself yet: launch one with an instance role that runs aws ec2 stop-instances on itself.');
  const reasons: string[] = [];
  for (const r of [...stops].reverse()) {
    const m = /:assumed-role\/([^/]+)\/([^/]+)$/.exec(r.principalArn);
    const targets = arr(r.parameters?.InstanceIds as unknown).map(String);
    if (!m) {
      reasons.push(`${targets.join(', ') || 'an instance'} was stopped by ${r.principalArn}, not by a machine's role`);
      continue;
    }
    const [, role, session] = m as unknown as [string, string, string];
    if (!targets.includes(session)) {
      reasons.push(`the role session ${session} of ${role} stopped ${targets.join(', ')}, not the machine it belongs to`);
      continue;
    }
    const inst = (await describeInstances(ctx, r.region, [{ Name: 'instance-id', Values: [session] }]))[0];
    const profileArn = str((inst?.IamInstanceProfile as Obj | undefined)?.Arn);
    if (!inst || !profileArn) {
      reasons.push(`${session} was stopped with the role ${role}, but ${inst ? 'it has no instance profile' : 'there is no such instance'}`);
      continue;
    }
    const profile = await ifExists(ctx.aws('iam', 'GetInstanceProfile', { InstanceProfileName: profileArn.split('/').pop() }));
    const roles = arr((profile?.InstanceProfile as Obj | undefined)?.Roles).map((x) => String(x.RoleName));
    if (!roles.includes(role)) {
      reasons.push(`${session} was stopped with the role ${role}, which is not the role of its own profile (${roles.join(', ') || 'none'})`);
      continue;
    }
    return passed(`${session} stopped itself with the credentials of its own role ${role}.`);
  }
  return failed(`No machine has stopped itself through its own role yet: ${reasons.join('; ')}.`);
}

export const chapter06: ChapterDefinition = {
  number: 6,
  slug: 'security',
  title: 'Securing your system: IAM, security groups and VPC',
  sections: '§6.2-§6.5',
  // The root user's MFA device stays: it protects the account for the rest of the book.
  keeps: ['iam::mfa-device:root-account-mfa-device'],
  costs: [
    { item: 'Amazon Linux machines, t2.micro', region: BOOK_REGION, instanceType: 't2.micro', count: 3, hours: 1 },
    { item: 'NAT gateway (§6.5)', region: BOOK_REGION, pricePerHour: 0.045, count: 1, hours: 0.5 },
  ],
  prepare: prepareMykey,
  steps: [
    {
      id: 'security-updates',
      title: 'Install security updates',
      section: '§6.2',
      retiredBy: ['cleanup'],
      needs: [{ op: 'ec2:DescribeInstances' }, { machine: 'instance' }],
      solveNeeds: [{ op: 'ec2:RunInstances' }, { machine: 'workstation' }],
      hints: [
        'The login banner of Amazon Linux says how many security updates wait.',
        'yum --security check-update lists them; sudo yum -y --security update installs them.',
      ],
      async check(ctx) {
        const linux = await running(ctx);
        if (linux.length === 0) return failed(`Start an Amazon Linux machine in ${BOOK_REGION} and log in to it.`);
        for (const i of linux) {
          const out = await ctx.deps.machines!.run({ kind: 'instance', instanceId: i.InstanceId, region: BOOK_REGION }, 'yum --security check-update');
          if (out.exitCode === 0) return passed(`${i.InstanceId} has no security update left to install.`);
        }
        return failed(`Security updates are still waiting on ${linux.map((i) => i.InstanceId).join(', ')}: sudo yum -y --security update.`);
      },
      async solve(ctx) {
        const g = await group(ctx, 'updates-ssh', [ssh('0.0.0.0/0')]);
        const i = await launch(ctx, g, 'updates');
        await overSsh(ctx, { host: sshHost(i) ?? i.InstanceId, user: 'ec2-user', key: KEY_NAME }, ['sudo yum -y --security update']);
      },
    },
    {
      id: 'root-mfa',
      title: 'Protect the root user with MFA',
      section: '§6.3.1',
      optional: true,
      needs: [{ op: 'iam:GetAccountSummary' }],
      solveNeeds: [{ op: 'iam:CreateVirtualMFADevice' }, { op: 'iam:EnableMFADevice' }],
      hints: [
        'A second factor makes a stolen root password useless on its own.',
        'Account menu > Security credentials > Multi-factor authentication > Assign MFA device (virtual), then type two consecutive codes from the authenticator.',
      ],
      async check(ctx) {
        const s = (await ctx.aws('iam', 'GetAccountSummary', {})).SummaryMap as Obj | undefined;
        return Number(s?.AccountMFAEnabled ?? 0) === 1 ? passed('The root user signs in with MFA.') : failed('The root user has no MFA device yet.');
      },
      async solve(ctx) {
        const dev = (await ctx.console('iam', 'CreateVirtualMFADevice', { VirtualMFADeviceName: 'root-account-mfa-device' })).VirtualMFADevice as Obj;
        const seed = Buffer.isBuffer(dev.Base32StringSeed) ? dev.Base32StringSeed.toString() : String(dev.Base32StringSeed);
        const now = Math.floor(ctx.deps.clock.now() / 30_000);
        await ctx.console('iam', 'EnableMFADevice', {
          UserName: 'root',
          SerialNumber: dev.SerialNumber,
          AuthenticationCode1: totp(seed, now - 1),
          AuthenticationCode2: totp(seed, now),
        });
      },
    },
    {
      id: 'iam-admin',
      title: 'A group admin and a user myuser',
      section: '§6.3.3-§6.3.4',
      retiredBy: ['cleanup'],
      needs: [{ op: 'iam:GetGroup' }, { op: 'iam:ListAttachedGroupPolicies' }, { op: 'iam:GetLoginProfile' }],
      solveNeeds: [{ op: 'iam:CreateGroup' }, { op: 'iam:AttachGroupPolicy' }, { op: 'iam:CreateUser' }, { op: 'iam:AddUserToGroup' }, { op: 'iam:CreateLoginProfile' }],
      hints: [
        'Give permissions to groups, then put users in them.',
        'aws iam create-group --group-name admin; aws iam attach-group-policy --group-name admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess; aws iam create-user --user-name myuser; aws iam add-user-to-group --group-name admin --user-name myuser; aws iam create-login-profile --user-name myuser --password …',
      ],
      async check(ctx) {
        const g = await ifExists(ctx.aws('iam', 'GetGroup', { GroupName: 'admin' }));
        if (!g) return failed('There is no IAM group named admin yet.');
        const att = arr((await ctx.aws('iam', 'ListAttachedGroupPolicies', { GroupName: 'admin' })).AttachedPolicies);
        if (!att.some((p) => p.PolicyArn === ADMIN_POLICY)) return failed('The group admin has no AdministratorAccess policy attached.');
        if (!arr(g.Users).some((u) => u.UserName === 'myuser')) return failed('myuser is not a member of the group admin.');
        const lp = await ifExists(ctx.aws('iam', 'GetLoginProfile', { UserName: 'myuser' }));
        if (!lp) return failed('myuser has no console password (login profile) yet.');
        return passed('myuser is in admin (AdministratorAccess) and can sign in to the console.');
      },
      async solve(ctx) {
        await ctx.console('iam', 'CreateGroup', { GroupName: 'admin' });
        await ctx.console('iam', 'AttachGroupPolicy', { GroupName: 'admin', PolicyArn: ADMIN_POLICY });
        await ctx.console('iam', 'CreateUser', { UserName: 'myuser' });
        await ctx.console('iam', 'AddUserToGroup', { GroupName: 'admin', UserName: 'myuser' });
        await ctx.console('iam', 'CreateLoginProfile', { UserName: 'myuser', Password: 'Nimbus-Lab-2024!pw', PasswordResetRequired: false });
      },
    },
    {
      id: 'instance-role',
      title: 'A machine that stops itself with its role',
      section: '§6.3.5',
      retiredBy: ['cleanup'],
      needs: [{ op: 'ec2:DescribeInstances' }, { op: 'iam:GetInstanceProfile' }],
      solveNeeds: [{ op: 'cloudformation:CreateStack' }, { op: 'iam:CreateRole' }, { op: 'iam:CreateInstanceProfile' }, { machine: 'workstation' }],
      hints: [
        'A role gives a machine temporary credentials through its metadata service: no keys on disk.',
        'Role with a policy allowing ec2:StopInstances, an instance profile with it, a machine launched with that profile that runs aws ec2 stop-instances on itself.',
      ],
      async check(ctx) {
        return stoppedItself(ctx);
      },
      async solve(ctx) {
        const { vpcId, subnetId } = await defaultSubnet(ctx, BOOK_REGION);
        await createStack(ctx, STACKS.role, 'instance-role.yaml', { KeyName: KEY_NAME, VPC: vpcId, Subnet: subnetId, Lifetime: '5' }, ['CAPABILITY_IAM']);
        const out = await stackOutputs(ctx, BOOK_REGION, STACKS.role);
        const id = out.get('InstanceId');
        if (!id) throw new Error(`the stack ${STACKS.role} has no InstanceId output`);
        const i = await waitForInstanceState(ctx, BOOK_REGION, id, 'running');
        // On the machine: the role's temporary credentials, and the stop that waits in at's queue.
        await overSsh(ctx, { host: out.get('PublicName') || (sshHost(i) ?? id), user: 'ec2-user', key: KEY_NAME }, [
          'curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/',
          'sudo atq',
        ]);
        await waitForInstanceState(ctx, BOOK_REGION, id, 'stopped', 30 * 60_000);
      },
    },
    {
      id: 'firewall-ping',
      title: 'Allow ping',
      section: '§6.4.1-§6.4.2',
      retiredBy: ['cleanup'],
      needs: [{ op: 'ec2:DescribeInstances' }, { op: 'ec2:DescribeSecurityGroups' }],
      solveNeeds: [{ op: 'cloudformation:CreateStack' }],
      hints: ['A new security group lets nothing in. Add an inbound rule for ICMP (All ICMP - IPv4) from 0.0.0.0/0.'],
      async check(ctx) {
        const { hit, reasons } = await firstReachable(ctx, 'icmp');
        return hit ? passed(`${hit.InstanceId} answers ping from your address.`) : none('No machine answers ping', reasons);
      },
      async solve(ctx) {
        const { vpcId, subnetId } = await defaultSubnet(ctx, BOOK_REGION);
        await createStack(ctx, STACKS.firewall, 'firewall.yaml', { KeyName: KEY_NAME, VPC: vpcId, Subnet: subnetId, SshFrom: '' });
      },
    },
    {
      id: 'firewall-ssh-ip',
      title: 'SSH only from your address',
      section: '§6.4.3-§6.4.4',
      retiredBy: ['cleanup'],
      needs: [{ op: 'ec2:DescribeInstances' }, { op: 'ec2:DescribeSecurityGroups' }],
      solveNeeds: [{ op: 'cloudformation:UpdateStack' }],
      hints: [
        'Opening SSH to 0.0.0.0/0 works, but anyone can knock. Narrow it to your own address.',
        `Add an inbound rule for port 22 from your workstation's address with /32 (the lab's workstation is shown by curl http://api.ipify.org in its terminal).`,
      ],
      async check(ctx) {
        const ip = workstationIp(ctx);
        const reasons: string[] = [];
        for (const i of await running(ctx)) {
          const r = await reachFromWorkstation(ctx, BOOK_REGION, i, 'tcp', 22);
          if (!r.reachable) {
            reasons.push(r.reason);
            continue;
          }
          const groups = await describeSecurityGroups(ctx, BOOK_REGION, instanceGroups(i));
          const cidrs = groups.flatMap((g) => arr(g.IpPermissions).filter((p) => Number(p.FromPort) <= 22 && Number(p.ToPort) >= 22).flatMap((p) => arr(p.IpRanges).map((x) => String(x.CidrIp))));
          const open = cidrs.filter((c) => c !== `${ip}/32`);
          if (open.length === 0) return passed(`${i.InstanceId} accepts SSH only from your address ${ip}/32.`);
          reasons.push(`${i.InstanceId} accepts SSH from ${open.join(', ')} as well, not only from your address ${ip}/32`);
        }
        return none('No machine accepts SSH only from your address', reasons);
      },
      async solve(ctx) {
        // The same stack, updated: its SshFrom parameter adds the rule for your address only.
        await ctx.console(
          'cloudformation',
          'UpdateStack',
          {
            StackName: STACKS.firewall,
            UsePreviousTemplate: true,
            Parameters: [
              { ParameterKey: 'KeyName', UsePreviousValue: true },
              { ParameterKey: 'VPC', UsePreviousValue: true },
              { ParameterKey: 'Subnet', UsePreviousValue: true },
              { ParameterKey: 'SshFrom', ParameterValue: `${workstationIp(ctx)}/32` },
            ],
          },
          BOOK_REGION,
        );
        await waitStackStatus(ctx, BOOK_REGION, STACKS.firewall, 'UPDATE_COMPLETE');
      },
    },
    {
      id: 'bastion',
      title: 'A bastion host',
      section: '§6.4.5',
      retiredBy: ['cleanup'],
      needs: [{ op: 'ec2:DescribeInstances' }, { op: 'ec2:DescribeSecurityGroups' }],
      solveNeeds: [{ op: 'ec2:RunInstances' }],
      hints: [
        'Only one machine (the bastion) accepts SSH from outside; the others accept SSH only from the bastion\'s security group.',
        'Group bastion: 22 from your address. Group instance: 22 with source = the bastion group. Then ssh -A to the bastion and on to the others.',
      ],
      async check(ctx) {
        const instances = await running(ctx);
        const groups = await describeSecurityGroups(ctx, BOOK_REGION);
        for (const inner of instances) {
          const innerGroups = groups.filter((g) => instanceGroups(inner).includes(String(g.GroupId)));
          const sources = innerGroups.flatMap((g) => arr(g.IpPermissions).filter((p) => Number(p.FromPort) <= 22 && Number(p.ToPort) >= 22).flatMap((p) => arr(p.UserIdGroupPairs).map((x) => String(x.GroupId))));
          if (sources.length === 0) continue;
          const bastion = instances.find((b) => b !== inner && instanceGroups(b).some((g) => sources.includes(g)));
          if (!bastion) return failed(`${inner.InstanceId} accepts SSH from the group ${sources.join(', ')}, but no running machine is in that group.`);
          const b = await reachFromWorkstation(ctx, BOOK_REGION, bastion, 'tcp', 22);
          if (!b.reachable) return failed(`The bastion ${bastion.InstanceId} does not accept SSH from you: ${b.reason}.`);
          const direct = await reachFromWorkstation(ctx, BOOK_REGION, inner, 'tcp', 22);
          if (direct.reachable) return failed(`${inner.InstanceId} still accepts SSH directly from your address: ${direct.reason}.`);
          return passed(`SSH reaches ${inner.InstanceId} only through the bastion ${bastion.InstanceId}.`);
        }
        return failed('No running machine accepts SSH only from a bastion\'s security group yet.');
      },
      async solve(ctx) {
        const b = await group(ctx, 'bastion', [ssh(`${workstationIp(ctx)}/32`)]);
        const inner = await group(ctx, 'behind-bastion', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: b }] }]);
        await launch(ctx, b, 'bastion');
        await launch(ctx, inner, 'instance1');
      },
    },
    {
      id: 'vpc',
      title: 'A VPC with public and private subnets',
      section: '§6.5',
      retiredBy: ['cleanup'],
      needs: [{ op: 'ec2:DescribeVpcs' }, { op: 'ec2:DescribeSubnets' }, { op: 'ec2:DescribeRouteTables' }, { op: 'ec2:DescribeNatGateways' }],
      solveNeeds: [{ op: 'cloudformation:CreateStack' }, { op: 'ec2:CreateVpc' }, { op: 'ec2:CreateNatGateway' }],
      hints: [
        'A subnet is public when its route table sends 0.0.0.0/0 to an internet gateway; a private one sends it to a NAT gateway in a public subnet.',
        'VPC 10.0.0.0/16; subnets 10.0.1.0/24 (public) and 10.0.2.0/24 (private); an internet gateway; a NAT gateway with an Elastic IP in the public subnet; one route table each.',
      ],
      async check(ctx) {
        const vpcs = arr((await ctx.aws('ec2', 'DescribeVpcs', {}, BOOK_REGION)).Vpcs).filter((v) => v.IsDefault !== true);
        if (vpcs.length === 0) return failed('You have no VPC of your own in us-east-1 yet (the book uses 10.0.0.0/16).');
        const tables = arr((await ctx.aws('ec2', 'DescribeRouteTables', {}, BOOK_REGION)).RouteTables);
        const nats = arr((await ctx.aws('ec2', 'DescribeNatGateways', {}, BOOK_REGION)).NatGateways).filter((n) => n.State === 'available');
        const reasons: string[] = [];
        for (const vpc of vpcs) {
          const subnets = arr((await ctx.aws('ec2', 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId] }] }, BOOK_REGION)).Subnets);
          const main = tables.find((t) => t.VpcId === vpc.VpcId && arr(t.Associations).some((a) => a.Main === true));
          const tableOf = (s: Obj): Obj | undefined => tables.find((t) => arr(t.Associations).some((a) => a.SubnetId === s.SubnetId)) ?? main;
          const defaultRoute = (t: Obj | undefined): Obj | undefined => arr(t?.Routes).find((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.State !== 'blackhole');
          const pub = subnets.filter((s) => str(defaultRoute(tableOf(s))?.GatewayId)?.startsWith('igw-'));
          const priv = subnets.filter((s) => str(defaultRoute(tableOf(s))?.NatGatewayId));
          if (pub.length === 0) { reasons.push(`${String(vpc.VpcId)} has no public subnet (no route 0.0.0.0/0 to an internet gateway)`); continue; }
          if (priv.length === 0) { reasons.push(`${String(vpc.VpcId)} has no private subnet routing 0.0.0.0/0 to a NAT gateway`); continue; }
          const nat = nats.find((n) => pub.some((s) => s.SubnetId === n.SubnetId));
          if (!nat) { reasons.push(`${String(vpc.VpcId)} has no available NAT gateway in a public subnet`); continue; }
          return passed(`${String(vpc.VpcId)} has public subnet ${String(pub[0]!.SubnetId)} and private subnet ${String(priv[0]!.SubnetId)} behind ${String(nat.NatGatewayId)}.`);
        }
        return failed(`Not there yet: ${reasons.join('; ')}.`);
      },
      async solve(ctx) {
        await createStack(ctx, STACKS.vpc, 'vpc.yaml', {});
        const out = await stackOutputs(ctx, BOOK_REGION, STACKS.vpc);
        ctx.notes.set('vpc', out.get('VpcId') ?? '');
      },
    },
    {
      id: 'cleanup',
      title: 'Clean up',
      section: '§6.5',
      needs: [{ op: 'ec2:DescribeInstances' }, { op: 'ec2:DescribeVpcs' }],
      hints: ['Terminate the machines, delete the NAT gateway (and release its address), the VPC and the security groups you made.'],
      async check(ctx) {
        if (!['security-updates', 'firewall-ping', 'bastion', 'vpc'].some((id) => ctx.hasPassed(id)))
          return failed('Nothing to clean up before you have built something in this chapter.');
        const live = (await describeInstances(ctx, BOOK_REGION)).filter(isLive);
        if (live.length) return failed(`Still running: ${live.map((i) => i.InstanceId).join(', ')}.`);
        const vpcs = arr((await ctx.aws('ec2', 'DescribeVpcs', {}, BOOK_REGION)).Vpcs).filter((v) => v.IsDefault !== true);
        if (vpcs.length) return failed(`The VPC ${String(vpcs[0]!.VpcId)} is still there.`);
        const groups = (await describeSecurityGroups(ctx, BOOK_REGION)).filter((g) => g.GroupName !== 'default');
        if (groups.length) return failed(`Security groups left: ${groups.map((g) => String(g.GroupName)).join(', ')}.`);
        return passed('Nothing from this chapter runs any more.');
      },
      solve: (ctx) => cleanup06(ctx),
    },
  ],
  cleanup: (ctx) => cleanup06(ctx),
};

async function cleanup06(ctx: StepContext): Promise<void> {
  const has = (svc: string, op: string): boolean => ctx.deps.hasOperation(svc, op);
  if (!has('ec2', 'DescribeInstances')) return;
  const c = (op: string, input: Obj) => ctx.console('ec2', op, input, BOOK_REGION);
  // The chapter's stacks first: deleting them removes what they made (machines, groups, the role, the VPC).
  await deleteStacks(ctx, BOOK_REGION, Object.values(STACKS));
  await cleanRegion(ctx, BOOK_REGION, [], []);
  if (has('ec2', 'DescribeNatGateways'))
    for (const n of arr((await ctx.aws('ec2', 'DescribeNatGateways', {}, BOOK_REGION)).NatGateways).filter((x) => x.State !== 'deleted')) {
      await c('DeleteNatGateway', { NatGatewayId: n.NatGatewayId });
      await waitFor(ctx, 'the NAT gateway to be deleted', async () =>
        arr((await ctx.aws('ec2', 'DescribeNatGateways', { NatGatewayIds: [n.NatGatewayId] }, BOOK_REGION)).NatGateways)[0]?.State === 'deleted' ? true : undefined,
      );
    }
  if (has('ec2', 'DescribeAddresses'))
    for (const a of arr((await ctx.aws('ec2', 'DescribeAddresses', {}, BOOK_REGION)).Addresses)) await c('ReleaseAddress', { AllocationId: a.AllocationId });
  if (has('ec2', 'DescribeVpcs'))
    for (const v of arr((await ctx.aws('ec2', 'DescribeVpcs', {}, BOOK_REGION)).Vpcs).filter((x) => x.IsDefault !== true)) {
      const id = v.VpcId;
      for (const g of arr((await ctx.aws('ec2', 'DescribeInternetGateways', {}, BOOK_REGION)).InternetGateways).filter((x) => arr(x.Attachments).some((a) => a.VpcId === id))) {
        await c('DetachInternetGateway', { InternetGatewayId: g.InternetGatewayId, VpcId: id });
        await c('DeleteInternetGateway', { InternetGatewayId: g.InternetGatewayId });
      }
      for (const s of arr((await ctx.aws('ec2', 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [id] }] }, BOOK_REGION)).Subnets)) await c('DeleteSubnet', { SubnetId: s.SubnetId });
      for (const t of arr((await ctx.aws('ec2', 'DescribeRouteTables', {}, BOOK_REGION)).RouteTables).filter((x) => x.VpcId === id && !arr(x.Associations).some((a) => a.Main === true)))
        await c('DeleteRouteTable', { RouteTableId: t.RouteTableId });
      await c('DeleteVpc', { VpcId: id });
    }
  // Groups that reference each other (bastion) lose their rules first.
  const groups = (await describeSecurityGroups(ctx, BOOK_REGION)).filter((g) => g.GroupName !== 'default');
  for (const g of groups)
    if (arr(g.IpPermissions).length) await c('RevokeSecurityGroupIngress', { GroupId: g.GroupId, IpPermissions: g.IpPermissions });
  for (const g of groups) await c('DeleteSecurityGroup', { GroupId: g.GroupId });
  if (has('iam', 'GetGroup')) {
    const i = (op: string, input: Obj) => ctx.console('iam', op, input);
    if (await ifExists(ctx.aws('iam', 'GetUser', { UserName: 'myuser' }))) {
      await ifExists(i('DeleteLoginProfile', { UserName: 'myuser' }));
      await ifExists(i('RemoveUserFromGroup', { GroupName: 'admin', UserName: 'myuser' }));
      await i('DeleteUser', { UserName: 'myuser' });
    }
    if (await ifExists(ctx.aws('iam', 'GetGroup', { GroupName: 'admin' }))) {
      await ifExists(i('DetachGroupPolicy', { GroupName: 'admin', PolicyArn: ADMIN_POLICY }));
      await i('DeleteGroup', { GroupName: 'admin' });
    }
    if (await ifExists(ctx.aws('iam', 'GetRole', { RoleName: 'ec2-stop-self' }))) {
      await ifExists(i('RemoveRoleFromInstanceProfile', { InstanceProfileName: 'ec2-stop-self', RoleName: 'ec2-stop-self' }));
      await ifExists(i('DeleteInstanceProfile', { InstanceProfileName: 'ec2-stop-self' }));
      await ifExists(i('DeleteRolePolicy', { RoleName: 'ec2-stop-self', PolicyName: 'stop' }));
      await i('DeleteRole', { RoleName: 'ec2-stop-self' });
    }
  }
}
