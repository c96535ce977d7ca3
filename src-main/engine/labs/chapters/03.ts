/** Chapter 3: virtual machines with EC2 (T3.1-T3.11, §3.1-§3.8). */
import {
  arr,
  defaultSubnet,
  describeInstances,
  findGroupByName,
  findImageId,
  instanceGroups,
  isLive,
  str,
  waitFor,
  waitForInstanceState,
  type Instance,
} from '../cloud';
import { reachFromWorkstation } from '../firewall';
import { failed, passed, type ChapterDefinition, type CheckResult, type StepContext } from '../types';
import { BOOK_REGION, createKeyPairAndSave, KEY_NAME, keyPairExists, lastLogin, liveByName, loginUser, overSsh, prepareMykey, sshHost, WORKSTATION } from './shared';

const SYDNEY = 'ap-southeast-2';
const UBUNTU_XENIAL = 'ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-*';
const AMAZON_LINUX = 'amzn-ami-hvm-2017.09.1.*-x86_64-gp2';

/** The one running instance the learner works on: by name, else the newest live one matching. */
async function mymachine(ctx: StepContext): Promise<Instance | CheckResult> {
  const found = await liveByName(ctx, BOOK_REGION, 'mymachine');
  if (found.length === 0) return failed(`No live instance tagged Name=mymachine in ${BOOK_REGION}. Launch one (EC2 > Instances > Launch instances) and give it that name.`);
  return found.find((i) => i.State.Name === 'running') ?? found[0]!;
}

const isResult = (x: unknown): x is CheckResult => typeof x === 'object' && x !== null && 'status' in x && 'detail' in x;

/** Creates (or finds) a security group in the default VPC with the given TCP ports open to the world. */
async function ensureGroup(ctx: StepContext, region: string, name: string, ports: number[]): Promise<string> {
  const existing = await findGroupByName(ctx, region, name);
  if (existing) return String(existing.GroupId);
  const { vpcId } = await defaultSubnet(ctx, region);
  const out = await ctx.console('ec2', 'CreateSecurityGroup', { GroupName: name, Description: `${name} (Nimbus Lab chapter 3)`, VpcId: vpcId }, region);
  const id = String(out.GroupId);
  await ctx.console(
    'ec2',
    'AuthorizeSecurityGroupIngress',
    { GroupId: id, IpPermissions: ports.map((p) => ({ IpProtocol: 'tcp', FromPort: p, ToPort: p, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })) },
    region,
  );
  return id;
}

async function launch(ctx: StepContext, region: string, image: string, type: string, key: string, group: string, name?: string): Promise<Instance> {
  const imageId = await findImageId(ctx, region, image);
  const { subnetId } = await defaultSubnet(ctx, region);
  const out = await ctx.console(
    'ec2',
    'RunInstances',
    {
      ImageId: imageId,
      InstanceType: type,
      KeyName: key,
      MinCount: 1,
      MaxCount: 1,
      NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetId, Groups: [group], AssociatePublicIpAddress: true }],
      ...(name ? { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }] } : {}),
    },
    region,
  );
  const id = String(arr(out.Instances)[0]!.InstanceId);
  return waitForInstanceState(ctx, region, id, 'running');
}

async function terminate(ctx: StepContext, region: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await ctx.console('ec2', 'TerminateInstances', { InstanceIds: ids }, region);
  for (const id of ids) await waitForInstanceState(ctx, region, id, 'terminated');
}

/** The Sydney web server: a live instance in ap-southeast-2 using the webserver group. */
async function sydneyServer(ctx: StepContext): Promise<Instance | CheckResult> {
  const group = await findGroupByName(ctx, SYDNEY, 'webserver');
  if (!group) return failed(`There is no security group named webserver in ${SYDNEY} (Sydney) yet.`);
  const live = (await describeInstances(ctx, SYDNEY)).filter((i) => isLive(i) && instanceGroups(i).includes(String(group.GroupId)));
  if (live.length === 0) return failed(`No live instance in ${SYDNEY} uses the security group webserver (${String(group.GroupId)}).`);
  return live.find((i) => i.State.Name === 'running') ?? live[0]!;
}

async function curlFromWorkstation(ctx: StepContext, ip: string): Promise<{ code: string; body: string }> {
  // -i: the status line and headers, a blank line, then the page (000 when nothing answered).
  const out = await ctx.deps.machines!.run(WORKSTATION, `curl -s -i -m 5 http://${ip}/`);
  const text = out.stdout.replace(/\r\n/g, '\n');
  const code = /^HTTP\/[\d.]+ (\d{3})/.exec(text)?.[1] ?? '000';
  const blank = text.indexOf('\n\n');
  return { code, body: blank < 0 ? '' : text.slice(blank + 2) };
}

