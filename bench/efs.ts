/**
 * Small files on EFS against the instance's EBS root, in one run: one instance mounts an EFS file
 * system (through its zone's mount target, as §10.3 does), then the same guest loop creates, writes
 * and reads N small files in a directory of each. The ratio shows what the shared store costs per
 * file (the EFS rows are shared, and every operation is metered for CloudWatch); the goal is that a
 * file stays interactive: ≤ 5 ms each on EFS.
 */
import { createEngine, type Engine } from '../src-main/engine/index';
import { createClock } from '../src-main/engine/clock/clock';
import { GuestShell } from '../src-main/engine/guest/session';

export interface EfsBenchResult {
  files: number;
  /** Through the guest's shell (`echo > f; cat f` in a loop), as a learner's script does it. */
  ebsMsPerFile: number;
  efsMsPerFile: number;
  /** efs / ebs (higher: EFS is slower per file). */
  ratio: number;
  /** The filesystem layer alone (create, write, read through the guest's path layer), no shell. */
  fsEbsMsPerFile: number;
  fsEfsMsPerFile: number;
  fsRatio: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
async function setup(): Promise<{ engine: Engine; shell: GuestShell; guest: NonNullable<Awaited<ReturnType<Engine['terminals']['guest']>>> }> {
  const engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 5, 1, 9, 0, 0) }) });
  const call = (service: string, op: string, input: Record<string, unknown> = {}): Promise<any> =>
    engine.call(engine.account.root, service, op, input, { region: 'us-east-1', source: 'api' });
  const step = async (ms: number) => {
    for (let t = 0; t < ms; t += 10_000) {
      engine.clock.advance(10_000);
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    }
  };
  const fsId = (await call('elasticfilesystem', 'CreateFileSystem', { CreationToken: 'bench' })).FileSystemId;
  await step(10_000);
  const subnet = (await call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets[0];
  const sg = (await call('ec2', 'CreateSecurityGroup', { GroupName: 'nfs', Description: 'nfs', VpcId: subnet.VpcId })).GroupId;
  await call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
  await call('elasticfilesystem', 'CreateMountTarget', { FileSystemId: fsId, SubnetId: subnet.SubnetId, SecurityGroups: [sg] });
  const id = (await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet.SubnetId })).Instances[0].InstanceId;
  await step(120_000);
  const g = await engine.terminals.guest(id);
  const shell = new GuestShell(g!, g!.user('root')!);
  const m = await shell.exec(`mkdir -p /efs /ebs && mount -t nfs4 -o nfsvers=4.1 ${fsId}.efs.us-east-1.amazonaws.com:/ /efs && mkdir /efs/small`);
  if (m.exitCode !== 0) throw new Error(`mount failed: ${m.stderr}`);
  return { engine, shell, guest: g! };
}

/** create + write + read of `files` small files straight through the guest's filesystem. */
function fsLoop(fs: { writeSync(p: string, d: Uint8Array, append: boolean): void; readSync(p: string): Uint8Array }, dir: string, files: number, tag: string): number {
  const t0 = performance.now();
  for (let i = 0; i < files; i++) {
    const p = `${dir}/${tag}${i}`;
    fs.writeSync(p, new TextEncoder().encode(`line ${i} of a small file\n`), false);
    if (fs.readSync(p).byteLength === 0) throw new Error('empty read');
  }
  return (performance.now() - t0) / files;
}

async function timeLoop(shell: GuestShell, dir: string, files: number): Promise<number> {
  const t0 = performance.now();
  const r = await shell.exec(`for i in $(seq 1 ${files}); do echo "line $i of a small file" > ${dir}/f$i; cat ${dir}/f$i > /dev/null; done`);
  if (r.exitCode !== 0) throw new Error(r.stderr);
  return (performance.now() - t0) / files;
}

export async function benchEfs(files = Number(process.env.BENCH_EFS_FILES ?? 300)): Promise<EfsBenchResult> {
  const { engine, shell, guest } = await setup();
  try {
    // One warm-up round each, then alternate so neither side gets the machine's quieter moment.
    await timeLoop(shell, '/ebs', 20);
    await timeLoop(shell, '/efs/small', 20);
    const ebs: number[] = [];
    const efs: number[] = [];
    for (let round = 0; round < 3; round++) {
      ebs.push(await timeLoop(shell, '/ebs', files));
      efs.push(await timeLoop(shell, '/efs/small', files));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const ebsMs = median(ebs);
    const efsMs = median(efs);
    const fsEbs: number[] = [];
    const fsEfs: number[] = [];
    for (let round = 0; round < 3; round++) {
      fsEbs.push(fsLoop(guest.rootFs, '/ebs', files * 3, `r${round}-`));
      fsEfs.push(fsLoop(guest.rootFs, '/efs/small', files * 3, `r${round}-`));
    }
    const fsEbsMs = median(fsEbs);
    const fsEfsMs = median(fsEfs);
    return { files, ebsMsPerFile: ebsMs, efsMsPerFile: efsMs, ratio: efsMs / ebsMs, fsEbsMsPerFile: fsEbsMs, fsEfsMsPerFile: fsEfsMs, fsRatio: fsEfsMs / fsEbsMs };
  } finally {
    engine.close();
    await engine.supervisor.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchEfs();
  console.log(efsLine(r));
}

export function efsLine(r: EfsBenchResult): string {
  return (
    `EFS small files (create+write+read): shell loop ${r.efsMsPerFile.toFixed(2)} ms/file on EFS vs ${r.ebsMsPerFile.toFixed(2)} ms on the EBS root (×${r.ratio.toFixed(2)}); ` +
    `filesystem layer ${r.fsEfsMsPerFile.toFixed(3)} ms vs ${r.fsEbsMsPerFile.toFixed(3)} ms (×${r.fsRatio.toFixed(2)}); goal ≤ 5 ms a file on EFS`
  );
}
