/** Chapter 9: network volumes (EBS), their snapshots, and the instance store (T9.1-T9.6, §9.1-§9.2). */
import { arr, defaultSubnet, str, waitFor, type Obj } from '../cloud';
import { failed, passed, type ChapterDefinition, type CheckResult, type MachineTarget, type StepContext } from '../types';
import { BOOK_REGION, createChapterStack, deleteStacks, describeStack, KEY_NAME, overSsh, prepareMycli, prepareMykey, stackOutputs, typeOn, waitStackStatus, WORKSTATION } from './shared';

const EBS = 'ebs';
const STORE = 'instancestore';
const GiB = 2 ** 30;

const asRoot = (instanceId: string): MachineTarget => ({ kind: 'instance', instanceId, region: BOOK_REGION, user: 'root' });

interface EbsStack {
  instanceId: string;
  host: string;
  volumeId: string;
  volume: Obj;
}

/** The ebs stack once complete: its machine, its volume (whether attached or not). */
async function ebsStack(ctx: StepContext): Promise<EbsStack | CheckResult> {
  const s = await describeStack(ctx, BOOK_REGION, EBS);
  if (!s || s.StackStatus === 'DELETE_COMPLETE') return failed(`There is no stack named ${EBS} yet: create it from this chapter's ebs.yaml.`);
  if (s.StackStatus !== 'CREATE_COMPLETE' && s.StackStatus !== 'UPDATE_COMPLETE') return failed(`The stack ${EBS} is ${String(s.StackStatus)}.`);
  const out = await stackOutputs(ctx, BOOK_REGION, EBS);
  const machine = (await ctx.aws('cloudformation', 'DescribeStackResource', { StackName: EBS, LogicalResourceId: 'Machine' }, BOOK_REGION)).StackResourceDetail as Obj;
  const volumeId = out.get('VolumeId');
  if (!volumeId) return failed(`The stack ${EBS} has no VolumeId output.`);
  const volume = arr((await ctx.aws('ec2', 'DescribeVolumes', { VolumeIds: [volumeId] }, BOOK_REGION)).Volumes)[0];
  if (!volume) return failed(`The stack's volume ${volumeId} is gone.`);
  return { instanceId: String(machine.PhysicalResourceId), host: out.get('PublicName') ?? '', volumeId, volume };
}

const isResult = (x: unknown): x is CheckResult => typeof x === 'object' && x !== null && 'status' in x && 'detail' in x;

const attachedTo = (v: Obj, instanceId: string): Obj | undefined =>
  arr(v.Attachments).find((a) => a.InstanceId === instanceId && (a.State === 'attached' || a.State === undefined));

/**
 * Runs `command` in the root folder of the file system on a device of the machine: where it is
 * mounted, or (when it is not mounted) mounted for the moment under /run and unmounted again.
 * Exit 3: the device holds no file system the machine can mount.
 */
async function onFileSystem(ctx: StepContext, instanceId: string, device: string, command: string): Promise<{ stdout: string; exitCode: number }> {
  const script = [
    `m=$(df | awk '$1=="${device}"{print $6}')`,
    `t=""`,
    `if [ -z "$m" ]; then mkdir -p /run/nimbus-check && mount ${device} /run/nimbus-check 2>/dev/null || exit 3; m=/run/nimbus-check; t=1; fi`,
    `cd "$m" && ${command}; s=$?`,
    `cd /`,
    `if [ -n "$t" ]; then umount /run/nimbus-check; fi`,
    `exit $s`,
  ].join('\n');
  return ctx.deps.machines!.run(asRoot(instanceId), script);
}

/** Snapshots of the account that were taken of a volume. */
async function snapshotsOf(ctx: StepContext, volumeId: string): Promise<Obj[]> {
  return arr((await ctx.aws('ec2', 'DescribeSnapshots', { OwnerIds: ['self'] }, BOOK_REGION)).Snapshots).filter((s) => s.VolumeId === volumeId);
}

/**
 * Volumes made from a snapshot that no machine uses (the copy of §9.1.4). A machine's root volume
 * also comes from a snapshot (its image's), but it is attached while the machine lives.
 */
async function restoredVolumes(ctx: StepContext): Promise<Obj[]> {
  return arr((await ctx.aws('ec2', 'DescribeVolumes', {}, BOOK_REGION)).Volumes).filter((v) => str(v.SnapshotId) && (v.State === 'available' || v.State === 'creating'));
}

