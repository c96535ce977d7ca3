import { describe, expect, it } from 'vitest';
import { createPrivateKey } from 'node:crypto';
import { bootInstance, createWorld, run, shellOf, workstation } from '../harness';
import { createZip } from '../../../../src-main/engine/cli/zip';
import { cpuSecondsOf } from '../../../../src-main/engine/guest/cpu';

describe('openssl', () => {
  it('makes random keys, real RSA keys and digests', async () => {
    const sh = shellOf(await workstation(createWorld()));
    const b64 = await run(sh, 'openssl rand -base64 32');
    expect(b64.out).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(Buffer.from(b64.out, 'base64')).toHaveLength(32);
    expect((await run(sh, 'openssl rand -base64 60')).out).toMatch(/^[A-Za-z0-9+/]{64}\n[A-Za-z0-9+/]{16}\n$/);
    expect((await run(sh, 'openssl rand -hex 16')).out).toMatch(/^[0-9a-f]{32}\n$/);
    expect((await run(sh, 'openssl version')).out).toBe('OpenSSL 1.0.2k-fips  26 Jan 2017\n');
    const k = await run(sh, 'openssl genrsa -out key.pem 1024');
    expect(k.err).toContain('Generating RSA private key, 1024 bit long modulus');
    const pem = (await run(sh, 'cat key.pem')).out;
    expect(createPrivateKey(pem).asymmetricKeyDetails?.modulusLength).toBe(1024);
    expect((await run(sh, 'openssl rsa -in key.pem -pubout 2>/dev/null')).out).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect((await run(sh, 'echo -n abc | openssl sha256')).out).toBe('(stdin)= ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n');
    expect((await run(sh, 'openssl s_client -connect x:443')).code).toBe(1);
  });
});

