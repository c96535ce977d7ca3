/** Chapter 12: a Redis cache cluster next to a machine, and redis-cli from the machine (§12.1). */
import { arr, waitFor, type Obj } from '../cloud';
import { chapterFile } from '../content';
import { failed, passed, type ChapterDefinition, type MachineTarget, type StepContext } from '../types';
import { BOOK_REGION, deleteStacks, KEY_NAME, overSsh, prepareMykey, stackOutputs, waitStackStatus } from './shared';

const STACK = 'redis-minimal';

async function liveStack(ctx: StepContext): Promise<Obj | undefined> {
  const stacks = arr((await ctx.aws('cloudformation', 'DescribeStacks', {}, BOOK_REGION)).Stacks);
  return stacks.find((s) => s.StackName === STACK && s.StackStatus !== 'DELETE_COMPLETE');
}

/** The stack's machine and cache endpoint, once it is complete. */
async function outputs(ctx: StepContext): Promise<{ ip: string; cache: string; instanceId: string } | undefined> {
  const s = await liveStack(ctx);
  if (s?.StackStatus !== 'CREATE_COMPLETE' && s?.StackStatus !== 'UPDATE_COMPLETE') return undefined;
  const out = await stackOutputs(ctx, BOOK_REGION, STACK);
  const vm = (await ctx.aws('cloudformation', 'DescribeStackResource', { StackName: STACK, LogicalResourceId: 'VMInstance' }, BOOK_REGION)).StackResourceDetail as Obj;
  const ip = out.get('VMInstanceIPAddress');
  const cache = out.get('CacheAddress');
  return ip && cache ? { ip, cache, instanceId: String(vm.PhysicalResourceId) } : undefined;
}

const onVm = (instanceId: string): MachineTarget => ({ kind: 'instance', instanceId, region: BOOK_REGION, user: 'ec2-user' });

