/** Nothing typed in a guest reaches the host: files, processes, network. Runaway loops hit named limits. */
import { describe, expect, it } from 'vitest';
import { GuestShell } from '../../../src-main/engine/guest/session';
import { bootInstance, createWorld, run, shellOf, workstation } from './harness';

describe('guest sandbox', () => {
  it('cannot read host files through .., symlinks or /proc', async () => {
    const world = createWorld();
    const sh = shellOf(await bootInstance(world));
    expect((await run(sh, 'cat ../../../../../../etc/hostname')).out).toMatch(/^ip-172-31-\d+-\d+\.ec2\.internal\n$/);
    expect((await run(sh, 'sudo cat /../../etc/shadow | head -1')).out).toBe('root:!!:17500:0:99999:7:::\n');
    await run(sh, 'ln -s /etc/../../../../root/.ssh link');
    expect(await run(sh, 'ls link/')).toEqual({ out: '', err: 'ls: cannot access link/: Permission denied\n', code: 2 });
    expect((await run(sh, 'sudo ls /root/.ssh; sudo cat /proc/self/environ; cat /proc/1/status')).out).toBe('Name:\tbash\nState:\tS (sleeping)\nPid:\t1\n');
    const host = await run(sh, `cat ${process.cwd()}/package.json`);
    expect(host.code).toBe(1);
    expect(host.err).toContain('No such file or directory');
    expect((await run(sh, 'ls /')).out).toBe('bin\nboot\ndev\netc\nhome\nlib\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n');
  });

  it('has no host programs and no real network (python3 is sandboxed: python3-command-v.test.ts)', async () => {
    const world = createWorld();
    const me = shellOf(await workstation(world));
    for (const cmd of ['node -e 1', 'js-exec -c 1', 'sqlite3 :memory: "select 1"', 'perl -e 1']) {
      const r = await run(me, cmd);
      expect(r.code).toBe(127);
      expect(r.err).toMatch(/command not found\n$/);
    }
    expect(await run(me, 'curl -s https://registry.npmjs.org/; echo $?')).toEqual({ out: '6\n', err: '', code: 0 });
    expect((await run(me, 'curl https://127.0.0.1:4566/')).code).toBe(7);
    expect((await run(me, 'wget -q http://169.254.169.254/latest/meta-data/; echo $?')).out).toBe('4\n');
  });

  it('stops runaway loops and floods with the limit’s name', async () => {
    const world = createWorld();
    const ws = await workstation(world);
    const me = shellOf(ws);
    // A runaway loop is stopped by its CPU budget (600 s by default; a short one here), not a count.
    const loop = await run(new GuestShell(ws, ws.user('learner')!, { cpuBudgetMs: 200 }), 'while true; do :; done');
    expect(loop.code).toBe(152);
    expect(loop.err).toBe('nimbus: this command line used its CPU budget and was stopped (lab limit guest.maxCpuSecondsPerLine = 600)\n');
    const flood = await run(me, 'seq 1 10000000');
    expect(flood.code).toBe(126);
    expect(flood.err).toMatch(/\(lab limit guest\.(maxTerminalOutputBytes|maxCommandCount|maxLoopIterations) = \d+\)\n$/);
  });
});