describe('network programs through the virtual network', () => {
  it('ab loads the target web server and prints ApacheBench\'s report; telnet speaks HTTP by hand', async () => {
    const world = createWorld();
    const web = await bootInstance(world);
    const client = await bootInstance(world);
    const ws = shellOf(web);
    await run(ws, 'sudo yum install -y httpd && echo "<h1>hi</h1>" | sudo tee /var/www/html/index.html && sudo service httpd start');
    const c = shellOf(client);
    const ip = web.identity.interfaces[0]!.privateIp;
    expect((await run(c, `ab -n 10 http://${ip}/`)).err).toBe('-bash: ab: command not found\n');
    await run(c, 'sudo yum install -y httpd-tools');
    expect((await run(c, `ab -n 10 http://${ip}`)).err).toContain('ab: invalid URL');
    const cpuBefore = cpuSecondsOf(web.identity.id);
    const r = await run(c, `ab -n 200 -c 10 http://${ip}/`);
    expect(r.code).toBe(0);
    // The target's CPU rises: at least the modelled 0.5 ms of CPU per request served.
    expect(cpuSecondsOf(web.identity.id) - cpuBefore).toBeGreaterThanOrEqual(0.1);
    expect(r.out).toContain(`Benchmarking ${ip} (be patient)\nCompleted 100 requests\nCompleted 200 requests\nFinished 200 requests\n`);
    expect(r.out).toContain('Document Length:        12 bytes');
    expect(r.out).toContain('Concurrency Level:      10');
    expect(r.out).toContain('Complete requests:      200');
    expect(r.out).toContain('Failed requests:        0');
    expect(r.out).toMatch(/Requests per second: +\d+\.\d\d \[#\/sec\] \(mean\)/);
    expect(r.out).toMatch(/ 100% +\d+ \(longest request\)/);
    const log = (await run(ws, 'sudo cat /var/log/httpd/access_log')).out;
    expect(log.split('\n').filter((l) => l.includes('ApacheBench/2.3')).length).toBe(200);
    await run(ws, 'sudo service httpd stop');
    expect((await run(c, `ab -n 5 http://${ip}/`)).out).toContain('apr_socket_connect(): Connection refused (111)');
    await run(ws, 'sudo service httpd start');
    await run(c, 'sudo yum install -y telnet');
    const t = await c.exec(`telnet ${ip} 80`, { stdin: 'GET / HTTP/1.0\n\n' });
    expect(t.stdout).toContain(`Trying ${ip}...\nConnected to ${ip}.\nEscape character is '^]'.\nHTTP/1.1 200 OK\n`);
    expect(t.stdout).toContain('<h1>hi</h1>\nConnection closed by foreign host.\n');
    expect((await run(c, `telnet ${ip} 3306`)).err).toBe(`telnet: connect to address ${ip}: Connection refused\n`);
  });

  it('rsync -a copies locally and to another instance over ssh, as the remote user', async () => {
    const world = createWorld();
    const a = await bootInstance(world);
    const b = await bootInstance(world);
    const sa = shellOf(a);
    await run(sa, `cat > key.pem <<'EOF'\n${world.key.privatePem}EOF\nchmod 400 key.pem`);
    await run(sa, 'mkdir -p site/img && echo index > site/index.html && echo logo > site/img/logo.txt && chmod 600 site/index.html');
    const local = await run(sa, 'rsync -av site/ copy/');
    expect(local.out).toContain('sending incremental file list\n./\nimg/\nimg/logo.txt\nindex.html\n');
    expect((await run(sa, 'cat copy/img/logo.txt; ls -l copy/index.html')).out).toMatch(/^logo\n-rw------- /);
    const ip = b.identity.interfaces[0]!.privateIp;
    const push = await run(sa, `rsync -a -e "ssh -i key.pem -o StrictHostKeyChecking=no" site ec2-user@${ip}:/home/ec2-user/`);
    expect(push.err).toBe('');
    expect(push.code).toBe(0);
    const sb = shellOf(b);
    expect((await run(sb, 'cat site/index.html site/img/logo.txt; ls -l site/index.html')).out).toMatch(/^index\nlogo\n-rw------- 1 ec2-user ec2-user /);
    await run(sb, 'echo changed > site/img/logo.txt');
    const pull = await run(sa, `rsync -a -e "ssh -i key.pem" ec2-user@${ip}:site/img/ back/`);
    expect(pull.code).toBe(0);
    expect((await run(sa, 'cat back/logo.txt')).out).toBe('changed\n');
    expect((await run(sa, `rsync -a -e "ssh -i key.pem" site ec2-user@${ip}:/etc/`)).code).toBe(23);
  });
});

describe('archives and which', () => {
  it('unzip extracts and lists an archive; which tells what is installed', async () => {
    const g = await bootInstance(createWorld());
    const sh = shellOf(g);
    const zip = createZip([
      { name: 'code/', data: Buffer.alloc(0), mtimeMs: Date.UTC(2026, 0, 2) },
      { name: 'code/README.md', data: Buffer.from('# readme\n'.repeat(50)), mtimeMs: Date.UTC(2026, 0, 2) },
      { name: 'code/run.sh', data: Buffer.from('#!/bin/bash\necho run\n'), mtimeMs: Date.UTC(2026, 0, 2), mode: 0o755 },
    ]);
    sh.fs.writeSync('/home/ec2-user/code.zip', zip, false);
    const r = await run(sh, 'unzip code.zip');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Archive: {2}code\.zip\n {3}creating: code\/\n {2}(inflating|extracting): code\/README\.md {2}\n/);
    expect((await run(sh, 'cat code/run.sh')).out).toBe('#!/bin/bash\necho run\n');
    expect((await run(sh, 'unzip -l code.zip')).out).toContain('      450  ');
    expect((await run(sh, 'unzip -o -q code.zip -d other && ls other/code')).out).toBe('README.md\nrun.sh\n');
    expect((await run(sh, 'unzip nope.zip')).err).toBe('unzip:  cannot find or open nope.zip, nope.zip.zip or nope.zip.ZIP.\n');
    expect((await run(sh, 'which git')).err).toContain('/usr/bin/which: no git in (');
    await run(sh, 'sudo yum install -y git');
    expect((await run(sh, 'which git vi openssl rsync')).out).toBe('/usr/bin/git\n/usr/bin/vi\n/usr/bin/openssl\n/usr/bin/rsync\n');
    expect((await run(sh, 'which python3')).code).toBe(1);
    expect((await run(sh, 'tar czf c.tgz code && tar tzf c.tgz')).out).toBe('code/\ncode/README.md\ncode/run.sh\n');
  });
});
