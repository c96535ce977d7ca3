import { describe, expect, it } from 'vitest';
import { Terminal } from '../../../src-main/engine/guest/terminal';
import { bootInstance, createWorld, shellOf, workstation } from './harness';

function term(program: ConstructorParameters<typeof Terminal>[0]['program']) {
  let out = '';
  const idles: number[] = [];
  const t = new Terminal({ program, mode: 'interactive', onOutput: (d) => (out += d), onIdle: (c) => idles.push(c) });
  // Until the terminal shows a prompt again, or prints nothing more for a while (a loaded CI
  // machine runs a first command in well over the 30 ms this used to wait).
  const settle = async () => {
    let last = -1;
    for (let quiet = 0, i = 0; i < 300 && quiet < 20; i++) {
      await new Promise((r) => setTimeout(r, 10));
      if (/(\$|#|>) $/.test(out) && i >= 3) break;
      quiet = out.length === last ? quiet + 1 : 0;
      last = out.length;
    }
  };
  return { t, settle, out: () => out, clear: () => (out = ''), idles };
}

describe('terminal: line editing, history, completion, Ctrl-C', () => {
  it('edits the line, walks history with the arrows and reruns a command', async () => {
    const world = createWorld();
    const { t, settle, out, clear } = term(shellOf(await workstation(world)));
    expect(out()).toBe('learner@workstation:~$ ');
    t.input('echo hellp');
    t.input('\x7f');
    t.input('o\r');
    await settle();
    expect(out()).toBe('learner@workstation:~$ echo hellp\b \bo\r\nhello\r\nlearner@workstation:~$ ');
    clear();
    t.input('\x1b[A');
    expect(out()).toBe('\rlearner@workstation:~$ echo hello\x1b[K');
    t.input('\x01# \r');
    await settle();
    expect(out()).toContain('learner@workstation:~$ ');
  });

  it('completes commands and paths with Tab', async () => {
    const world = createWorld();
    const { t, settle, out, clear } = term(shellOf(await workstation(world)));
    clear();
    t.input('whoa\t');
    await settle();
    expect(out()).toBe('whoa\rlearner@workstation:~$ whoami \x1b[K');
    t.input('\x15cat /etc/os-r\t');
    await settle();
    expect(out()).toContain('cat /etc/os-release ');
  });

  it('continues an open heredoc with "> " and runs it whole', async () => {
    const world = createWorld();
    const { t, settle, out } = term(shellOf(await workstation(world)));
    t.input("cat <<'EOF'\r");
    t.input('line one\r');
    t.input('EOF\r');
    await settle();
    expect(out()).toContain("cat <<'EOF'\r\n> line one\r\n> EOF\r\nline one\r\n");
  });

  it('Ctrl-C stops a running command but keeps what it printed', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const { t, settle, out, idles } = term(shellOf(g));
    world.host.sleep = (ms, signal) => new Promise((r) => { const h = setTimeout(r, ms / 1000); signal?.addEventListener('abort', () => { clearTimeout(h); r(); }); });
    t.input('ping 127.0.0.1\r');
    await new Promise((r) => setTimeout(r, 10));
    t.input('\x03');
    await settle();
    expect(out()).toMatch(/PING 127\.0\.0\.1 \(127\.0\.0\.1\) 56\(84\) bytes of data\.\r\n64 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=64 time=0\.0\d\d ms\r\n[\s\S]*\^C\r\n/);
    expect(out().endsWith('$ ')).toBe(true);
    expect(idles.at(-1)).toBe(130);
  });

  it('asks yum’s question and reads the answer', async () => {
    const world = createWorld();
    const { t, settle, out } = term(shellOf(await bootInstance(world)));
    t.input('sudo yum install jq\r');
    await settle();
    expect(out()).toContain('Is this ok [y/d/N]: ');
    t.input('y\r');
    await settle();
    expect(out()).toContain('Is this ok [y/d/N]: y\r\nDownloading packages:\r\n');
    expect(out()).toContain('Complete!\r\n');
  });

  it('drops an ssh session whose instance stops, back to the workstation', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const me = shellOf(await workstation(world));
    me.guest.rootFs.writeSync('/home/learner/k.pem', new TextEncoder().encode(world.key.privatePem), false, 0o400);
    me.guest.rootFs.chownSync('/home/learner/k.pem', 1000, 1000);
    const { t, settle, out, clear } = term(me);
    const ip = g.identity.interfaces[0]!.publicIp!;
    t.input(`ssh -i k.pem -o StrictHostKeyChecking=no ec2-user@${ip}\r`);
    await settle();
    expect(out()).toMatch(/\[ec2-user@ip-[\d-]+ ~\]\$ $/);
    clear();
    g.powerOff();
    t.refresh();
    await settle();
    expect(out()).toBe(`Connection to ${ip} closed by remote host.\r\nConnection to ${ip} closed.\r\nlearner@workstation:~$ `);
  });
});