async function storeMachine(ctx: StepContext): Promise<{ instanceId: string; host: string } | CheckResult> {
  const s = await describeStack(ctx, BOOK_REGION, STORE);
  if (!s || s.StackStatus === 'DELETE_COMPLETE') return failed(`There is no stack named ${STORE} yet: create it from this chapter's instancestore.yaml.`);
  if (s.StackStatus !== 'CREATE_COMPLETE') return failed(`The stack ${STORE} is ${String(s.StackStatus)}.`);
  const machine = (await ctx.aws('cloudformation', 'DescribeStackResource', { StackName: STORE, LogicalResourceId: 'Machine' }, BOOK_REGION)).StackResourceDetail as Obj;
  const out = await stackOutputs(ctx, BOOK_REGION, STORE);
  return { instanceId: String(machine.PhysicalResourceId), host: out.get('PublicName') ?? '' };
}

/** The book's dd test: write 1 GiB, drop the page cache, read it back. */
const ddTest = (dir: string): string[] => [
  `sudo dd if=/dev/zero of=${dir}/tempfile bs=1M count=1024 conv=fdatasync,notrunc`,
  'echo 3 | sudo tee /proc/sys/vm/drop_caches',
  `sudo dd if=${dir}/tempfile of=/dev/null bs=1M count=1024`,
];

async function updateAttach(ctx: StepContext, value: 'yes' | 'no'): Promise<void> {
  await ctx.console(
    'cloudformation',
    'UpdateStack',
    {
      StackName: EBS,
      UsePreviousTemplate: true,
      Capabilities: ['CAPABILITY_IAM'],
      Parameters: [
        { ParameterKey: 'KeyName', UsePreviousValue: true },
        { ParameterKey: 'VPC', UsePreviousValue: true },
        { ParameterKey: 'Subnet', UsePreviousValue: true },
        { ParameterKey: 'AttachVolume', ParameterValue: value },
      ],
    },
    BOOK_REGION,
  );
  await waitStackStatus(ctx, BOOK_REGION, EBS, 'UPDATE_COMPLETE');
}

async function stackParams(ctx: StepContext): Promise<Record<string, string>> {
  const { vpcId, subnetId } = await defaultSubnet(ctx, BOOK_REGION);
  return { KeyName: KEY_NAME, VPC: vpcId, Subnet: subnetId };
}

const STACK_NEEDS = [{ op: 'cloudformation:DescribeStacks' as const }, { op: 'ec2:DescribeVolumes' as const }];

