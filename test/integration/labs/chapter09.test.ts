/**
 * Chapter 9's checks follow the cloud and the machines, not the solver: each step is performed with
 * "Show me", passes, then undoing what it checks (unmount and delete a file, detach the volume, delete
 * a snapshot…) turns it red with a reason, and redoing it turns it green again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src-main/engine/index';
import { createClock } from '../../../src-main/engine/clock/clock';
import { labsFor } from '../../../src-main/engine/contract-host';
import { labMachines } from '../../../src-main/engine/contract-host/lab-machines';
import type { Labs } from '../../../src-main/engine/labs/runtime';

let engine: Engine | undefined;
let labs: Labs | undefined;
afterEach(() => {
  labs?.dispose();
  engine?.close();
  engine = labs = undefined;
});

const R = 'us-east-1';

describe('chapter 9: every check turns red when its work is undone', () => {
  it('follows the volume, its file system, its snapshot and the instance store', async () => {
    engine = createEngine({ clock: createClock({ warp: 60, start: Date.parse('2026-03-01T09:00:00Z') }) });
    labs = labsFor(engine, { recheckDelayMs: 0 });
    const l = labs;
    const e = engine;
    const call = (op: string, input: Record<string, unknown>) => e.call(e.account.root, 'ec2', op, input, { region: R, source: 'cli' });
    const m = labMachines(e.terminals);
    const step = async (id: string) => (await l.evaluate(9)).steps.find((s) => s.id === id)!;
    const show = async (id: string) => {
      const s = (await l.solveStep(9, id)).steps.find((x) => x.id === id)!;
      expect(s, id).toMatchObject({ status: 'passed' });
    };
    try {
      await l.start(9);
      await show('ebs-stack');
      const machine = (await e.call(e.account.root, 'cloudformation', 'DescribeStackResource', { StackName: 'ebs', LogicalResourceId: 'Machine' }, { region: R })).StackResourceDetail as { PhysicalResourceId: string };
      const root = { kind: 'instance', instanceId: machine.PhysicalResourceId, region: R, user: 'root' } as const;

      await show('format-mount');
      await m.run(root, 'mount /dev/xvdf /mnt/volume && rm /mnt/volume/testfile && umount /mnt/volume');
      expect(await step('format-mount')).toMatchObject({
        status: 'failed',
        detail: 'The volume has a file system, but no testfile at its top: mount it on /mnt/volume and sudo touch /mnt/volume/testfile.',
      });
      await m.run(root, 'mount /dev/xvdf /mnt/volume && touch /mnt/volume/testfile && umount /mnt/volume');
      expect((await step('format-mount')).status).toBe('passed');

      // Before the update round trip the detach step is red; after "Show me" the volume is mounted again.
      expect(await step('detach-attach')).toMatchObject({ status: 'failed', detail: 'The volume has not been detached yet: update the stack with AttachVolume set to no.' });
      await show('detach-attach');
      await show('performance');
      await m.run(root, 'rm /mnt/volume/tempfile');
      expect(await step('performance')).toMatchObject({ status: 'failed', detail: 'There is no tempfile on the volume yet: write 1 GiB to /mnt/volume/tempfile with dd.' });
      await m.run(root, 'dd if=/dev/zero of=/mnt/volume/tempfile bs=1M count=1024');
      expect((await step('performance')).status).toBe('passed');

      // Detaching the volume turns the first step red, with the reason.
      const volumeId = String(((await call('DescribeVolumes', { Filters: [{ Name: 'size', Values: ['5'] }] })).Volumes as { VolumeId: string }[])[0]!.VolumeId);
      await m.run(root, 'umount /mnt/volume');
      await call('DetachVolume', { VolumeId: volumeId });
      for (let i = 0; i < 12; i++) e.clock.advance(5_000);
      expect(await step('ebs-stack')).toMatchObject({
        status: 'failed',
        detail: `The volume ${volumeId} is not attached to the stack's machine ${machine.PhysicalResourceId}: set AttachVolume to yes.`,
      });
      await call('AttachVolume', { VolumeId: volumeId, InstanceId: machine.PhysicalResourceId, Device: '/dev/xvdf' });
      for (let i = 0; i < 12; i++) e.clock.advance(5_000);
      expect((await step('ebs-stack')).status).toBe('passed');

      await show('snapshot');
      const snap = String(((await call('DescribeSnapshots', { OwnerIds: ['self'] })).Snapshots as { SnapshotId: string }[])[0]!.SnapshotId);
      await show('restore-volume');
      const copy = ((await call('DescribeVolumes', {})).Volumes as { VolumeId: string; SnapshotId?: string }[]).find((v) => v.SnapshotId === snap)!.VolumeId;
      // Not yet cleaned up: the clean-up step names what is left.
      expect(await step('snapshot-cleanup')).toMatchObject({ status: 'failed', detail: `The snapshot ${snap} is still there.` });
      await call('DeleteVolume', { VolumeId: copy });
      expect(await step('restore-volume')).toMatchObject({ status: 'failed', detail: `No volume has been created from a snapshot of ${volumeId} yet.` });
      await call('DeleteSnapshot', { SnapshotId: snap });
      // The clean-up step is what the book asks for: now it passes, and the two before it stay done.
      const cleaned = (await l.evaluate(9)).steps;
      expect(cleaned.find((s) => s.id === 'snapshot-cleanup')!.status).toBe('passed');
      expect(cleaned.find((s) => s.id === 'snapshot')!.status).toBe('passed');

      expect(await step('ebs-delete')).toMatchObject({ status: 'failed', detail: 'The stack ebs is still there (UPDATE_COMPLETE).' });
      await show('ebs-delete');

      await show('instance-store');
      const store = (await e.call(e.account.root, 'cloudformation', 'DescribeStackResource', { StackName: 'instancestore', LogicalResourceId: 'Machine' }, { region: R })).StackResourceDetail as { PhysicalResourceId: string };
      const storeRoot = { kind: 'instance', instanceId: store.PhysicalResourceId, region: R, user: 'root' } as const;
      await show('instance-store-dd');
      await m.run(storeRoot, 'rm /media/ephemeral0/tempfile');
      expect(await step('instance-store-dd')).toMatchObject({ status: 'failed', detail: 'There is no 1 GiB tempfile on /media/ephemeral0 yet: run the dd test there.' });
      await m.run(storeRoot, 'umount /media/ephemeral0');
      expect(await step('instance-store')).toMatchObject({ status: 'failed', detail: `${store.PhysicalResourceId} has no instance store mounted on /media/ephemeral0.` });
      await m.run(storeRoot, 'mount /dev/xvdb /media/ephemeral0');
      expect((await step('instance-store')).status).toBe('passed');
      expect(await step('instance-store-delete')).toMatchObject({ status: 'failed', detail: 'The stack instancestore is still there (CREATE_COMPLETE).' });
    } finally {
      m.dispose();
    }
  }, 120_000);
});
