import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, shellOf, workstation } from './harness';

const ubuntu = { imageKey: 'ubuntu-16.04', imageId: 'ami-ubuntu', defaultUser: 'ubuntu', volumes: [{ device: '/dev/sda1', dataId: 'vol-ubuntu-root', sizeBytes: 8 * 2 ** 30, kind: 'ebs' as const, volumeType: 'gp2', root: true }] };

describe('Ubuntu 16.04 guest (§3.1)', () => {
  it('looks like Ubuntu: prompt, MOTD, user ubuntu with sudo', async () => {
    const world = createWorld();
    const g = await bootInstance(world, ubuntu);
    const sh = shellOf(g);
    const host = g.identity.interfaces[0]!.privateDns.split('.')[0];
    expect(sh.prompt()).toBe(`ubuntu@${host}:~$ `);
    expect(sh.banner()).toBe('');
    expect((await run(sh, 'id')).out).toBe('uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),27(sudo)\n');
    expect((await run(sh, 'lsblk')).out).toBe('NAME    MAJ:MIN RM SIZE RO TYPE MOUNTPOINT\nxvda    202:0   0   8G  0 disk \n└─xvda1 202:1   0   8G  0 part /\n');
    expect((await run(sh, 'systemctl status cron | head -1')).out).toBe('● cron.service - Cron\n');
    expect((await run(sh, 'chkconfig; yum')).err).toBe('-bash: chkconfig: command not found\n-bash: yum: command not found\n');
  });

  it('apt-get installs linkchecker, which checks a site (§3.1.3)', async () => {
    const world = createWorld();
    const g = await bootInstance(world, ubuntu);
    const sh = shellOf(g);
    expect((await run(sh, 'apt-get install linkchecker -y')).err).toBe('E: Could not open lock file /var/lib/dpkg/lock - open (13: Permission denied)\nE: Unable to lock the administration directory (/var/lib/dpkg/), are you root?\n');
    expect((await run(sh, 'sudo apt-get update')).out).toContain('Reading package lists... Done\n');
    const r = await run(sh, 'sudo apt-get install linkchecker -y');
    expect(r.out).toContain('The following NEW packages will be installed:\n  linkchecker python-requests\n0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.\n');
    expect(r.out).toContain('Setting up linkchecker (9.3-1) ...\n');
    const web = await bootInstance(world);
    const ws = shellOf(web);
    await run(ws, 'sudo yum install -y httpd > /dev/null; echo \'<a href="ok.html">ok</a> <a href="gone.html">gone</a>\' | sudo tee /var/www/html/index.html > /dev/null; echo fine | sudo tee /var/www/html/ok.html >/dev/null; sudo service httpd start');
    const lc = await run(sh, `linkchecker http://${web.identity.interfaces[0]!.privateIp}/`);
    expect(lc.out).toContain(`URL        \`http://${web.identity.interfaces[0]!.privateIp}/gone.html'`);
    expect(lc.out).toContain('Result     Error: 404 Not Found');
    expect(lc.out).toContain("That's it. 3 links in 3 URLs checked. 0 warnings found. 1 error found.");
    expect(lc.code).toBe(1);
    void workstation;
  });
});