export const chapter09: ChapterDefinition = {
  number: 9,
  slug: 'ebs',
  title: 'Storing data on hard drives: EBS and instance store',
  sections: '§9.1-§9.2',
  keeps: [],
  costs: [
    { item: 'machine for the volume, t2.micro', region: BOOK_REGION, instanceType: 't2.micro', count: 1, hours: 1 },
    // gp2 storage: $0.10 per GB and month, about 730 hours.
    { item: 'EBS volume, 5 GiB gp2 (and its copy from the snapshot)', region: BOOK_REGION, pricePerHour: 0.0007, count: 2, hours: 1 },
    { item: 'machine with an instance store, m3.medium', region: BOOK_REGION, instanceType: 'm3.medium', count: 1, hours: 0.5 },
  ],
  // mykey for ssh (chapter 1) and the CLI configured as mycli (chapter 4) for §9.1.4's commands.
  async prepare(ctx) {
    await prepareMykey(ctx);
    await prepareMycli(ctx);
  },
  steps: [
    {
      id: 'ebs-stack',
      title: 'A machine with a 5 GiB network volume',
      section: '§9.1.1',
      retiredBy: ['ebs-delete'],
      needs: STACK_NEEDS,
      solveNeeds: [{ op: 'cloudformation:CreateStack' }],
      hints: [
        'CloudFormation > Create stack named ebs from this chapter\'s ebs.yaml; the template creates an IAM role, so acknowledge that.',
        'Parameters: KeyName mykey, VPC the default VPC, Subnet one of its subnets, AttachVolume yes.',
      ],
      async check(ctx) {
        const e = await ebsStack(ctx);
        if (isResult(e)) return e;
        if (Number(e.volume.Size) !== 5) return failed(`The stack's volume ${e.volumeId} has ${String(e.volume.Size)} GiB, not 5.`);
        const a = attachedTo(e.volume, e.instanceId);
        if (!a) return failed(`The volume ${e.volumeId} is not attached to the stack's machine ${e.instanceId}: set AttachVolume to yes.`);
        return passed(`The 5 GiB ${String(e.volume.VolumeType)} volume ${e.volumeId} is attached to ${e.instanceId} as ${String(a.Device)}.`);
      },
      async solve(ctx) {
        await createChapterStack(ctx, chapter09, EBS, 'ebs.yaml', { ...(await stackParams(ctx)), AttachVolume: 'yes' }, ['CAPABILITY_IAM']);
      },
    },
    {
      id: 'format-mount',
      title: 'A file system on the volume, and a file on it',
      section: '§9.1.2',
      retiredBy: ['ebs-delete'],
      needs: [...STACK_NEEDS, { machine: 'instance' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'A fresh volume is raw blocks: it needs a file system before it can be mounted.',
        'On the machine: sudo fdisk -l shows /dev/xvdf; sudo mkfs -t ext4 /dev/xvdf; sudo mkdir /mnt/volume; sudo mount /dev/xvdf /mnt/volume',
        'sudo touch /mnt/volume/testfile, look at df -h, then sudo umount /mnt/volume',
      ],
      async check(ctx) {
        const e = await ebsStack(ctx);
        if (isResult(e)) return e;
        if (!attachedTo(e.volume, e.instanceId)) return failed(`The volume ${e.volumeId} is not attached to ${e.instanceId}.`);
        const r = await onFileSystem(ctx, e.instanceId, '/dev/xvdf', 'ls testfile');
        if (r.exitCode === 3) return failed('/dev/xvdf holds no file system yet: sudo mkfs -t ext4 /dev/xvdf.');
        if (r.exitCode !== 0) return failed('The volume has a file system, but no testfile at its top: mount it on /mnt/volume and sudo touch /mnt/volume/testfile.');
        return passed(`The volume ${e.volumeId} has an ext4 file system holding testfile.`);
      },
      async solve(ctx) {
        const e = await ebsStack(ctx);
        if (isResult(e)) throw new Error(e.detail);
        await overSsh(ctx, { host: e.host, user: 'ec2-user', key: KEY_NAME }, [
          'sudo fdisk -l',
          'sudo mkfs -t ext4 /dev/xvdf',
          'sudo mkdir /mnt/volume/',
          'sudo mount /dev/xvdf /mnt/volume/',
          'df -h',
          'sudo touch /mnt/volume/testfile',
          'sudo umount /mnt/volume/',
        ]);
      },
    },
    {
      id: 'detach-attach',
      title: 'Detach the volume and attach it again',
      section: '§9.1.2',
      retiredBy: ['ebs-delete'],
      needs: [...STACK_NEEDS, { op: 'cloudformation:DescribeStackEvents' }, { machine: 'instance' }],
      solveNeeds: [{ op: 'cloudformation:UpdateStack' }, { machine: 'workstation' }],
      hints: [
        'The volume is its own resource: the template\'s condition only decides whether it is plugged into the machine.',
        'Update the stack with AttachVolume no (the disk disappears from fdisk -l), then again with yes; mount it and look for testfile.',
      ],
      async check(ctx) {
        const e = await ebsStack(ctx);
        if (isResult(e)) return e;
        const events = arr((await ctx.aws('cloudformation', 'DescribeStackEvents', { StackName: EBS }, BOOK_REGION)).StackEvents)
          .filter((x) => x.LogicalResourceId === 'VolumeAttachment')
          .reverse();
        const detached = events.findIndex((x) => x.ResourceStatus === 'DELETE_COMPLETE');
        if (detached < 0) return failed('The volume has not been detached yet: update the stack with AttachVolume set to no.');
        if (!events.slice(detached).some((x) => x.ResourceStatus === 'CREATE_COMPLETE') || !attachedTo(e.volume, e.instanceId))
          return failed('The volume was detached; now update the stack with AttachVolume set to yes again.');
        const r = await onFileSystem(ctx, e.instanceId, '/dev/xvdf', 'ls testfile');
        if (r.exitCode !== 0) return failed('The volume is back, but testfile is not on it.');
        return passed(`The volume ${e.volumeId} was detached and attached again; testfile survived.`);
      },
      async solve(ctx) {
        const e = await ebsStack(ctx);
        if (isResult(e)) throw new Error(e.detail);
        await updateAttach(ctx, 'no');
        await overSsh(ctx, { host: e.host, user: 'ec2-user', key: KEY_NAME }, ['sudo fdisk -l', 'ls /mnt/volume/ || true']);
        await updateAttach(ctx, 'yes');
        await overSsh(ctx, { host: e.host, user: 'ec2-user', key: KEY_NAME }, ['sudo mount /dev/xvdf /mnt/volume/', 'ls /mnt/volume/testfile']);
      },
    },
    {
      id: 'performance',
      title: 'Measure the volume with dd',
      section: '§9.1.3',
      retiredBy: ['ebs-delete'],
      needs: [...STACK_NEEDS, { machine: 'instance' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'Write 1 GiB, empty the page cache, read it back: dd prints the throughput each way.',
        'sudo dd if=/dev/zero of=/mnt/volume/tempfile bs=1M count=1024 conv=fdatasync,notrunc; echo 3 | sudo tee /proc/sys/vm/drop_caches; sudo dd if=/mnt/volume/tempfile of=/dev/null bs=1M count=1024',
      ],
      async check(ctx) {
        const e = await ebsStack(ctx);
        if (isResult(e)) return e;
        const r = await onFileSystem(ctx, e.instanceId, '/dev/xvdf', 'stat -c %s tempfile');
        if (r.exitCode !== 0) return failed('There is no tempfile on the volume yet: write 1 GiB to /mnt/volume/tempfile with dd.');
        if (Number(r.stdout.trim()) < GiB) return failed(`tempfile on the volume has ${r.stdout.trim()} bytes; the test writes 1 GiB (bs=1M count=1024).`);
        return passed('dd wrote 1 GiB to the volume (tempfile); its speeds are in your terminal.');
      },
      async solve(ctx) {
        const e = await ebsStack(ctx);
        if (isResult(e)) throw new Error(e.detail);
        await overSsh(ctx, { host: e.host, user: 'ec2-user', key: KEY_NAME }, ddTest('/mnt/volume'));
      },
    },
    {
      id: 'snapshot',
      title: 'Snapshot the volume',
      section: '§9.1.4',
      retiredBy: ['snapshot-cleanup'],
      needs: [...STACK_NEEDS, { op: 'ec2:DescribeSnapshots' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'A snapshot copies the volume\'s blocks into S3; it may be taken while the volume is in use (freeze the file system for a consistent copy).',
        'aws ec2 describe-volumes --filters "Name=size,Values=5" --query "Volumes[].VolumeId" --output text, then aws ec2 create-snapshot --volume-id vol-…',
        'aws ec2 describe-snapshots --snapshot-ids snap-… until its State is completed.',
      ],
      async check(ctx) {
        const e = await ebsStack(ctx);
        if (isResult(e)) return e;
        const snaps = await snapshotsOf(ctx, e.volumeId);
        if (snaps.length === 0) return failed(`There is no snapshot of ${e.volumeId} yet.`);
        const done = snaps.find((s) => s.State === 'completed');
        if (!done) return failed(`The snapshot ${String(snaps[0]!.SnapshotId)} is ${String(snaps[0]!.State)} (${String(snaps[0]!.Progress ?? '')}); wait until it is completed.`);
        return passed(`The snapshot ${String(done.SnapshotId)} of ${e.volumeId} is completed.`);
      },
      async solve(ctx) {
        const volume = (await typeOn(ctx, WORKSTATION, 'aws ec2 describe-volumes --filters "Name=size,Values=5" --query "Volumes[].VolumeId" --output text')).trim().split(/\s+/)[0];
        const e = await ebsStack(ctx);
        if (isResult(e)) throw new Error(e.detail);
        const snap = (await typeOn(ctx, WORKSTATION, `aws ec2 create-snapshot --volume-id ${volume || e.volumeId} --query SnapshotId --output text`)).trim();
        await waitFor(ctx, `the snapshot ${snap} to complete`, async () =>
          arr((await ctx.aws('ec2', 'DescribeSnapshots', { SnapshotIds: [snap] }, BOOK_REGION)).Snapshots)[0]?.State === 'completed' ? true : undefined,
        );
        await typeOn(ctx, WORKSTATION, `aws ec2 describe-snapshots --snapshot-ids ${snap}`);
      },
    },
    {
      id: 'restore-volume',
      title: 'A new volume from the snapshot',
      section: '§9.1.4',
      retiredBy: ['snapshot-cleanup'],
      needs: [...STACK_NEEDS, { op: 'ec2:DescribeSnapshots' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: ['aws ec2 create-volume --snapshot-id snap-… --availability-zone us-east-1a'],
      async check(ctx) {
        const e = await ebsStack(ctx);
        if (isResult(e)) return e;
        const snaps = new Set((await snapshotsOf(ctx, e.volumeId)).map((s) => String(s.SnapshotId)));
        const restored = arr((await ctx.aws('ec2', 'DescribeVolumes', {}, BOOK_REGION)).Volumes).find((v) => snaps.has(String(v.SnapshotId)));
        if (!restored) return failed(`No volume has been created from a snapshot of ${e.volumeId} yet.`);
        return passed(`The volume ${String(restored.VolumeId)} in ${String(restored.AvailabilityZone)} was made from ${String(restored.SnapshotId)}.`);
      },
      async solve(ctx) {
        const e = await ebsStack(ctx);
        if (isResult(e)) throw new Error(e.detail);
        const snap = String((await snapshotsOf(ctx, e.volumeId)).find((s) => s.State === 'completed')?.SnapshotId ?? '');
        if (!snap) throw new Error(`there is no completed snapshot of ${e.volumeId}`);
        const id = (await typeOn(ctx, WORKSTATION, `aws ec2 create-volume --snapshot-id ${snap} --availability-zone ${BOOK_REGION}a --query VolumeId --output text`)).trim();
        await waitFor(ctx, `the volume ${id} to be available`, async () =>
          arr((await ctx.aws('ec2', 'DescribeVolumes', { VolumeIds: [id] }, BOOK_REGION)).Volumes)[0]?.State === 'available' ? true : undefined,
        );
      },
    },
    {
      id: 'snapshot-cleanup',
      title: 'Delete the snapshot and the copy',
      section: '§9.1.4',
      needs: [{ op: 'ec2:DescribeSnapshots' }, { op: 'ec2:DescribeVolumes' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: ['aws ec2 delete-volume --volume-id vol-… (the copy), then aws ec2 delete-snapshot --snapshot-id snap-…'],
      async check(ctx) {
        if (!ctx.hasPassed('snapshot')) return failed('Take a snapshot first.');
        const snaps = arr((await ctx.aws('ec2', 'DescribeSnapshots', { OwnerIds: ['self'] }, BOOK_REGION)).Snapshots);
        if (snaps.length) return failed(`The snapshot ${String(snaps[0]!.SnapshotId)} is still there.`);
        const copies = await restoredVolumes(ctx);
        if (copies.length) return failed(`The volume ${String(copies[0]!.VolumeId)} made from a snapshot is still there.`);
        return passed('The snapshot and the volume made from it are gone.');
      },
      async solve(ctx) {
        for (const v of await restoredVolumes(ctx))
          await typeOn(ctx, WORKSTATION, `aws ec2 delete-volume --volume-id ${String(v.VolumeId)}`);
        for (const s of arr((await ctx.aws('ec2', 'DescribeSnapshots', { OwnerIds: ['self'] }, BOOK_REGION)).Snapshots))
          await typeOn(ctx, WORKSTATION, `aws ec2 delete-snapshot --snapshot-id ${String(s.SnapshotId)}`);
      },
    },
    {
      id: 'ebs-delete',
      title: 'Delete the ebs stack',
      section: '§9.1.4',
      needs: STACK_NEEDS,
      solveNeeds: [{ op: 'cloudformation:DeleteStack' }],
      hints: [`CloudFormation > ${EBS} > Delete: the machine, the volume and the role go with it.`],
      async check(ctx) {
        if (!ctx.hasPassed('ebs-stack')) return failed('Create the ebs stack first.');
        const s = await describeStack(ctx, BOOK_REGION, EBS);
        if (s && s.StackStatus !== 'DELETE_COMPLETE') return failed(`The stack ${EBS} is still there (${String(s.StackStatus)}).`);
        const left = arr((await ctx.aws('ec2', 'DescribeVolumes', { Filters: [{ Name: 'size', Values: ['5'] }] }, BOOK_REGION)).Volumes).filter(
          (v) => v.State !== 'deleting' && v.State !== 'deleted',
        );
        if (left.length) return failed(`A 5 GiB volume is still there: ${String(left[0]!.VolumeId)}.`);
        return passed('The stack, its machine and its volume are gone.');
      },
      solve: (ctx) => deleteStacks(ctx, BOOK_REGION, [EBS]),
    },
    {
      id: 'instance-store',
      title: 'A machine with an instance store',
      section: '§9.2.1',
      retiredBy: ['instance-store-delete'],
      needs: [{ op: 'cloudformation:DescribeStacks' }, { machine: 'instance' }],
      solveNeeds: [{ op: 'cloudformation:CreateStack' }, { machine: 'workstation' }],
      hints: [
        'Only some instance types come with local disks; m3.medium has one of 4 GB (it is billed by the hour).',
        'CloudFormation > Create stack named instancestore from instancestore.yaml (KeyName, VPC, Subnet); on the machine sudo fdisk -l shows /dev/xvdb and df -h shows it on /media/ephemeral0.',
      ],
      async check(ctx) {
        const m = await storeMachine(ctx);
        if (isResult(m)) return m;
        const df = await ctx.deps.machines!.run(asRoot(m.instanceId), 'df | grep /media/ephemeral0');
        if (df.exitCode !== 0) return failed(`${m.instanceId} has no instance store mounted on /media/ephemeral0.`);
        return passed(`${m.instanceId} has its instance store ${df.stdout.trim().split(/\s+/)[0]} on /media/ephemeral0.`);
      },
      async solve(ctx) {
        await createChapterStack(ctx, chapter09, STORE, 'instancestore.yaml', await stackParams(ctx));
        const m = await storeMachine(ctx);
        if (isResult(m)) throw new Error(m.detail);
        await overSsh(ctx, { host: m.host, user: 'ec2-user', key: KEY_NAME }, ['sudo fdisk -l', 'df -h']);
      },
    },
    {
      id: 'instance-store-dd',
      title: 'Measure the instance store with dd',
      section: '§9.2.2',
      retiredBy: ['instance-store-delete'],
      needs: [{ op: 'cloudformation:DescribeStacks' }, { machine: 'instance' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: ['The same dd test, on /media/ephemeral0: the local disk is several times faster than the network volume.'],
      async check(ctx) {
        const m = await storeMachine(ctx);
        if (isResult(m)) return m;
        const r = await ctx.deps.machines!.run(asRoot(m.instanceId), 'stat -c %s /media/ephemeral0/tempfile');
        if (r.exitCode !== 0 || Number(r.stdout.trim()) < GiB) return failed('There is no 1 GiB tempfile on /media/ephemeral0 yet: run the dd test there.');
        return passed('dd wrote 1 GiB to the instance store; compare its speed with the EBS volume\'s.');
      },
      async solve(ctx) {
        const m = await storeMachine(ctx);
        if (isResult(m)) throw new Error(m.detail);
        await overSsh(ctx, { host: m.host, user: 'ec2-user', key: KEY_NAME }, ddTest('/media/ephemeral0'));
      },
    },
    {
      id: 'instance-store-delete',
      title: 'Delete the instancestore stack',
      section: '§9.2.3',
      needs: [{ op: 'cloudformation:DescribeStacks' }],
      solveNeeds: [{ op: 'cloudformation:DeleteStack' }],
      hints: [`CloudFormation > ${STORE} > Delete. Whatever was on the instance store is lost with the machine.`],
      async check(ctx) {
        if (!ctx.hasPassed('instance-store')) return failed('Create the instancestore stack first.');
        const s = await describeStack(ctx, BOOK_REGION, STORE);
        if (s && s.StackStatus !== 'DELETE_COMPLETE') return failed(`The stack ${STORE} is still there (${String(s.StackStatus)}).`);
        return passed('The m3.medium and its instance store are gone.');
      },
      solve: (ctx) => deleteStacks(ctx, BOOK_REGION, [STORE]),
    },
  ],
  async cleanup(ctx) {
    if (!ctx.deps.hasOperation('ec2', 'DescribeVolumes')) return;
    for (const v of await restoredVolumes(ctx))
      await ctx.console('ec2', 'DeleteVolume', { VolumeId: v.VolumeId }, BOOK_REGION);
    for (const s of arr((await ctx.aws('ec2', 'DescribeSnapshots', { OwnerIds: ['self'] }, BOOK_REGION)).Snapshots))
      await ctx.console('ec2', 'DeleteSnapshot', { SnapshotId: s.SnapshotId }, BOOK_REGION);
    await deleteStacks(ctx, BOOK_REGION, [EBS, STORE]);
  },
};
