/**
 * CloudFormation benchmark (the lead wires it into bench/run.ts):
 *
 *   stackCreateDelete({ resources, warp })   in-process: CreateStack of a `resources`-resource
 *                                            template (a VPC with subnets, security groups and
 *                                            queue records in dependent waves), until
 *                                            CREATE_COMPLETE, then DeleteStack until
 *                                            DELETE_COMPLETE; wall milliseconds of each with the
 *                                            clock at `warp` (goal: both under 1 s at 100)
 */
import { createClock } from '../src-main/engine/clock/clock';
import { createEngine } from '../src-main/engine/index';

export interface StackBenchResult {
  resources: number;
  createMs: number;
  deleteMs: number;
  events: number;
}

/** A VPC, 8 subnets, 16 security groups, then queue records chained in waves of 10. */
export function benchTemplate(resources: number): string {
  const lines = ['Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties: { CidrBlock: 10.50.0.0/16 }'];
  let n = 1;
  for (let i = 0; i < 8 && n < resources; i++, n++) {
    lines.push(`  Subnet${i}:`, '    Type: AWS::EC2::Subnet', `    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.50.${i}.0/24 }`);
  }
  for (let i = 0; i < 16 && n < resources; i++, n++) {
    lines.push(`  Group${i}:`, '    Type: AWS::EC2::SecurityGroup', `    Properties: { GroupDescription: group ${i}, VpcId: !Ref Vpc }`);
  }
  for (let i = 0; n < resources; i++, n++) {
    const dep = i >= 10 ? `\n    DependsOn: Queue${i - 10}` : '';
    lines.push(`  Queue${i}:`, `    Type: AWS::SQS::Queue${dep}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function stackCreateDelete(opts: { resources?: number; warp?: number } = {}): Promise<StackBenchResult> {
  const resources = opts.resources ?? 100;
  const clock = createClock({ warp: opts.warp ?? 1_000_000 });
  const engine = createEngine({ clock });
  const root = engine.account.root;
  const call = (op: string, input: Record<string, unknown>) => engine.call(root, 'cloudformation', op, input, { region: 'us-east-1' });
  const status = async (id: string) => ((await call('DescribeStacks', { StackName: id })).Stacks as { StackStatus: string }[])[0]!.StackStatus;
  const until = async (id: string, done: string) => {
    for (;;) {
      const s = await status(id);
      if (s === done) return;
      if (!s.endsWith('_IN_PROGRESS')) throw new Error(`stack ended in ${s}`);
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  try {
    const t0 = performance.now();
    const { StackId } = (await call('CreateStack', { StackName: 'bench', TemplateBody: benchTemplate(resources) })) as { StackId: string };
    await until(StackId, 'CREATE_COMPLETE');
    const t1 = performance.now();
    await call('DeleteStack', { StackName: 'bench' });
    await until(StackId, 'DELETE_COMPLETE');
    const t2 = performance.now();
    let events = 0;
    let token: string | undefined;
    do {
      const page = (await call('DescribeStackEvents', { StackName: StackId, ...(token ? { NextToken: token } : {}) })) as { StackEvents: unknown[]; NextToken?: string };
      events += page.StackEvents.length;
      token = page.NextToken;
    } while (token);
    return { resources, createMs: t1 - t0, deleteMs: t2 - t1, events };
  } finally {
    engine.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await stackCreateDelete();
  console.log(`CloudFormation ${r.resources} resources: create ${r.createMs.toFixed(0)} ms, delete ${r.deleteMs.toFixed(0)} ms (${r.events} events)`);
}
