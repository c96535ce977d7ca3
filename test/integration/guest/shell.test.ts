/**
 * The learner's path through chapters 3 and 9, scripted through `./bin/nimbus shell` against a real
 * lab (warp 200): a key pair and a security group made with Debian's AWS CLI, ssh from the
 * workstation with the key (chmod 400), httpd installed and started, its page fetched from the
 * workstation, then blocked by removing the port-80 rule; user data that installs a web server at
 * boot; an EBS volume formatted on one instance and read back on another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { removeDir, repoRoot, startLab, type RunningLab } from '../../helpers/lab';
import { awsCli, type CliResult } from '../../helpers/clients';

let lab: RunningLab;
let sgId = '';
let pem = '';

const ok = (r: CliResult): string => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.trim();
};

/** Pipes lines into `nimbus shell`; returns its output and exit status. */
function shell(lines: string[], instance?: string): { out: string; err: string; status: number } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'nimbus'), 'shell', '--data', lab.dataDir, ...(instance ? ['--instance', instance] : [])], {
    cwd: repoRoot,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { out: r.stdout, err: r.stderr, status: r.status ?? -1 };
}

function launch(extra: string[] = []): { id: string; ip: string } {
  const id = ok(awsCli(lab, ['ec2', 'run-instances', '--image-id', 'ami-6057e21a', '--instance-type', 't2.micro', '--key-name', 'mykey', '--security-group-ids', sgId, '--query', 'Instances[0].InstanceId', '--output', 'text', ...extra]));
  ok(awsCli(lab, ['ec2', 'wait', 'instance-running', '--instance-ids', id]));
  const ip = ok(awsCli(lab, ['ec2', 'describe-instances', '--instance-ids', id, '--query', 'Reservations[0].Instances[0].PublicIpAddress', '--output', 'text']));
  return { id, ip };
}

beforeAll(async () => {
  lab = await startLab({ extraArgs: ['--warp', '200'] });
  pem = ok(awsCli(lab, ['ec2', 'create-key-pair', '--key-name', 'mykey', '--query', 'KeyMaterial', '--output', 'text']));
  sgId = ok(awsCli(lab, ['ec2', 'create-security-group', '--group-name', 'webserver', '--description', 'ssh and http', '--query', 'GroupId', '--output', 'text']));
  ok(awsCli(lab, ['ec2', 'authorize-security-group-ingress', '--group-id', sgId, '--protocol', 'tcp', '--port', '22', '--cidr', '0.0.0.0/0']));
  ok(awsCli(lab, ['ec2', 'authorize-security-group-ingress', '--group-id', sgId, '--protocol', 'tcp', '--port', '80', '--cidr', '0.0.0.0/0']));
});
afterAll(async () => {
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
});

