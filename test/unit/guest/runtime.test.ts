import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, script, shellOf, workstation } from './harness';
import { GuestShell } from '../../../src-main/engine/guest/session';
import { cpuSecondsOf } from '../../../src-main/engine/guest/cpu';
import { patched } from '../../../src-main/engine/guest/shell';
import { Terminal } from '../../../src-main/engine/guest/terminal';

describe('bash as the book writes it', () => {
  it('reads bash’s flags: -c, -x, -e, -ex, -s, sh, --version, a bad option', async () => {
    const me = shellOf(await workstation(createWorld()));
    expect(await run(me, 'bash -x -c "echo a; echo b"')).toEqual({ out: 'a\nb\n', err: '+ echo a\n+ echo b\n', code: 0 });
    await run(me, 'printf "echo one\\nfalse\\necho two\\n" > s.sh');
    expect(await run(me, 'bash -ex s.sh; echo rc=$?')).toEqual({ out: 'one\nrc=1\n', err: '+ echo one\n+ false\n', code: 0 });
    expect(await run(me, 'bash -e s.sh')).toEqual({ out: 'one\n', err: '', code: 1 });
    expect(await run(me, 'bash s.sh')).toEqual({ out: 'one\ntwo\n', err: '', code: 0 });
    expect(await run(me, 'sh -c \'echo "$0 $1 $2"\' name x y')).toEqual({ out: 'name x y\n', err: '', code: 0 });
    expect(await run(me, 'printf \'echo from-s $1 $2\\n\' | bash -s p q')).toEqual({ out: 'from-s p q\n', err: '', code: 0 });
    expect((await run(me, 'bash --version')).out).toMatch(/^GNU bash, version 4\.2/);
    expect(await run(me, 'bash -q s.sh')).toMatchObject({ code: 2, err: expect.stringMatching(/^bash: -q: invalid option/) });
    expect(await run(me, 'bash missing.sh')).toEqual({ out: '', err: 'bash: missing.sh: No such file or directory\n', code: 127 });
  });

  it('runs ./script with its #! line’s flags and every argument', async () => {
    const me = shellOf(await workstation(createWorld()));
    expect(patched.statementHook || (await run(me, 'true')) && patched.statementHook).toBe(true);
    await run(me, "printf '#!/bin/bash -ex\\necho one\\nfalse\\necho two\\n' > t.sh; chmod +x t.sh");
    expect(await run(me, './t.sh; echo rc=$?')).toEqual({ out: 'one\nrc=1\n', err: '+ echo one\n+ false\n', code: 0 });
    await run(me, `printf '#!/bin/bash\\necho "$#" "\${10}" "\${11}" "$1"\\n' > a.sh; chmod +x a.sh`);
    expect((await run(me, './a.sh 1 2 3 4 5 6 7 8 9 ten "eleven x"')).out).toBe('11 ten eleven x 1\n');
    expect((await run(me, 'bash a.sh 1 2 3 4 5 6 7 8 9 ten "eleven x"')).out).toBe('11 ten eleven x 1\n');
  });

  it('keeps functions, aliases, arrays, options, $? and PIPESTATUS from one prompt line to the next', async () => {
    const me = shellOf(await workstation(createWorld()));
    const r = await script(me, [
      'greet() { echo "hello $1"; }',
      'greet book',
      "alias ll='echo listed'",
      'll',
      'arr=(a b c)',
      'echo ${arr[2]}',
      'V="$(echo "two words")"',
      'echo "[$V]"',
      'false | true',
      'echo ${PIPESTATUS[@]}',
      '(exit 3)',
      'echo $?',
      'set -x',
      'echo traced',
      'set +x',
    ]);
    expect(r.output).toBe('hello book\nlisted\nc\n[two words]\n1 0\n3\n+ echo traced\ntraced\n+ set +x\n');
  });

  it('exit ends the shell where it stands; the line keeps what it printed', async () => {
    const world = createWorld();
    const r = await script(shellOf(await workstation(world)), ['echo before; exit 4; echo never', 'echo not run']);
    expect(r).toEqual({ output: 'before\n', status: 4 });
  });

  it('sleep follows the lab clock (step it) and stops on Ctrl-C', async () => {
    const world = createWorld();
    const asked: number[] = [];
    world.host.sleep = (ms, signal) =>
      new Promise<void>((resolve) => {
        asked.push(ms);
        const cancel = world.clock.at(world.clock.now() + ms, resolve);
        signal?.addEventListener('abort', () => (cancel(), resolve()), { once: true });
      });
    const me = shellOf(await workstation(world));
    const until = async (f: () => boolean) => {
      for (let i = 0; i < 500 && !f(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    let done = false;
    const p = run(me, 'sleep 60; echo woke').then((r) => ((done = true), r));
    await until(() => asked.length > 0);
    expect(asked).toEqual([60_000]);
    world.clock.advance(59_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    world.clock.advance(1_000);
    expect(await p).toEqual({ out: 'woke\n', err: '', code: 0 });
    // Ctrl-C: the terminal aborts the line; the sleep ends at once and the rest does not run.
    const abort = new AbortController();
    const q = me.exec('sleep 3600; echo never', { signal: abort.signal });
    await until(() => asked.length > 1);
    abort.abort();
    expect((await q).stdout).toBe('');
  });
});

describe('no guest freezes the lab', () => {
  it('a busy loop gives the event loop back, burns the instance’s CPU, and stops at its CPU budget', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const sh = new GuestShell(g, g.user('ec2-user')!, { cpuBudgetMs: 400 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const t0 = performance.now();
    let out = '';
    const r = await sh.execStatements('echo start; while true; do :; done; echo never', (t) => (out += t));
    const took = performance.now() - t0;
    clearInterval(timer);
    expect(out).toBe('start\nnimbus: this command line used its CPU budget and was stopped (lab limit guest.maxCpuSecondsPerLine = 600)\n');
    expect(r.exitCode).toBe(152);
    // Timers kept firing while the loop ran (a loop that never yields lets none through). How many
    // depends on the machine's load; the bench measures latency properly.
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(cpuSecondsOf(g.identity.id)).toBeGreaterThan(0.3);
    expect(cpuSecondsOf(g.identity.id)).toBeLessThan(took / 1000 + 0.2);
  });
});

describe('user data', () => {
  it('#!/bin/bash -ex stops at the failure, with the trace in cloud-init-output.log', async () => {
    const world = createWorld();
    const g = await bootInstance(world, { userData: '#!/bin/bash -ex\necho one\nfalse\necho two\n' });
    const log = g.rootFs.readSyncText('/var/log/cloud-init-output.log');
    expect(log).toContain('+ echo one\none\n+ false\nCloud-init v. 0.7.6 finished');
    expect(log).not.toContain('two');
    expect(g.rootFs.readSyncText('/var/log/cloud-init.log')).toMatch(/Failed running \/var\/lib\/cloud\/instances\/.*\/scripts\/part-001 \[1\]/);
  });
});

describe('jobs', () => {
  it('cmd & runs beside the prompt; jobs, wait, kill %N and ps see it; nohup writes nohup.out', async () => {
    const world = createWorld();
    world.host.sleep = (ms, signal) =>
      new Promise<void>((resolve) => {
        const cancel = world.clock.at(world.clock.now() + ms, resolve);
        signal?.addEventListener('abort', () => (cancel(), resolve()), { once: true });
      });
    const g = await bootInstance(world);
    // One terminal for the whole session: a job prints where it was started.
    let output = '';
    let idle: () => void = () => {};
    const term = new Terminal({ program: shellOf(g), mode: 'batch', onOutput: (d) => (output += d), onIdle: () => idle() });
    const type = async (lines: string[]) => {
      output = '';
      for (const l of lines) {
        const wait = new Promise<void>((r) => (idle = r));
        term.input(`${l}\r`);
        await wait;
      }
      return output.replace(/\r\n/g, '\n');
    };
    const first = await type(['sleep 30 && echo slept &', 'echo prompt is back', 'jobs', 'ps aux | grep -c "sleep 30"']);
    expect(first).toMatch(/^\[1\] (\d+)\nprompt is back\n\[1\]\+ {2}Running {17}sleep 30 && echo slept\n1\n$/);
    const pid = /^\[1\] (\d+)/.exec(first)![1];
    output = '';
    world.clock.advance(30_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(output).toBe('slept\r\n');
    expect(await type(['wait', 'echo waited $?'])).toBe('waited 0\n');
    // As in bash: the killed job is reported at the next prompt, and then it is gone.
    expect(await type(['sleep 600 &', 'kill %1', 'wait %1; echo status $?', `kill ${pid}`])).toMatch(
      /^\[1\] \d+\n\[1\]\+ {2}Terminated {14}sleep 600\n-bash: wait: %1: no such job\nstatus 127\n-bash: kill: \(\d+\) - No such process\n$/,
    );
    expect(await type(['nohup echo detached &', 'wait', 'cat nohup.out'])).toMatch(/^\[1\] \d+\nnohup: ignoring input and appending output to 'nohup.out'\ndetached\n$/);
  });

  it('ps and top show the CPU a busy job uses; kill PID stops it', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    let output = '';
    let idle: () => void = () => {};
    const term = new Terminal({ program: shellOf(g), mode: 'batch', onOutput: (d) => (output += d), onIdle: () => idle() });
    const type = async (line: string) => {
      output = '';
      const wait = new Promise<void>((r) => (idle = r));
      term.input(`${line}\r`);
      await wait;
      return output.replace(/\r\n/g, '\n');
    };
    const pid = /^\[1\] (\d+)/.exec(await type('while true; do :; done &'))![1]!;
    // The loop burns real time between our lines (time-sliced); one simulated second passes.
    await new Promise((r) => setTimeout(r, 300));
    world.clock.advance(1000);
    const top = (await type('top -b -n 1')).split('\n');
    const header = top.findIndex((l) => l.includes('%CPU'));
    const busiest = top[header + 1]!.trim().split(/\s+/);
    expect(busiest[0]).toBe(pid);
    expect(busiest[7]).toBe('R');
    expect(Number(busiest[8])).toBeGreaterThan(0);
    expect(busiest[10]).not.toBe('0:00.00');
    expect(top[2]).toMatch(/^%Cpu\(s\): +[\d.]+ us/);
    expect(Number(/^%Cpu\(s\): +([\d.]+) us/.exec(top[2]!)![1])).toBeGreaterThan(0);
    const ps = (await type('ps aux')).split('\n').find((l) => l.split(/\s+/)[1] === pid)!;
    expect(Number(ps.split(/\s+/)[2])).toBeGreaterThan(0);
    await type(`kill ${pid}`);
    expect(await type(`wait ${pid}; echo status $?; ps aux | grep -c "while true"`)).toMatch(/status 143\n0\n$/);
  });
});
