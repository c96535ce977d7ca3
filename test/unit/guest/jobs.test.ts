import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, shellOf } from './harness';
import { bootGuest } from '../../../src-main/engine/guest/boot';

describe('at, cron, fstab and shutdown on the simulated clock', () => {
  it('an at job stops the instance five minutes later (§6.3.5)', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const sh = shellOf(g);
    const r = await run(sh, 'echo "sudo shutdown -h now" | at now + 5 minutes');
    expect(r.err).toBe('warning: commands will be executed using /bin/sh\njob 1 at Thu Nov 26 20:05:00 2026\n');
    expect((await run(sh, 'atq')).out).toBe('1\tThu Nov 26 20:05:00 2026 a ec2-user\n');
    world.clock.advance(4 * 60_000);
    expect(world.stopped).toEqual([]);
    world.clock.advance(60_000);
    await new Promise((r2) => setTimeout(r2, 50));
    expect(world.stopped).toEqual([g.identity.id]);
  });

  it('runs cron entries every matching minute while crond runs', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const sh = shellOf(g);
    await run(sh, 'echo "*/15 * * * * root echo backup >> /var/log/backup.log" | sudo tee /etc/cron.d/backup > /dev/null');
    world.clock.advance(31 * 60_000);
    await new Promise((r) => setTimeout(r, 50));
    expect((await run(sh, 'sudo cat /var/log/backup.log')).out).toBe('backup\nbackup\n');
    await run(sh, 'sudo service crond stop');
    world.clock.advance(15 * 60_000);
    await new Promise((r) => setTimeout(r, 50));
    expect((await run(sh, 'sudo cat /var/log/backup.log | wc -l')).out).toBe('2\n');
  });

  it('mounts /etc/fstab entries at boot and starts enabled services', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    g.identity.volumes.push({ device: '/dev/sdf', dataId: 'vol-fstab', sizeBytes: 2 ** 30, kind: 'ebs' });
    const sh = shellOf(g);
    await run(sh, 'sudo mkfs -t ext4 /dev/xvdf > /dev/null; sudo mkdir /mnt/backup; echo "/dev/xvdf /mnt/backup ext4 defaults,nofail 0 2" | sudo tee -a /etc/fstab > /dev/null');
    await run(sh, 'sudo yum install -y httpd > /dev/null; sudo chkconfig httpd on; sudo mount -a; echo kept | sudo tee /mnt/backup/f > /dev/null');
    expect((await run(sh, 'chkconfig --list httpd')).out).toBe('httpd          \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n');
    g.powerOff();
    await bootGuest(g);
    expect(g.services.has('httpd')).toBe(true);
    expect(await run(shellOf(g), 'cat /mnt/backup/f; mount | grep xvdf')).toEqual({ out: 'kept\n/dev/xvdf on /mnt/backup type ext4 (defaults,nofail)\n', err: '', code: 0 });
  });
});
