import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, shellOf } from './harness';
import { bootGuest } from '../../../src-main/engine/guest/boot';
import { copyVolumeData } from '../../../src-main/engine/guest/fs/volume';

const GiB = 2 ** 30;

describe('disks: EBS volumes, instance store, dd', () => {
  it('formats, mounts, writes; the data survives detach and shows up on another instance (§9.1.2)', async () => {
    const world = createWorld();
    const a = await bootInstance(world);
    const vol = { device: '/dev/sdf', dataId: 'vol-data-extra', sizeBytes: 5 * GiB, kind: 'ebs' as const, volumeType: 'gp2' };
    a.identity.volumes.push(vol);
    const sh = shellOf(a);
    expect((await run(sh, 'sudo fdisk -l | grep "^Disk /dev"')).out).toBe('Disk /dev/xvda: 8589 MB, 8589934592 bytes, 16777216 sectors\nDisk /dev/xvdf: 5368 MB, 5368709120 bytes, 10485760 sectors\n');
    expect((await run(sh, 'sudo mkdir /mnt/volume; sudo mount /dev/xvdf /mnt/volume')).err).toContain('mount: wrong fs type, bad option, bad superblock on /dev/xvdf,');
    const mk = await run(sh, 'sudo mkfs -t ext4 /dev/xvdf');
    expect(mk.out).toContain('Creating filesystem with 1310720 4k blocks and 327680 inodes\n');
    expect(mk.out).toContain('Superblock backups stored on blocks: \n\t32768, 98304, 163840, 229376, 294912, 819200, 884736\n');
    expect(await run(sh, 'sudo mount /dev/xvdf /mnt/volume && sudo touch /mnt/volume/testfile && ls /mnt/volume')).toEqual({ out: 'lost+found\ntestfile\n', err: '', code: 0 });
    expect((await run(sh, 'df -h | grep xvd')).out).toBe('/dev/xvda1      7.8G  981M  6.8G  13% /\n/dev/xvdf       4.8G   10M  4.6G   1% /mnt/volume\n');
    expect((await run(sh, 'lsblk')).out).toBe('NAME    MAJ:MIN RM SIZE RO TYPE MOUNTPOINT\nxvda    202:0   0   8G  0 disk \n└─xvda1 202:1   0   8G  0 part /\nxvdf    202:80  0   5G  0 disk /mnt/volume\n');
    expect((await run(sh, 'cd /mnt/volume && sudo umount /mnt/volume')).err).toContain('umount: /mnt/volume: target is busy.');
    await run(sh, 'cd ~ && sudo umount /mnt/volume');
    expect(await run(sh, 'ls /mnt/volume/testfile')).toEqual({ out: '', err: 'ls: cannot access /mnt/volume/testfile: No such file or directory\n', code: 2 });
    // Detach from a, attach to b.
    a.identity.volumes.pop();
    const b = await bootInstance(world);
    b.identity.volumes.push(vol);
    const sb = shellOf(b);
    expect(await run(sb, 'sudo mkdir -p /data && sudo mount /dev/xvdf /data && ls /data')).toEqual({ out: 'lost+found\ntestfile\n', err: '', code: 0 });
  });

  it('snapshots carry the files: a volume restored from one holds them', async () => {
    const world = createWorld();
    const a = await bootInstance(world);
    a.identity.volumes.push({ device: '/dev/sdf', dataId: 'vol-1', sizeBytes: GiB, kind: 'ebs' });
    const sh = shellOf(a);
    await run(sh, 'sudo mkfs.ext4 /dev/xvdf > /dev/null; sudo mount /dev/xvdf /mnt; echo saved | sudo tee /mnt/note > /dev/null; sudo umount /mnt');
    copyVolumeData(world.store, 'vol-1', 'snap-1', 0);
    copyVolumeData(world.store, 'snap-1', 'vol-2', 0);
    a.identity.volumes.push({ device: '/dev/sdg', dataId: 'vol-2', sizeBytes: GiB, kind: 'ebs' });
    expect((await run(sh, 'sudo mount /dev/xvdg /mnt && cat /mnt/note')).out).toBe('saved\n');
  });

  it('dd reports the book’s throughput for gp2 and instance store (§9.1.3, §9.2.2)', async () => {
    const world = createWorld();
    const g = await bootInstance(world, {
      hardware: { instanceType: 'm3.medium', vCpus: 1, memoryMiB: 3840, processor: 'Intel(R) Xeon(R) CPU E5-2670 v2 @ 2.50GHz', clockGhz: 2.5 },
    });
    g.identity.volumes.push({ device: '/dev/xvdb', dataId: `eph-${g.identity.id}`, sizeBytes: 4 * GiB, kind: 'instance-store' });
    g.powerOff();
    await bootGuest(g, { firstBoot: true });
    const sh = shellOf(g);
    expect((await run(sh, 'df -h | grep ephemeral')).out).toMatch(/^\/dev\/xvdb +3\.\dG +\d+M +3\.\dG +\d+% \/media\/ephemeral0\n$/);
    const start = world.clock.now();
    const w = await run(sh, 'sudo dd if=/dev/zero of=/tempfile bs=1M count=1024 conv=fdatasync,notrunc');
    expect(w.err).toMatch(/^1024\+0 records in\n1024\+0 records out\n1073741824 bytes \(1\.1 GB\) copied, 1[67]\.\d+ s, 6[2-4]\.\d MB\/s\n$/);
    expect(world.clock.now() - start).toBeGreaterThan(16_500);
    const e = await run(sh, 'sudo dd if=/dev/zero of=/media/ephemeral0/tempfile bs=1M count=1024 conv=fdatasync,notrunc');
    expect(e.err).toMatch(/copied, 2\.\d+ s, 4[23]\d MB\/s\n$/);
    expect((await run(sh, 'ls -l /tempfile')).out).toMatch(/^-rw-r--r-- 1 root root 1073741824 /);
    // The instance store is empty after a stop and start.
    g.powerOff();
    await bootGuest(g);
    expect((await run(sh, 'ls /media/ephemeral0')).out).toBe('lost+found\n');
  });
});