describe('nimbus shell: the workstation and instances', () => {
  let web: { id: string; ip: string };

  it('ssh in with the key, install and start httpd, and fetch the page from the workstation', () => {
    web = launch();
    const r = shell([
      "cat > mykey.pem <<'EOF'",
      ...pem.split('\n'),
      'EOF',
      `ssh -i mykey.pem -o StrictHostKeyChecking=no ec2-user@${web.ip} true`,
      'echo "before chmod: $?"',
      'chmod 400 mykey.pem',
      `ssh -i mykey.pem -o StrictHostKeyChecking=no ec2-user@${web.ip}`,
      'sudo yum install -y httpd',
      'sudo service httpd start',
      "echo '<h1>Hello from the lab</h1>' | sudo tee /var/www/html/index.html",
      'exit',
      `curl -s http://${web.ip}/`,
    ]);
    expect(r.err).toBe('');
    expect(r.out).toContain("WARNING: UNPROTECTED PRIVATE KEY FILE!");
    expect(r.out).toContain(`ec2-user@${web.ip}: Permission denied (publickey).\nbefore chmod: 255\n`);
    expect(r.out).toContain('Install  1 Package (+4 Dependent packages)\n');
    expect(r.out).toContain('Complete!\n');
    expect(r.out).toMatch(/Starting httpd: +\[ {2}OK {2}\]\n/);
    expect(r.out).toContain(`Pseudo-terminal will not be allocated because stdin is not a terminal.\n`);
    expect(r.out.endsWith(`[  OK  ]\n<h1>Hello from the lab</h1>\n<h1>Hello from the lab</h1>\n`)).toBe(true);
    expect(r.status).toBe(0);
  });

  it('times out once the port-80 rule is gone', () => {
    ok(awsCli(lab, ['ec2', 'revoke-security-group-ingress', '--group-id', sgId, '--protocol', 'tcp', '--port', '80', '--cidr', '0.0.0.0/0']));
    const r = shell([`curl http://${web.ip}/`]);
    expect(r.out).toBe(`curl: (7) Failed to connect to ${web.ip} port 80: Connection timed out\n`);
    expect(r.status).toBe(7);
    ok(awsCli(lab, ['ec2', 'authorize-security-group-ingress', '--group-id', sgId, '--protocol', 'tcp', '--port', '80', '--cidr', '0.0.0.0/0']));
  });

  it('runs user data at boot: a web server without any ssh', () => {
    const script = '#!/bin/bash -ex\nyum -y install httpd\necho "<h1>Installed by user data</h1>" > /var/www/html/index.html\nservice httpd start\n';
    const booted = launch(['--user-data', script]);
    const r = shell([`for i in 1 2 3 4 5 6 7 8 9 10; do curl -s http://${booted.ip}/ && break; sleep 5; done`]);
    expect(r.out).toBe('<h1>Installed by user data</h1>\n');
    const log = shell(['sudo grep -c "Complete!" /var/log/cloud-init-output.log'], booted.id);
    expect(log.out).toBe('1\n');
    const console = ok(awsCli(lab, ['ec2', 'get-console-output', '--instance-id', booted.id, '--query', 'Output', '--output', 'text']));
    expect(console).toContain('Cloud-init v. 0.7.6 finished at');
  });

  it('keeps a volume’s files across detach and attach to another instance (§9.1.2)', () => {
    const other = launch();
    const az = ok(awsCli(lab, ['ec2', 'describe-instances', '--instance-ids', web.id, '--query', 'Reservations[0].Instances[0].Placement.AvailabilityZone', '--output', 'text']));
    const vol = ok(awsCli(lab, ['ec2', 'create-volume', '--size', '5', '--availability-zone', az, '--query', 'VolumeId', '--output', 'text']));
    ok(awsCli(lab, ['ec2', 'wait', 'volume-available', '--volume-ids', vol]));
    ok(awsCli(lab, ['ec2', 'attach-volume', '--volume-id', vol, '--instance-id', web.id, '--device', '/dev/sdf', '--query', 'State', '--output', 'text']));
    ok(awsCli(lab, ['ec2', 'wait', 'volume-in-use', '--volume-ids', vol]));
    const a = shell(['sudo mkfs -t ext4 /dev/xvdf > /dev/null', 'sudo mkdir /mnt/volume', 'sudo mount /dev/xvdf /mnt/volume', 'echo "kept on EBS" | sudo tee /mnt/volume/testfile', 'df -h | grep xvdf', 'sudo umount /mnt/volume'], web.id);
    expect(a.out).toBe('kept on EBS\n/dev/xvdf       4.8G   10M  4.6G   1% /mnt/volume\n');
    ok(awsCli(lab, ['ec2', 'detach-volume', '--volume-id', vol, '--query', 'State', '--output', 'text']));
    ok(awsCli(lab, ['ec2', 'wait', 'volume-available', '--volume-ids', vol]));
    ok(awsCli(lab, ['ec2', 'attach-volume', '--volume-id', vol, '--instance-id', other.id, '--device', '/dev/sdf', '--query', 'State', '--output', 'text']));
    ok(awsCli(lab, ['ec2', 'wait', 'volume-in-use', '--volume-ids', vol]));
    const b = shell(['sudo mkdir /data', 'sudo mount /dev/xvdf /data', 'cat /data/testfile', 'ls /data'], other.id);
    expect(b.out).toBe('kept on EBS\nlost+found\ntestfile\n');
    expect(b.status).toBe(0);
  });
});
