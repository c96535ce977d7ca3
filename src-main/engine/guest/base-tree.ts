/**
 * The files an AMI's root disk starts with. Seeded once per root volume (the AMI's snapshot, in the
 * lab's terms); what the instance adds at first boot (hostname, the key in authorized_keys, the
 * sudoers entry) is cloud-init's job, as on AWS (see cloud-init.ts).
 */
import type { FsBackend } from './fs/backend';
import type { OsImage, PackageInfo } from './catalog';
import { PROGRAM_RUNNER, RUNNER_STUB, programScript } from './programs';

export interface SeedOptions {
  image: OsImage;
  /** ec2-user, ubuntu, or learner on the workstation. */
  defaultUser: string;
  /** Command names that get a stub in /usr/bin (so `which` and `ls /usr/bin` look right). */
  commands: readonly string[];
  /** Packages the image ships whose files are part of it (aws-cfn-bootstrap's /opt/aws/bin). */
  packages?: readonly PackageInfo[];
  now: number;
}

export const defaultUid = (image: OsImage): number => (image.key === 'amzn-2017.09' ? 500 : 1000);

export function seedImage(vol: FsBackend, o: SeedOptions): void {
  const { image, defaultUser, now } = o;
  const uid = defaultUid(image);
  const dir = (path: string, mode = 0o755, owner = 0, group = owner): void =>
    vol.put(path, { kind: 'dir', mode, uid: owner, gid: group, mtime: now });
  const file = (path: string, content: string, mode = 0o644, owner = 0, group = owner): void =>
    vol.put(path, { kind: 'file', mode, uid: owner, gid: group, mtime: now, content: new TextEncoder().encode(content) });
  const link = (path: string, target: string): void =>
    vol.put(path, { kind: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: now, target });

  dir('/');
  for (const d of ['/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/srv', '/sys', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/share', '/var', '/var/lib', '/var/log', '/var/spool', '/var/spool/cron', '/var/cache', '/etc/cron.d', '/etc/sudoers.d', '/etc/ssh', '/var/lib/cloud', '/var/lib/nimbus'])
    dir(d, d === '/root' ? 0o550 : d === '/var/spool/cron' ? 0o700 : 0o755);
  dir('/tmp', 0o1777);
  dir('/var/tmp', 0o1777);
  link('/bin', 'usr/bin');
  link('/sbin', 'usr/sbin');
  link('/lib', 'usr/lib');
  for (const c of o.commands) file(`/usr/bin/${c}`, `#!/bin/sh\n# ${c}: part of the lab's guest system\n`, 0o755);

  const sudoGroup = image.sudoGroup;
  const groups = [
    'root:x:0:',
    'bin:x:1:',
    'daemon:x:2:',
    `adm:x:4:${image.promptStyle === 'debian' ? defaultUser : ''}`,
    `wheel:x:10:${sudoGroup === 'wheel' ? defaultUser : ''}`,
    ...(sudoGroup === 'sudo' ? [`sudo:x:27:${defaultUser}`] : []),
    'nobody:x:99:',
    `${defaultUser}:x:${uid}:`,
  ];
  const passwd = [
    'root:x:0:0:root:/root:/bin/bash',
    'bin:x:1:1:bin:/bin:/sbin/nologin',
    'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
    'nobody:x:99:99:Nobody:/:/sbin/nologin',
    `${defaultUser}:x:${uid}:${uid}:${image.key === 'workstation' ? 'Learner' : image.promptStyle === 'debian' ? 'Ubuntu' : 'EC2 Default User'}:/home/${defaultUser}:/bin/bash`,
  ];
  file('/etc/passwd', `${passwd.join('\n')}\n`);
  file('/etc/group', `${groups.join('\n')}\n`);
  file('/etc/shadow', `${passwd.map((l) => `${l.split(':')[0]}:!!:17500:0:99999:7:::`).join('\n')}\n`, 0o000);
  file('/etc/sudoers', `Defaults    secure_path = /sbin:/bin:/usr/sbin:/usr/bin\nroot    ALL=(ALL)       ALL\n%${sudoGroup}  ALL=(ALL)       ALL\n#includedir /etc/sudoers.d\n`, 0o440);
  file('/etc/hosts', '127.0.0.1   localhost localhost.localdomain\n::1         localhost6 localhost6.localdomain6\n');
  file('/etc/fstab', image.fsType === 'xfs' || image.key.startsWith('amzn')
    ? `LABEL=/     /           ${image.fsType}    defaults,noatime  1   1\ntmpfs       /dev/shm    tmpfs   defaults        0   0\n`
    : `LABEL=cloudimg-rootfs\t/\t ${image.fsType}\tdefaults,discard\t0 0\n`);
  file('/etc/resolv.conf', 'options timeout:2 attempts:5\nnameserver 169.254.169.253\n');
  file('/etc/ssh/sshd_config', 'PermitRootLogin forced-commands-only\nPasswordAuthentication no\nChallengeResponseAuthentication no\nUsePAM yes\n');
  for (const [path, content] of Object.entries(image.files)) file(path, content);
  file('/var/log/messages', '', 0o600);
  file('/var/log/secure', '', 0o600);
  file('/var/log/cloud-init.log', '', 0o644);
  file('/var/log/cloud-init-output.log', '', 0o644);
  file('/root/.bashrc', '# .bashrc\nalias rm=\'rm -i\'\n', 0o644);

  dir(`/home/${defaultUser}`, image.promptStyle === 'debian' ? 0o755 : 0o700, uid);
  dir(`/home/${defaultUser}/.ssh`, 0o700, uid);
  file(`/home/${defaultUser}/.bashrc`, '# .bashrc\n\n# User specific aliases and functions\n', 0o644, uid);
  file(`/home/${defaultUser}/.bash_profile`, '# .bash_profile\n\nif [ -f ~/.bashrc ]; then\n\t. ~/.bashrc\nfi\n', 0o644, uid);
  if (image.key === 'workstation') dir(`/home/${defaultUser}/.aws`, 0o755, uid);

  for (const p of o.packages ?? []) {
    const parents = (path: string): void => {
      const parts = path.split('/').slice(1, -1);
      for (let i = 1; i <= parts.length; i++) {
        const d = `/${parts.slice(0, i).join('/')}`;
        if (!vol.get(d)) dir(d);
      }
    };
    for (const [path, content] of Object.entries(p.files ?? {})) {
      if (path.endsWith('/')) {
        parents(`${path}x`);
        continue;
      }
      parents(path);
      file(path, content);
    }
    for (const [path, name] of Object.entries(p.programs ?? {})) {
      parents(path);
      file(path, programScript(name, p.name), 0o755);
      file(`/usr/bin/${PROGRAM_RUNNER}`, RUNNER_STUB, 0o755);
    }
    for (const s of p.services ?? []) {
      if (image.initSystem === 'sysv') {
        parents('/etc/rc.d/init.d/x');
        file(`/etc/rc.d/init.d/${s.name}`, `#!/bin/bash\n# ${s.name}: init script (${p.name})\n`, 0o755);
      } else {
        parents('/usr/lib/systemd/system/x');
        file(`/usr/lib/systemd/system/${s.name}.service`, `[Unit]\nDescription=${p.summary}\n\n[Service]\nType=simple\n\n[Install]\nWantedBy=multi-user.target\n`);
      }
    }
  }
}