export const chapter12: ChapterDefinition = {
  number: 12,
  slug: 'elasticache',
  title: 'Caching data in memory: ElastiCache',
  sections: '§12.1-§12.6',
  keeps: [],
  costs: [
    { item: 'cache node, cache.t2.micro', region: BOOK_REGION, pricePerHour: 0.017, count: 1, hours: 0.5 },
    { item: 'machine for redis-cli, t2.micro', region: BOOK_REGION, instanceType: 't2.micro', count: 1, hours: 0.5 },
  ],
  prepare: (ctx) => prepareMykey(ctx),
  steps: [
    {
      id: 'cache-stack',
      title: 'A Redis cluster next to a virtual machine',
      section: '§12.1.1',
      retiredBy: ['cleanup'],
      needs: [{ op: 'cloudformation:DescribeStacks' }, { op: 'elasticache:DescribeCacheClusters' }],
      solveNeeds: [{ op: 'cloudformation:CreateStack' }],
      hints: [
        'CloudFormation > Create stack, with this chapter\'s minimal.yaml; name it redis-minimal.',
        'Parameters: KeyName mykey, VPC the default VPC, SubnetA and SubnetB two different subnets of it. Wait for CREATE_COMPLETE and read the Outputs.',
      ],
      async check(ctx) {
        const s = await liveStack(ctx);
        if (!s) return failed(`There is no stack named ${STACK} yet.`);
        if (s.StackStatus !== 'CREATE_COMPLETE' && s.StackStatus !== 'UPDATE_COMPLETE') return failed(`The stack ${STACK} is ${String(s.StackStatus)}.`);
        const clusters = arr((await ctx.aws('elasticache', 'DescribeCacheClusters', {}, BOOK_REGION)).CacheClusters).filter((c) => c.CacheClusterStatus === 'available');
        if (clusters.length === 0) return failed('The stack is complete, but no cache cluster is available.');
        const o = await outputs(ctx);
        if (!o) return failed('The stack has no CacheAddress or VMInstanceIPAddress output.');
        return passed(`Redis answers at ${o.cache}; the machine is at ${o.ip}.`);
      },
      async solve(ctx) {
        const vpcs = arr((await ctx.aws('ec2', 'DescribeVpcs', { Filters: [{ Name: 'isDefault', Values: ['true'] }] }, BOOK_REGION)).Vpcs);
        const vpc = String(vpcs[0]!.VpcId);
        const subnets = arr((await ctx.aws('ec2', 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpc] }] }, BOOK_REGION)).Subnets).map((s) => String(s.SubnetId));
        await ctx.console(
          'cloudformation',
          'CreateStack',
          {
            StackName: STACK,
            TemplateBody: chapterFile(ctx.deps.resourcesDir, chapter12, 'minimal.yaml'),
            Parameters: [
              { ParameterKey: 'KeyName', ParameterValue: KEY_NAME },
              { ParameterKey: 'VPC', ParameterValue: vpc },
              { ParameterKey: 'SubnetA', ParameterValue: subnets[0]! },
              { ParameterKey: 'SubnetB', ParameterValue: subnets[1] ?? subnets[0]! },
            ],
          },
          BOOK_REGION,
        );
        await waitStackStatus(ctx, BOOK_REGION, STACK, 'CREATE_COMPLETE');
      },
    },
    {
      id: 'redis-client',
      title: 'Install the Redis client on the machine',
      section: '§12.1.2',
      retiredBy: ['cleanup'],
      needs: [{ op: 'cloudformation:DescribeStacks' }, { machine: 'instance' }],
      hints: ['ssh -i mykey.pem ec2-user@VMInstanceIPAddress, then sudo yum -y install --enablerepo=epel redis'],
      async check(ctx) {
        const o = await outputs(ctx);
        if (!o) return failed(`Create the stack ${STACK} first.`);
        const r = await ctx.deps.machines!.run(onVm(o.instanceId), 'which redis-cli');
        if (r.exitCode !== 0) return failed('The machine has no redis package yet (it comes from the EPEL repository).');
        return passed(`The machine has redis-cli (${r.stdout.trim()}).`);
      },
      async solve(ctx) {
        const o = await outputs(ctx);
        if (!o) throw new Error(`the stack ${STACK} is not complete`);
        await overSsh(ctx, { host: o.ip, user: 'ec2-user', key: KEY_NAME }, ['sudo yum -y install --enablerepo=epel redis']);
      },
    },
    {
      id: 'redis-session',
      title: 'Talk to the cache',
      section: '§12.1.2',
      retiredBy: ['cleanup'],
      needs: [{ op: 'cloudformation:DescribeStacks' }, { machine: 'instance' }],
      hints: ['redis-cli -h CacheAddress, then SET key1 value1, GET key1, GET key2, SET key3 value3 EX 5, GET key3 (twice, a few seconds apart), quit.'],
      async check(ctx) {
        const o = await outputs(ctx);
        if (!o) return failed(`Create the stack ${STACK} first.`);
        const r = await ctx.deps.machines!.run(onVm(o.instanceId), `redis-cli -h ${o.cache} GET key1`);
        if (r.exitCode !== 0) return failed(`redis-cli on the machine cannot reach the cache: ${r.stderr.trim() || r.stdout.trim()}`);
        if (r.stdout.trim() !== 'value1') return failed('The cache does not hold key1 with the value value1 yet.');
        return passed('The cache holds key1 = value1; key3 lived for five seconds.');
      },
      async solve(ctx) {
        const o = await outputs(ctx);
        if (!o) throw new Error(`the stack ${STACK} is not complete`);
        const cli = `redis-cli -h ${o.cache}`;
        await overSsh(ctx, { host: o.ip, user: 'ec2-user', key: KEY_NAME }, [`${cli} SET key1 value1`, `${cli} GET key1`, `${cli} GET key2`, `${cli} SET key3 value3 EX 5`, `${cli} GET key3`]);
      },
    },
    {
      id: 'cleanup',
      title: 'Delete the stack',
      section: '§12.6',
      needs: [{ op: 'cloudformation:DescribeStacks' }],
      hints: [`CloudFormation > ${STACK} > Delete.`],
      async check(ctx) {
        if (!ctx.hasPassed('cache-stack')) return failed('Nothing to clean up before the stack was created.');
        const s = await liveStack(ctx);
        if (s) return failed(`The stack ${STACK} is still there (${String(s.StackStatus)}).`);
        const left = arr((await ctx.aws('elasticache', 'DescribeCacheClusters', {}, BOOK_REGION)).CacheClusters);
        if (left.length) return failed(`A cache cluster is still there: ${String(left[0]!.CacheClusterId)}.`);
        return passed('The cache cluster and the machine are gone.');
      },
      solve: (ctx) => deleteStacks(ctx, BOOK_REGION, [STACK]),
    },
  ],
  cleanup: async (ctx) => {
    await deleteStacks(ctx, BOOK_REGION, [STACK]);
    await waitFor(ctx, 'cache clusters to go', async () => (arr((await ctx.aws('elasticache', 'DescribeCacheClusters', {}, BOOK_REGION)).CacheClusters).length ? undefined : true));
  },
};
