import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, script, shellOf } from './harness';

describe('guest basics: identity, users, system info', () => {
  it('shows who and where on the Amazon Linux AMI', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const sh = shellOf(g);
    expect(sh.prompt()).toBe(`[ec2-user@${g.identity.interfaces[0]!.privateDns.split('.')[0]} ~]$ `);
    expect(await run(sh, 'whoami; id; pwd')).toEqual({
      out: `ec2-user\nuid=500(ec2-user) gid=500(ec2-user) groups=500(ec2-user),10(wheel)\n/home/ec2-user\n`,
      err: '',
      code: 0,
    });
    expect((await run(sh, 'cat /etc/system-release')).out).toBe('Amazon Linux AMI release 2017.09\n');
    expect((await run(sh, 'uname -r')).out).toBe('4.9.76-3.78.amzn1.x86_64\n');
    expect((await run(sh, 'nproc')).out).toBe('1\n');
  });

  it('free -m matches the book for a t2.micro (§3.4)', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const r = await run(shellOf(g), 'free -m');
    expect(r.out.split('\n')[1]).toBe('Mem:            990          42         632           3         315         794');
  });

  it('/proc/cpuinfo lists the instance type processor', async () => {
    const world = createWorld();
    const g = await bootInstance(world, { hardware: { instanceType: 'm4.large', vCpus: 2, memoryMiB: 8192, processor: 'Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz', clockGhz: 2.3 } });
    const r = await run(shellOf(g), 'grep "model name" /proc/cpuinfo; free -m | grep Mem');
    expect(r.out).toBe(
      'model name\t: Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz\nmodel name\t: Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz\nMem:           7982          62        7770           8         149        7701\n',
    );
  });

  it('keeps cwd, variables and aliases between lines', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const sh = shellOf(g);
    await run(sh, 'cd /tmp; export GREETING=hello; alias hi="echo hi there"');
    expect(await run(sh, 'pwd; echo $GREETING; hi')).toEqual({ out: '/tmp\nhello\nhi there\n', err: '', code: 0 });
    expect(sh.prompt()).toMatch(/ tmp\]\$ $/);
    await run(sh, 'sudo false');
    expect((await run(sh, 'echo $?')).out).toBe('1\n');
    await run(sh, 'ls /nonexistent');
    expect((await run(sh, 'echo $?')).out).toBe('2\n');
  });

  it('refuses non-root writes to /etc and lets sudo do them', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const sh = shellOf(g);
    expect(await run(sh, 'echo x > /etc/motd.local')).toEqual({ out: '', err: '-bash: /etc/motd.local: Permission denied\n', code: 1 });
    expect(await run(sh, 'touch /etc/x')).toEqual({ out: '', err: "touch: cannot touch '/etc/x': Permission denied\n", code: 1 });
    expect(await run(sh, 'echo hello | sudo tee /etc/x; sudo cat /etc/x; cat /etc/shadow')).toEqual({
      out: 'hello\nhello\n',
      err: 'cat: /etc/shadow: Permission denied\n',
      code: 1,
    });
    expect((await run(sh, 'sudo whoami')).out).toBe('root\n');
    expect((await run(sh, 'ls -l /etc/x')).out).toMatch(/^-rw-r--r-- 1 root root 6 Nov 26 20:0\d \/etc\/x\n$/);
  });

  it('sudo -s opens a root shell on the same terminal until exit; ps and uptime see the machine', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const host = g.identity.interfaces[0]!.privateDns.split('.')[0];
    const r = await script(shellOf(g), ['sudo -s', 'whoami', 'exit', 'whoami'], 'interactive');
    expect(r.output).toContain(`[ec2-user@${host} ~]$ sudo -s\n[root@${host} ec2-user]# whoami\nroot\n[root@${host} ec2-user]# exit\nexit\n[ec2-user@${host} ~]$ whoami\nec2-user\n`);
    world.clock.advance(125 * 60_000);
    expect((await run(shellOf(g), 'uptime')).out).toBe(' 22:05:00 up 2:05,  1 user,  load average: 0.00, 0.01, 0.05\n');
    const ps = (await run(shellOf(g), 'ps aux | grep -c sshd; ps -ef | head -1')).out;
    expect(ps).toBe('1\nUID        PID  PPID  C STIME TTY          TIME CMD\n');
  });

  it('lists home directories with their owners and modes (ls -d -l /home/*)', async () => {
    const world = createWorld();
    const sh = shellOf(await bootInstance(world));
    await run(sh, 'sudo mkdir /home/andreas && sudo chown ec2-user /home/andreas && sudo chmod 700 /home/andreas');
    expect((await run(sh, 'ls -d -l /home/*')).out).toBe('drwx------ 2 ec2-user root     4096 Nov 26 20:00 /home/andreas\ndrwx------ 2 ec2-user ec2-user 4096 Nov 26 20:00 /home/ec2-user\n');
  });
});
