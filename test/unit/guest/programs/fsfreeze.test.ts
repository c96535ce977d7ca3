import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, shellOf } from '../harness';

describe('fsfreeze', () => {
  it('blocks writes to the frozen mount until it is thawed; other mounts and reads go on (§9.1 snapshots)', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    g.identity.volumes.push({ device: '/dev/sdf', dataId: 'vol-data-freeze', sizeBytes: 2 ** 30, kind: 'ebs', volumeType: 'gp2' });
    const admin = shellOf(g);
    await run(admin, 'sudo mkfs -t ext4 /dev/xvdf >/dev/null && sudo mkdir /data && sudo mount /dev/xvdf /data && echo before | sudo tee /data/f >/dev/null');
    expect(await run(admin, 'sudo fsfreeze -f /data')).toEqual({ out: '', err: '', code: 0 });
    expect((await run(admin, 'sudo fsfreeze -f /data')).err).toBe('fsfreeze: /data: freeze failed: Device or resource busy\n');
    const writer = shellOf(g, 'root');
    let finished = false;
    const pending = run(writer, 'echo during >> /data/f; echo wrote').then((r) => {
      finished = true;
      return r;
    });
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(finished).toBe(false);
    expect((await run(admin, 'cat /data/f; echo elsewhere > /tmp/x && cat /tmp/x')).out).toBe('before\nelsewhere\n');
    expect(await run(admin, 'sudo fsfreeze -u /data')).toEqual({ out: '', err: '', code: 0 });
    expect(await pending).toEqual({ out: 'wrote\n', err: '', code: 0 });
    expect((await run(admin, 'cat /data/f')).out).toBe('before\nduring\n');
    expect((await run(admin, 'sudo fsfreeze -u /data')).err).toBe('fsfreeze: /data: unfreeze failed: Invalid argument\n');
    expect((await run(admin, 'fsfreeze -f /data')).err).toBe('fsfreeze: cannot open /data: Permission denied\n');
  });
});
