import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, shellOf, workstation } from './harness';

describe('packages, services and the web server', () => {
  it('yum installs httpd with its dependencies and prints the transaction summary', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const sh = shellOf(g);
    expect(await run(sh, 'yum install -y httpd')).toEqual({
      out: 'Loaded plugins: priorities, update-motd, upgrade-helper\n',
      err: 'You need to be root to perform this command.\n',
      code: 1,
    });
    const r = await run(sh, 'sudo yum install -y httpd');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Installing:\n httpd                 x86_64      2.2.34-1.16.amzn1           amzn-updates      1.1 M\n');
    expect(r.out).toContain('Install  1 Package (+4 Dependent packages)\n');
    expect(r.out.endsWith('Complete!\n')).toBe(true);
    expect((await run(sh, 'which httpd; rpm -q httpd 2>/dev/null; yum list installed httpd')).out).toContain('/usr/sbin/httpd\n');
    expect((await run(sh, 'sudo yum install -y httpd')).out).toContain('Package httpd-2.2.34-1.16.amzn1.x86_64 already installed and latest version\nNothing to do\n');
    expect(await run(sh, 'sudo yum install -y nosuchpkg')).toEqual({
      out: 'Loaded plugins: priorities, update-motd, upgrade-helper\nNo package nosuchpkg available.\n',
      err: 'Error: Nothing to do\n',
      code: 1,
    });
  });

  it('serves /var/www/html once httpd runs, and logs the request', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const ws = await workstation(world);
    const sh = shellOf(g);
    const me = shellOf(ws);
    const ip = g.identity.interfaces[0]!.publicIp!;
    expect(await run(me, `curl -s http://${ip}/`)).toEqual({ out: '', err: '', code: 7 });
    expect((await run(me, `curl http://${ip}/`)).err).toBe(`curl: (7) Failed to connect to ${ip} port 80: Connection refused\n`);
    expect((await run(sh, 'service httpd start')).err).toBe('httpd: unrecognized service\n');
    await run(sh, 'sudo yum install -y httpd');
    expect(await run(sh, 'sudo service httpd start')).toEqual({ out: `Starting httpd:${' '.repeat(44)}[  OK  ]\n`, err: '', code: 0 });
    expect((await run(sh, 'service httpd status')).out).toMatch(/^httpd \(pid {2}\d+\) is running\.\.\.\n$/);
    expect((await run(me, `curl -s -o /dev/null -w x -I http://${ip}/`)).code).toBe(0);
    expect((await run(me, `curl -s http://${ip}/`)).out).toContain('Amazon Linux AMI Test Page');
    await run(sh, 'echo "<h1>Hello from the lab</h1>" | sudo tee /var/www/html/index.html > /dev/null');
    expect(await run(me, `curl http://${ip}/`)).toEqual({ out: '<h1>Hello from the lab</h1>\n', err: '', code: 0 });
    expect((await run(me, `curl -s http://${ip}/missing.html`)).out).toContain('<p>The requested URL /missing.html was not found on this server.</p>');
    const log = (await run(sh, 'sudo cat /var/log/httpd/access_log')).out.trim().split('\n');
    expect(log.at(-1)).toMatch(/^203\.0\.113\.10 - - \[26\/Nov\/2026:20:\d\d:\d\d \+0000\] "GET \/missing.html HTTP\/1.1" 404 \d+ "-" "curl\/7.53.1"$/);
    expect((await run(sh, 'sudo service httpd stop; curl -s localhost; echo $?')).out).toBe(`Stopping httpd:${' '.repeat(44)}[  OK  ]\n7\n`);
  });

  it('picks the IP-based virtual host of the interface the request came in on (§3.7)', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const eth0 = g.identity.interfaces[0]!;
    g.identity.interfaces.push({ ...eth0, device: 'eth1', mac: '0a:00:00:00:00:02', privateIp: '172.31.20.44', publicIp: '54.9.9.9', privateDns: 'ip-172-31-20-44.ec2.internal', publicDns: 'ec2-54-9-9-9.compute-1.amazonaws.com' });
    const sh = shellOf(g);
    await run(sh, 'sudo yum install -y httpd');
    await run(sh, `sudo mkdir -p /var/www/html/a /var/www/html/b; echo "Hello A!" | sudo tee /var/www/html/a/index.html; echo "Hello B!" | sudo tee /var/www/html/b/index.html`);
    await run(sh, `printf '<VirtualHost ${eth0.privateIp}:80>\\n  DocumentRoot /var/www/html/a\\n</VirtualHost>\\n' | sudo tee /etc/httpd/conf.d/a.conf`);
    await run(sh, `printf '<VirtualHost 172.31.20.44:80>\\n  DocumentRoot /var/www/html/b\\n</VirtualHost>\\n' | sudo tee /etc/httpd/conf.d/b.conf`);
    await run(sh, 'sudo service httpd restart');
    const me = shellOf(await workstation(world));
    expect((await run(me, `curl -s http://${eth0.publicIp}/`)).out).toBe('Hello A!\n');
    expect((await run(me, 'curl -s http://54.9.9.9/')).out).toBe('Hello B!\n');
    expect((await run(sh, 'ifconfig | grep "inet addr"')).out).toBe(
      `          inet addr:${eth0.privateIp}  Bcast:172.31.15.255  Mask:255.255.240.0\n          inet addr:172.31.20.44  Bcast:172.31.31.255  Mask:255.255.240.0\n          inet addr:127.0.0.1  Mask:255.0.0.0\n`,
    );
  });

  it('times out like curl when the network drops the packets, and says why', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const me = shellOf(await workstation(world));
    const ip = g.identity.interfaces[0]!.publicIp!;
    world.rules.push((_f, to, proto, port) => (to === ip && proto === 'tcp' && port === 80 ? { ok: false, failure: 'timeout', reason: { code: 'SecurityGroupIngress', message: 'no inbound rule of sg-1 (webserver) allows tcp/80 from 203.0.113.10' } } : undefined));
    const before = world.clock.now();
    expect(await run(me, `curl http://${ip}/`)).toEqual({ out: '', err: `curl: (7) Failed to connect to ${ip} port 80: Connection timed out\n`, code: 7 });
    expect(world.clock.now() - before).toBe(127_000);
    expect(await run(me, `curl -m 5 http://${ip}/`)).toEqual({ out: '', err: 'curl: (28) Connection timed out after 5001 milliseconds\n', code: 28 });
  });

  it('user data installs a web server at first boot, logged to cloud-init-output.log', async () => {
    const world = createWorld();
    const g = await bootInstance(world, { userData: '#!/bin/bash -ex\nyum -y install httpd\necho "<h1>booted</h1>" > /var/www/html/index.html\nservice httpd start\n' });
    const me = shellOf(await workstation(world));
    expect((await run(me, `curl -s http://${g.identity.interfaces[0]!.publicIp}/`)).out).toBe('<h1>booted</h1>\n');
    const log = (await run(shellOf(g), 'cat /var/log/cloud-init-output.log')).out;
    expect(log).toContain('Complete!\n');
    expect(log).toMatch(/Cloud-init v\. 0\.7\.6 finished at .*\. Datasource DataSourceEc2\. {2}Up [\d.]+ seconds\n$/);
    expect(world.consoleLog.get(g.identity.id)).toContain('-----BEGIN SSH HOST KEY FINGERPRINTS-----');
  });

  it('cloud-config installs packages, writes files and runs commands', async () => {
    const world = createWorld();
    const g = await bootInstance(world, { userData: '#cloud-config\npackages:\n  - nginx\nwrite_files:\n  - path: /etc/motd.lab\n    content: hi\nruncmd:\n  - service nginx start\n' });
    expect(g.services.has('nginx')).toBe(true);
    expect((await run(shellOf(g), 'cat /etc/motd.lab')).out).toBe('hi');
  });

  it('lists and applies the AMI’s security updates (§6.2)', async () => {
    const world = createWorld();
    const sh = shellOf(await bootInstance(world));
    const check = await run(sh, 'yum --security check-update');
    expect(check.code).toBe(100);
    expect(check.out).toBe(
      'Loaded plugins: priorities, update-motd, upgrade-helper\n8 package(s) needed for security, out of 8 available\n\n' +
        'authconfig.x86_64                6.2.8-30.31.amzn1                amzn-updates\nbash.x86_64                      4.2.46-28.37.amzn1               amzn-updates\n' +
        'curl.x86_64                      7.53.1-16.84.amzn1               amzn-updates\nglibc.x86_64                     2.17-196.173.amzn1               amzn-updates\n' +
        'glibc-common.x86_64              2.17-196.173.amzn1               amzn-updates\nkernel.x86_64                    4.9.85-38.58.amzn1               amzn-updates\n' +
        'libcurl.x86_64                   7.53.1-16.84.amzn1               amzn-updates\nwget.x86_64                      1.18-3.29.amzn1                  amzn-updates\n',
    );
    const up = await run(sh, 'sudo yum -y --security update');
    expect(up.out).toContain('Updating   : bash-4.2.46-28.37.amzn1.x86_64');
    expect(up.out.endsWith('Complete!\n')).toBe(true);
    expect((await run(sh, 'yum --security check-update')).out).toBe('Loaded plugins: priorities, update-motd, upgrade-helper\n0 package(s) needed for security, out of 0 available\n\n');
  });
});
