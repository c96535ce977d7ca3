import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, shellOf, workstation } from './harness';

describe('command -v and type tell what is installed; python3 runs sandboxed', () => {
  it('names only programs on the disk, before and after an install', async () => {
    const world = createWorld();
    const sh = shellOf(await bootInstance(world));
    expect(await run(sh, 'command -v httpd; echo rc=$?')).toMatchObject({ out: 'rc=1\n' });
    expect((await run(sh, 'type httpd')).err).toBe('bash: type: httpd: not found\n');
    expect((await run(sh, 'command -v python3 git || echo none')).out).toBe('none\n');
    // Builtins, and programs of the base image, are still named.
    expect((await run(sh, 'command -v cd ls')).out).toMatch(/^cd\n\/(usr\/)?bin\/ls\n$/);
    await run(sh, 'sudo yum install -y httpd python36 > /dev/null');
    expect((await run(sh, 'command -v httpd python3')).out).toMatch(/^\/usr\/sbin\/httpd\n\/(usr\/)?bin\/python3\n$/);
    expect((await run(sh, 'type -t python3')).out).toBe('file\n');
  });

  it('the workstation has python3; an instance only once a package provides it', async () => {
    const world = createWorld();
    const ws = shellOf(await workstation(world));
    expect(await run(ws, 'python3 -c "print(6 * 7)"')).toEqual({ out: '42\n', err: '', code: 0 });
    await run(ws, `printf 'import sys\\nprint(open("/home/learner/in.txt").read().upper(), file=sys.stderr)\\nopen("/home/learner/out.txt","w").write("from python")\\n' > /home/learner/p.py; echo hello > /home/learner/in.txt`);
    expect(await run(ws, 'python3 /home/learner/p.py; cat /home/learner/out.txt')).toMatchObject({ out: 'from python', err: 'HELLO\n\n', code: 0 });
    const inst = shellOf(await bootInstance(world));
    expect(await run(inst, 'python3 -c "print(1)"')).toEqual({ out: '', err: '-bash: python3: command not found\n', code: 127 });
  });

  it("python3 cannot reach the host: no host files, processes or sockets", async () => {
    const world = createWorld();
    const ws = shellOf(await workstation(world));
    // /etc/passwd is the guest's own, and a file of the host is not there at all.
    const passwd = await run(ws, `python3 -c "print(open('/etc/passwd').read(), end='')"`);
    expect(passwd.out).toContain('learner:x:1000');
    expect(passwd.out).not.toBe(readFileSync('/etc/passwd', 'utf8'));
    const secret = join(mkdtempSync(join(tmpdir(), 'nimbus-host-')), 'secret.txt');
    writeFileSync(secret, 'host only');
    const host = await run(ws, `python3 -c "print(open('${secret}').read())"`);
    expect(host.out).toBe('');
    expect(host.err).toContain('FileNotFoundError');
    const spawn = await run(ws, `python3 -c "import subprocess; subprocess.run(['id'])"`);
    expect(spawn.code).not.toBe(0);
    const sock = await run(ws, `python3 -c "import socket; socket.create_connection(('127.0.0.1', 22), timeout=2)"`);
    expect(sock.code).not.toBe(0);
    expect(sock.err).toMatch(/Error/);
  });
});