export const chapter03: ChapterDefinition = {
  number: 3,
  slug: 'ec2',
  title: 'Using virtual machines: EC2',
  sections: '§3.1-§3.8',
  keeps: [],
  costs: [
    { item: 'mymachine, t2.micro (free tier)', region: BOOK_REGION, instanceType: 't2.micro', count: 1, hours: 1 },
    { item: 'resized machine, m4.large', region: BOOK_REGION, instanceType: 'm4.large', count: 1, hours: 0.5 },
    { item: 'web server in Sydney, t2.micro', region: SYDNEY, instanceType: 't2.micro', count: 1, hours: 1 },
    { item: 'spot instance, m3.medium (at most the $0.093 bid)', region: BOOK_REGION, pricePerHour: 0.093, count: 1, hours: 0.5 },
  ],
  prepare: prepareMykey,
  steps: [
    {
      id: 'launch',
      title: 'Launch mymachine',
      section: '§3.1.1',
      retiredBy: ['terminate'],
      needs: [{ op: 'ec2:DescribeInstances' }, { op: 'ec2:DescribeSecurityGroups' }],
      solveNeeds: [{ op: 'ec2:RunInstances' }, { op: 'ec2:CreateSecurityGroup' }, { op: 'ec2:AuthorizeSecurityGroupIngress' }],
      hints: [
        'The launch wizard asks for an image, a size, a network, storage, tags, a firewall and a key.',
        'EC2 > Launch instances: Ubuntu Server 16.04 LTS, t2.micro, tag Name=mymachine, a new security group ssh-only with SSH from anywhere, key pair mykey.',
        'From a terminal: create the group with aws ec2 create-security-group, open port 22 with authorize-security-group-ingress, then aws ec2 run-instances ... --tag-specifications ...',
      ],
      async check(ctx) {
        const i = await mymachine(ctx);
        if (isResult(i)) return i;
        if (i.State.Name !== 'running') return failed(`mymachine (${i.InstanceId}) is ${i.State.Name}; wait until it is running.`);
        if (i.KeyName !== KEY_NAME) return failed(`mymachine was launched with the key pair ${String(i.KeyName ?? '(none)')}, not ${KEY_NAME}: you could not log in with mykey.pem.`);
        const group = await findGroupByName(ctx, BOOK_REGION, 'ssh-only');
        if (!group || !instanceGroups(i).includes(String(group.GroupId)))
          return failed(`mymachine does not use a security group named ssh-only (it uses ${instanceGroups(i).join(', ')}).`);
        const reach = await reachFromWorkstation(ctx, BOOK_REGION, i, 'tcp', 22);
        if (!reach.reachable) return failed(`SSH would not get through: ${reach.reason}.`);
        return passed(`mymachine (${i.InstanceId}, ${i.InstanceType}) is running and ${reach.reason}.`);
      },
      async solve(ctx) {
        const group = await ensureGroup(ctx, BOOK_REGION, 'ssh-only', [22]);
        const i = await launch(ctx, BOOK_REGION, UBUNTU_XENIAL, 't2.micro', KEY_NAME, group, 'mymachine');
        ctx.notes.set('mymachine', i.InstanceId);
      },
    },
    {
      id: 'connect',
      title: 'Connect with SSH',
      section: '§3.1.2',
      retiredBy: ['terminate'],
      needs: [{ op: 'ec2:DescribeInstances' }, { machine: 'workstation' }, { machine: 'instance' }],
      hints: [
        'The Connect button shows the address and the user name to use.',
        'ssh -i ~/mykey.pem ubuntu@PUBLIC-DNS (answer yes to the host-key question).',
      ],
      async check(ctx) {
        const i = await mymachine(ctx);
        if (isResult(i)) return i;
        const reach = await reachFromWorkstation(ctx, BOOK_REGION, i, 'tcp', 22);
        if (!reach.reachable) return failed(`You cannot reach mymachine with SSH: ${reach.reason}.`);
        const login = await lastLogin(ctx, BOOK_REGION, i.InstanceId);
        if (!login)
          return failed(`mymachine accepts SSH from your address, but nobody has logged in yet: ssh -i ~/mykey.pem ${await loginUser(ctx, BOOK_REGION, i)}@${sshHost(i) ?? i.InstanceId}`);
        return passed(`You logged in to mymachine at ${sshHost(i) ?? i.InstanceId} (${login.replace(/^Last login: /, 'last login ')}).`);
      },
      async solve(ctx) {
        const i = await mymachine(ctx);
        if (isResult(i)) throw new Error(i.detail);
        await overSsh(ctx, { host: sshHost(i) ?? i.InstanceId, user: await loginUser(ctx, BOOK_REGION, i), key: KEY_NAME }, ['uptime']);
      },
    },
    {
      id: 'linkchecker',
      title: 'Install and run linkchecker',
      section: '§3.1.3',
      retiredBy: ['terminate'],
      needs: [{ op: 'ec2:DescribeInstances' }, { machine: 'instance' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'Packages on Ubuntu come from apt.',
        'On mymachine: sudo apt-get update, then sudo apt-get install linkchecker -y, then linkchecker https://… on a site you like.',
        'The check wants both: the package installed, and one run of linkchecker (it leaves ~/.linkchecker behind).',
      ],
      async check(ctx) {
        const i = await mymachine(ctx);
        if (isResult(i)) return i;
        const root = { kind: 'instance' as const, instanceId: i.InstanceId, region: BOOK_REGION, user: 'root' };
        // Run without arguments: an installed linkchecker complains about them, a missing one is exit 127.
        const out = await ctx.deps.machines!.run(root, 'linkchecker');
        if (out.exitCode === 127) return failed('linkchecker is not installed on mymachine yet (sudo apt-get install linkchecker -y).');
        // Its first run leaves its settings in the home folder of whoever ran it (~/.linkchecker).
        const ran = await ctx.deps.machines!.run(root, 'ls -d /home/*/.linkchecker/linkcheckerrc /root/.linkchecker/linkcheckerrc 2>/dev/null');
        const who = ran.stdout.split('\n').map((l) => /^\/(?:home\/([^/]+)|root)\//.exec(l.trim())).find(Boolean);
        if (!who) return failed('linkchecker is installed on mymachine, but nobody has run it yet: linkchecker https://… on a site you like.');
        return passed(`linkchecker is installed on mymachine and ${who[1] ?? 'root'} has run it.`);
      },
      async solve(ctx) {
        const i = await mymachine(ctx);
        if (isResult(i)) throw new Error(i.detail);
        await overSsh(ctx, { host: sshHost(i) ?? i.InstanceId, user: await loginUser(ctx, BOOK_REGION, i), key: KEY_NAME }, [
          'sudo apt-get update',
          'sudo apt-get install linkchecker -y',
          'linkchecker https://example.com/',
        ]);
      },
    },
    {
      id: 'system-log',
      title: 'Read the system log',
      section: '§3.2',
      needs: [{ op: 'ec2:GetConsoleOutput' }],
      hints: [
        'The boot messages of a machine are available without logging in.',
        'Select mymachine > Actions > Monitor and troubleshoot > Get system log (aws ec2 get-console-output --instance-id … does the same).',
      ],
      async check(ctx) {
        const seen = ctx.deps
          .history(ctx.chapterStartedAt)
          .some((r) => r.operation === 'GetConsoleOutput' && r.source !== 'internal' && !r.errorCode);
        return seen ? passed('You read an instance\'s system log.') : failed('You have not opened a system log yet.');
      },
      async solve(ctx) {
        const i = await mymachine(ctx);
        if (isResult(i)) throw new Error(i.detail);
        await ctx.console('ec2', 'GetConsoleOutput', { InstanceId: i.InstanceId }, BOOK_REGION);
      },
    },
    {
      id: 'terminate',
      title: 'Terminate mymachine',
      section: '§3.3',
      needs: [{ op: 'ec2:DescribeInstances' }],
      solveNeeds: [{ op: 'ec2:TerminateInstances' }],
      hints: ['Instance state > Terminate instance. A terminated machine cannot be started again.'],
      async check(ctx) {
        if (!ctx.hasPassed('launch')) return failed('Launch mymachine first (step 1).');
        const live = await liveByName(ctx, BOOK_REGION, 'mymachine');
        if (live.length > 0) return failed(`mymachine (${live.map((i) => `${i.InstanceId}: ${i.State.Name}`).join(', ')}) is still there.`);
        return passed('mymachine is terminated.');
      },
      async solve(ctx) {
        await terminate(ctx, BOOK_REGION, (await liveByName(ctx, BOOK_REGION, 'mymachine')).map((i) => i.InstanceId));
      },
    },
    {
      id: 'resize',
      title: 'Stop, resize to m4.large, start',
      section: '§3.4',
      retiredBy: ['resize-terminate'],
      needs: [{ op: 'ec2:DescribeInstances' }],
      solveNeeds: [{ op: 'ec2:StopInstances' }, { op: 'ec2:ModifyInstanceAttribute' }, { op: 'ec2:StartInstances' }, { op: 'ec2:RunInstances' }],
      hints: [
        'The size of a machine can change only while it is stopped.',
        'Launch another t2.micro with ssh-only, stop it, Actions > Instance settings > Change instance type to m4.large, start it again.',
        'aws ec2 stop-instances, aws ec2 modify-instance-attribute --instance-type "{\\"Value\\": \\"m4.large\\"}", aws ec2 start-instances',
      ],
      async check(ctx) {
        const resized = new Set(
          ctx.deps
            .history(ctx.chapterStartedAt)
            .filter((r) => r.operation === 'ModifyInstanceAttribute' && !r.errorCode && r.source !== 'internal')
            .map((r) => String(r.parameters?.InstanceId ?? '')),
        );
        const live = (await describeInstances(ctx, BOOK_REGION)).filter(isLive);
        const big = live.filter((i) => i.InstanceType === 'm4.large');
        const done = big.find((i) => resized.has(i.InstanceId));
        if (done && done.State.Name === 'running') return passed(`${done.InstanceId} now runs as m4.large.`);
        if (done) return failed(`${done.InstanceId} is m4.large now but ${done.State.Name}: start it again.`);
        const changed = live.find((i) => resized.has(i.InstanceId));
        if (changed) return failed(`You changed ${changed.InstanceId}, but it is ${changed.InstanceType}, not m4.large.`);
        if (big.length > 0) return failed(`${big[0]!.InstanceId} was launched as m4.large; the point is to resize a running t2.micro: stop it, change its type, start it.`);
        return failed('No instance has been resized to m4.large yet.');
      },
      async solve(ctx) {
        const group = await ensureGroup(ctx, BOOK_REGION, 'ssh-only', [22]);
        const i = await launch(ctx, BOOK_REGION, UBUNTU_XENIAL, 't2.micro', KEY_NAME, group);
        ctx.notes.set('resized', i.InstanceId);
        await ctx.console('ec2', 'StopInstances', { InstanceIds: [i.InstanceId] }, BOOK_REGION);
        await waitForInstanceState(ctx, BOOK_REGION, i.InstanceId, 'stopped');
        await ctx.console('ec2', 'ModifyInstanceAttribute', { InstanceId: i.InstanceId, InstanceType: { Value: 'm4.large' } }, BOOK_REGION);
        await ctx.console('ec2', 'StartInstances', { InstanceIds: [i.InstanceId] }, BOOK_REGION);
        await waitForInstanceState(ctx, BOOK_REGION, i.InstanceId, 'running');
      },
    },
    {
      id: 'resize-terminate',
      title: 'Terminate the resized machine',
      section: '§3.4',
      needs: [{ op: 'ec2:DescribeInstances' }],
      solveNeeds: [{ op: 'ec2:TerminateInstances' }],
      hints: ['An m4.large is not free: terminate it when you are done.'],
      async check(ctx) {
        if (!ctx.hasPassed('resize')) return failed('Resize a machine first (previous step).');
        const big = (await describeInstances(ctx, BOOK_REGION)).filter((i) => isLive(i) && i.InstanceType === 'm4.large');
        if (big.length > 0) return failed(`${big.map((i) => i.InstanceId).join(', ')} (m4.large) is still ${big[0]!.State.Name}.`);
        return passed('The m4.large machine is gone.');
      },
      async solve(ctx) {
        const big = (await describeInstances(ctx, BOOK_REGION)).filter((i) => isLive(i) && i.InstanceType === 'm4.large');
        await terminate(ctx, BOOK_REGION, big.map((i) => i.InstanceId));
      },
    },
    {
      id: 'sydney-launch',
      title: 'A web server in Sydney',
      section: '§3.5',
      retiredBy: ['sydney-cleanup'],
      needs: [{ op: 'ec2:DescribeInstances' }, { op: 'ec2:DescribeKeyPairs' }],
      solveNeeds: [{ op: 'ec2:RunInstances' }, { op: 'ec2:CreateKeyPair' }],
      hints: [
        'Everything you create lives in one region: switch the region selector to Asia Pacific (Sydney) first.',
        'In Sydney: key pair sydney, then an Amazon Linux t2.micro with a new security group webserver allowing SSH (22) and HTTP (80) from anywhere.',
      ],
      async check(ctx) {
        if (!(await keyPairExists(ctx, SYDNEY, 'sydney'))) return failed(`There is no key pair named sydney in ${SYDNEY}.`);
        const i = await sydneyServer(ctx);
        if (isResult(i)) return i;
        for (const port of [22, 80]) {
          const r = await reachFromWorkstation(ctx, SYDNEY, i, 'tcp', port);
          if (!r.reachable) return failed(`Port ${port} is not reachable: ${r.reason}.`);
        }
        return passed(`${i.InstanceId} runs in Sydney and accepts SSH and HTTP from your address.`);
      },
      async solve(ctx) {
        if (!(await keyPairExists(ctx, SYDNEY, 'sydney'))) await createKeyPairAndSave(ctx, SYDNEY, 'sydney');
        const group = await ensureGroup(ctx, SYDNEY, 'webserver', [22, 80]);
        const i = await launch(ctx, SYDNEY, AMAZON_LINUX, 't2.micro', 'sydney', group);
        ctx.notes.set('sydney', i.InstanceId);
      },
    },
    {
      id: 'sydney-httpd',
      title: 'Install and start Apache',
      section: '§3.5',
      retiredBy: ['sydney-cleanup'],
      needs: [{ op: 'ec2:DescribeInstances' }, { machine: 'workstation' }],
      hints: [
        'Log in as ec2-user with sydney.pem.',
        'sudo yum install httpd -y, then sudo service httpd start, then open http://PUBLIC-IP in the browser.',
      ],
      async check(ctx) {
        const i = await sydneyServer(ctx);
        if (isResult(i)) return i;
        const ip = str(i.PublicIpAddress);
        if (!ip) return failed(`${i.InstanceId} has no public address.`);
        const reach = await reachFromWorkstation(ctx, SYDNEY, i, 'tcp', 80);
        if (!reach.reachable) return failed(`HTTP cannot get through: ${reach.reason}.`);
        const r = await curlFromWorkstation(ctx, ip);
        if (r.code === '000') return failed(`Nothing answers on port 80 of ${ip}: is httpd installed and started (sudo service httpd start)?`);
        return passed(`Apache answers on http://${ip}/ (HTTP ${r.code}).`);
      },
      async solve(ctx) {
        const i = await sydneyServer(ctx);
        if (isResult(i)) throw new Error(i.detail);
        await overSsh(ctx, { host: sshHost(i) ?? i.InstanceId, user: 'ec2-user', key: 'sydney' }, ['sudo yum install httpd -y', 'sudo service httpd start']);
      },
    },
    {
      id: 'elastic-ip',
      title: 'A fixed public address',
      section: '§3.6',
      retiredBy: ['sydney-cleanup'],
      needs: [{ op: 'ec2:DescribeAddresses' }, { op: 'ec2:DescribeInstances' }],
      solveNeeds: [{ op: 'ec2:AllocateAddress' }, { op: 'ec2:AssociateAddress' }],
      hints: ['Network & Security > Elastic IPs > Allocate, then Actions > Associate with the Sydney instance.'],
      async check(ctx) {
        const i = await sydneyServer(ctx);
        if (isResult(i)) return i;
        const addrs = arr((await ctx.aws('ec2', 'DescribeAddresses', {}, SYDNEY)).Addresses);
        if (addrs.length === 0) return failed(`You have no Elastic IP in ${SYDNEY}.`);
        const mine = addrs.find((a) => a.InstanceId === i.InstanceId);
        if (!mine) return failed(`${String(addrs[0]!.PublicIp)} is allocated but not associated with ${i.InstanceId}.`);
        return passed(`${String(mine.PublicIp)} is associated with ${i.InstanceId}.`);
      },
      async solve(ctx) {
        const i = await sydneyServer(ctx);
        if (isResult(i)) throw new Error(i.detail);
        const a = await ctx.console('ec2', 'AllocateAddress', { Domain: 'vpc' }, SYDNEY);
        await ctx.console('ec2', 'AssociateAddress', { AllocationId: a.AllocationId, InstanceId: i.InstanceId }, SYDNEY);
      },
    },
    {
      id: 'second-interface',
      title: 'Two sites on two network interfaces',
      section: '§3.7',
      retiredBy: ['sydney-cleanup'],
      needs: [{ op: 'ec2:DescribeNetworkInterfaces' }, { op: 'ec2:DescribeAddresses' }, { machine: 'workstation' }],
      solveNeeds: [{ op: 'ec2:CreateNetworkInterface' }, { op: 'ec2:AttachNetworkInterface' }],
      hints: [
        'A second interface gets its own private address, and a second Elastic IP maps to it.',
        'Create a network interface in the instance\'s subnet with the webserver group, attach it, associate a new Elastic IP with it.',
        'On the instance: one VirtualHost per private address in /etc/httpd/conf.d/, each with its own DocumentRoot, then sudo service httpd restart.',
      ],
      async check(ctx) {
        const i = await sydneyServer(ctx);
        if (isResult(i)) return i;
        const enis = arr((await ctx.aws('ec2', 'DescribeNetworkInterfaces', { Filters: [{ Name: 'attachment.instance-id', Values: [i.InstanceId] }] }, SYDNEY)).NetworkInterfaces);
        const second = enis.find((n) => Number((n.Attachment as Record<string, unknown> | undefined)?.DeviceIndex) >= 1);
        if (!second) return failed(`${i.InstanceId} has only one network interface; create and attach a second one.`);
        const ip2 = str((second.Association as Record<string, unknown> | undefined)?.PublicIp);
        if (!ip2) return failed(`The second interface ${String(second.NetworkInterfaceId)} has no public address: associate a second Elastic IP with it.`);
        const primary = enis.find((n) => Number((n.Attachment as Record<string, unknown> | undefined)?.DeviceIndex) === 0);
        const ip1 = str((primary?.Association as Record<string, unknown> | undefined)?.PublicIp) ?? str(i.PublicIpAddress);
        if (!ip1) return failed(`${i.InstanceId} has no public address on its first interface.`);
        const [a, b] = [await curlFromWorkstation(ctx, ip1), await curlFromWorkstation(ctx, ip2)];
        if (a.code !== '200' || b.code !== '200') return failed(`http://${ip1}/ answers ${a.code} and http://${ip2}/ answers ${b.code}; both should answer 200.`);
        if (a.body === b.body) return failed(`Both addresses serve the same page; give each private address its own VirtualHost and DocumentRoot.`);
        return passed(`http://${ip1}/ and http://${ip2}/ serve two different sites.`);
      },
      async solve(ctx) {
        const i = await sydneyServer(ctx);
        if (isResult(i)) throw new Error(i.detail);
        const group = await findGroupByName(ctx, SYDNEY, 'webserver');
        const eni = await ctx.console('ec2', 'CreateNetworkInterface', { SubnetId: i.SubnetId, Groups: [group!.GroupId], Description: '2nd interface' }, SYDNEY);
        const n = eni.NetworkInterface as Record<string, unknown>;
        await ctx.console('ec2', 'AttachNetworkInterface', { NetworkInterfaceId: n.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 }, SYDNEY);
        const a = await ctx.console('ec2', 'AllocateAddress', { Domain: 'vpc' }, SYDNEY);
        await ctx.console('ec2', 'AssociateAddress', { AllocationId: a.AllocationId, NetworkInterfaceId: n.NetworkInterfaceId }, SYDNEY);
        const ipA = String(i.PrivateIpAddress);
        const ipB = String(n.PrivateIpAddress);
        const lines: string[] = [];
        for (const [site, ip] of [['a', ipA], ['b', ipB]] as const) {
          lines.push(`sudo mkdir -p /var/www/html/${site} && echo 'Site ${site.toUpperCase()} on ${ip}' | sudo tee /var/www/html/${site}/index.html`);
          lines.push(`printf '<VirtualHost ${ip}:80>\\n  DocumentRoot /var/www/html/${site}\\n</VirtualHost>\\n' | sudo tee /etc/httpd/conf.d/${site}.conf`);
        }
        lines.push('sudo service httpd restart');
        // The Elastic IP of the first interface replaced its public address: log in through it.
        const now = await sydneyServer(ctx);
        await overSsh(ctx, { host: (isResult(now) ? undefined : sshHost(now)) ?? i.InstanceId, user: 'ec2-user', key: 'sydney' }, lines);
      },
    },
    {
      id: 'sydney-cleanup',
      title: 'Clean up Sydney',
      section: '§3.7',
      needs: [{ op: 'ec2:DescribeInstances' }, { op: 'ec2:DescribeAddresses' }, { op: 'ec2:DescribeNetworkInterfaces' }],
      hints: [
        'Order matters: terminate the instance, then delete the interface, release both Elastic IPs, delete the key pair sydney and the group webserver.',
      ],
      async check(ctx) {
        if (!ctx.hasPassed('sydney-launch')) return failed('Build the Sydney web server first.');
        const left: string[] = [];
        const live = (await describeInstances(ctx, SYDNEY)).filter(isLive);
        if (live.length) left.push(`instance ${live.map((i) => i.InstanceId).join(', ')}`);
        const addrs = arr((await ctx.aws('ec2', 'DescribeAddresses', {}, SYDNEY)).Addresses);
        if (addrs.length) left.push(`Elastic IP ${addrs.map((a) => String(a.PublicIp)).join(', ')}`);
        const enis = arr((await ctx.aws('ec2', 'DescribeNetworkInterfaces', {}, SYDNEY)).NetworkInterfaces).filter((n) => n.Status === 'available');
        if (enis.length) left.push(`network interface ${enis.map((n) => String(n.NetworkInterfaceId)).join(', ')}`);
        if (await keyPairExists(ctx, SYDNEY, 'sydney')) left.push('key pair sydney');
        if (await findGroupByName(ctx, SYDNEY, 'webserver')) left.push('security group webserver');
        return left.length ? failed(`Still in Sydney: ${left.join('; ')}.`) : passed('Nothing of yours is left in Sydney.');
      },
      async solve(ctx) {
        await cleanRegion(ctx, SYDNEY, ['sydney'], ['webserver']);
      },
    },
    {
      id: 'spot',
      title: 'A spot instance',
      section: '§3.8.2',
      retiredBy: ['spot-cleanup'],
      needs: [{ op: 'ec2:DescribeSpotInstanceRequests' }, { op: 'ec2:DescribeInstances' }],
      solveNeeds: [{ op: 'ec2:RequestSpotInstances' }],
      hints: [
        'Spot capacity is bought at a maximum price; look at Spot Requests > Pricing history first.',
        'Request one m3.medium Ubuntu 16.04 spot instance with max price $0.093, key mykey, group ssh-only, tag Name=spotinstance; wait until it is fulfilled.',
      ],
      async check(ctx) {
        const reqs = arr((await ctx.aws('ec2', 'DescribeSpotInstanceRequests', {}, BOOK_REGION)).SpotInstanceRequests);
        const active = reqs.find((r) => r.State === 'active' && str(r.InstanceId));
        if (!active) {
          const open = reqs.find((r) => r.State === 'open');
          return failed(open ? `Spot request ${String(open.SpotInstanceRequestId)} is still open (${String((open.Status as Record<string, unknown> | undefined)?.Code ?? 'pending')}).` : 'You have no fulfilled spot request yet.');
        }
        return passed(`Spot request ${String(active.SpotInstanceRequestId)} runs ${String(active.InstanceId)}.`);
      },
      async solve(ctx) {
        const group = await ensureGroup(ctx, BOOK_REGION, 'ssh-only', [22]);
        const imageId = await findImageId(ctx, BOOK_REGION, UBUNTU_XENIAL);
        const out = await ctx.console(
          'ec2',
          'RequestSpotInstances',
          { SpotPrice: '0.093', InstanceCount: 1, Type: 'one-time', LaunchSpecification: { ImageId: imageId, InstanceType: 'm3.medium', KeyName: KEY_NAME, SecurityGroupIds: [group] } },
          BOOK_REGION,
        );
        const id = String(arr(out.SpotInstanceRequests)[0]!.SpotInstanceRequestId);
        await waitFor(ctx, 'the spot request to be fulfilled', async () => {
          const r = arr((await ctx.aws('ec2', 'DescribeSpotInstanceRequests', { SpotInstanceRequestIds: [id] }, BOOK_REGION)).SpotInstanceRequests)[0];
          return r?.State === 'active' ? r : undefined;
        });
      },
    },
    {
      id: 'spot-cleanup',
      title: 'Cancel the spot request and its instance',
      section: '§3.8.2',
      needs: [{ op: 'ec2:DescribeSpotInstanceRequests' }, { op: 'ec2:DescribeInstances' }],
      solveNeeds: [{ op: 'ec2:CancelSpotInstanceRequests' }],
      hints: ['Cancelling a request does not stop its instance: terminate that too (the console offers both at once).'],
      async check(ctx) {
        if (!ctx.hasPassed('spot')) return failed('Request a spot instance first.');
        const reqs = arr((await ctx.aws('ec2', 'DescribeSpotInstanceRequests', {}, BOOK_REGION)).SpotInstanceRequests);
        const live = reqs.filter((r) => r.State === 'open' || r.State === 'active');
        if (live.length) return failed(`Spot request ${String(live[0]!.SpotInstanceRequestId)} is still ${String(live[0]!.State)}.`);
        const ids = new Set(reqs.map((r) => str(r.InstanceId)).filter(Boolean));
        const running = (await describeInstances(ctx, BOOK_REGION)).filter((i) => isLive(i) && ids.has(i.InstanceId));
        if (running.length) return failed(`The request is cancelled but its instance ${running[0]!.InstanceId} still runs: terminate it.`);
        return passed('No spot request or spot instance is left.');
      },
      async solve(ctx) {
        const reqs = arr((await ctx.aws('ec2', 'DescribeSpotInstanceRequests', {}, BOOK_REGION)).SpotInstanceRequests).filter(
          (r) => r.State === 'open' || r.State === 'active',
        );
        if (reqs.length) await ctx.console('ec2', 'CancelSpotInstanceRequests', { SpotInstanceRequestIds: reqs.map((r) => r.SpotInstanceRequestId) }, BOOK_REGION);
        await terminate(ctx, BOOK_REGION, reqs.map((r) => str(r.InstanceId)).filter((x): x is string => !!x));
      },
    },
    {
      id: 'cleanup',
      title: 'Leave nothing running',
      section: '§3.8',
      needs: [{ op: 'ec2:DescribeInstances' }, { op: 'ec2:DescribeSecurityGroups' }],
      hints: ['Terminate what still runs in N. Virginia and delete the security group ssh-only.'],
      async check(ctx) {
        if (!ctx.hasPassed('launch')) return failed('Nothing to clean up before you have launched mymachine.');
        const live = (await describeInstances(ctx, BOOK_REGION)).filter(isLive);
        if (live.length) return failed(`Still running in ${BOOK_REGION}: ${live.map((i) => i.InstanceId).join(', ')}.`);
        if (await findGroupByName(ctx, BOOK_REGION, 'ssh-only')) return failed('The security group ssh-only is still there.');
        return passed('Nothing from this chapter is left.');
      },
      async solve(ctx) {
        await cleanRegion(ctx, BOOK_REGION, [], ['ssh-only']);
      },
    },
  ],
  async cleanup(ctx) {
    if (!ctx.deps.hasOperation('ec2', 'DescribeInstances')) return;
    await cleanRegion(ctx, SYDNEY, ['sydney'], ['webserver']);
    await cleanRegion(ctx, BOOK_REGION, [], ['ssh-only']);
  },
};

/** Terminates every live instance, frees interfaces and addresses, deletes the named key pairs and groups. */
export async function cleanRegion(ctx: StepContext, region: string, keyPairs: string[], groups: string[]): Promise<void> {
  const has = (op: string): boolean => ctx.deps.hasOperation('ec2', op);
  if (has('DescribeSpotInstanceRequests') && has('CancelSpotInstanceRequests')) {
    const reqs = arr((await ctx.aws('ec2', 'DescribeSpotInstanceRequests', {}, region)).SpotInstanceRequests).filter((r) => r.State === 'open' || r.State === 'active');
    if (reqs.length) await ctx.console('ec2', 'CancelSpotInstanceRequests', { SpotInstanceRequestIds: reqs.map((r) => r.SpotInstanceRequestId) }, region);
  }
  await terminate(ctx, region, (await describeInstances(ctx, region)).filter(isLive).map((i) => i.InstanceId));
  if (has('DescribeNetworkInterfaces') && has('DeleteNetworkInterface'))
    for (const n of arr((await ctx.aws('ec2', 'DescribeNetworkInterfaces', {}, region)).NetworkInterfaces).filter((x) => x.Status === 'available'))
      await ctx.console('ec2', 'DeleteNetworkInterface', { NetworkInterfaceId: n.NetworkInterfaceId }, region);
  if (has('DescribeAddresses') && has('ReleaseAddress'))
    for (const a of arr((await ctx.aws('ec2', 'DescribeAddresses', {}, region)).Addresses)) {
      if (a.AssociationId) await ctx.console('ec2', 'DisassociateAddress', { AssociationId: a.AssociationId }, region);
      await ctx.console('ec2', 'ReleaseAddress', { AllocationId: a.AllocationId }, region);
    }
  if (has('DeleteKeyPair')) for (const k of keyPairs) if (await keyPairExists(ctx, region, k)) await ctx.console('ec2', 'DeleteKeyPair', { KeyName: k }, region);
  if (has('DeleteSecurityGroup'))
    for (const g of groups) {
      const found = await findGroupByName(ctx, region, g);
      if (found) await ctx.console('ec2', 'DeleteSecurityGroup', { GroupId: found.GroupId }, region);
    }
}
