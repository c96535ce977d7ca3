/**
 * Authorization overhead per call: the authorizer (engine/iam) for an IAM user with 20 attached
 * managed policies of 10 statements each (10 on the user, 10 through a group, AWS's default quota
 * per entity), against the root user (no evaluation) in the same run. The authorizer is what the
 * dispatcher runs before every handler; measuring it directly keeps handler and SQLite write costs out.
 * Goal: median overhead < 50 µs.
 */
import { createEngine } from '../src-main/engine/index';
import { createAuthorizer } from '../src-main/engine/iam/authorize';
import { authzHooks } from '../src-main/engine/services/registry';
import type { Ctx } from '../src-main/engine/core/provider';
import type { Principal } from '../src-main/engine/protocol/types';

export interface IamBenchResult {
  /** Median µs per authorize() for root (the baseline: no evaluation). */
  rootMicros: number;
  /** Median µs per authorize() for the user with 20 × 10 statements. */
  userMicros: number;
  /** userMicros − rootMicros. */
  overheadMicros: number;
}

const statement = (p: number, s: number) => ({
  Sid: `P${p}S${s}`,
  Effect: 'Allow',
  Action: [`ec2:Describe${p}x${s}*`, `s3:Get${p}x${s}*`, `dynamodb:Query`],
  Resource: [`arn:aws:s3:::bucket-${p}-${s}/*`, `arn:aws:dynamodb:us-east-1:*:table/t${p}${s}`],
  Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
});

export async function benchIam(opts: { batches?: number; perBatch?: number } = {}): Promise<IamBenchResult> {
  const batches = opts.batches ?? 200;
  const perBatch = opts.perBatch ?? 200;
  const engine = createEngine();
  const root = engine.account.root;
  const iam = (op: string, input: Record<string, unknown>) => engine.call(root, 'iam', op, input);
  await iam('CreateUser', { UserName: 'bench' });
  await iam('CreateGroup', { GroupName: 'bench-group' });
  await iam('AddUserToGroup', { GroupName: 'bench-group', UserName: 'bench' });
  for (let p = 0; p < 20; p++) {
    const statements = Array.from({ length: 10 }, (_, s) => statement(p, s));
    if (p === 19) statements[9] = { Sid: 'Read', Effect: 'Allow', Action: ['ec2:Describe*'], Resource: ['*'], Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1'] } } };
    const out = (await iam('CreatePolicy', { PolicyName: `bench-${p}`, PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) })) as { Policy: { Arn: string } };
    if (p < 10) await iam('AttachUserPolicy', { UserName: 'bench', PolicyArn: out.Policy.Arn });
    else await iam('AttachGroupPolicy', { GroupName: 'bench-group', PolicyArn: out.Policy.Arn });
  }
  const key = (await iam('CreateAccessKey', { UserName: 'bench' })) as { AccessKey: { AccessKeyId: string } };
  const user = engine.lookupAccessKey(key.AccessKey.AccessKeyId)!.principal;
  const { authorize } = createAuthorizer(authzHooks);
  const input = { InstanceIds: ['i-0123456789abcdef0'] };
  const ctxFor = (principal: Principal): Ctx => ({
    requestId: 'bench',
    accountId: principal.accountId,
    region: 'us-east-1',
    service: 'ec2',
    operation: 'DescribeInstances',
    principal,
    source: 'api',
    sourceIp: '127.0.0.1',
    store: engine.store,
    clock: engine.clock,
    call: engine.call,
    commit: (fn) => fn(),
  });
  const rootCtx = ctxFor(root);
  const userCtx = ctxFor(user);
  authorize(userCtx, input); // must be allowed (and warms the caches, as a learner's first call does)
  const median = (ctx: Ctx): number => {
    const samples: number[] = [];
    for (let b = 0; b < batches; b++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < perBatch; i++) authorize(ctx, input);
      samples.push(Number(process.hrtime.bigint() - t0) / perBatch / 1000);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)]!;
  };
  median(userCtx);
  const rootMicros = median(rootCtx);
  const userMicros = median(userCtx);
  engine.close();
  return { rootMicros, userMicros, overheadMicros: userMicros - rootMicros };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchIam();
  console.log(`authorize: root ${r.rootMicros.toFixed(2)} µs, user (20×10 statements) ${r.userMicros.toFixed(2)} µs, overhead ${r.overheadMicros.toFixed(2)} µs (goal < 50 µs)`);
}
