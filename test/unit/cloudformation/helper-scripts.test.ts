/**
 * The helper scripts wired into a real instance (in-memory engine, manual clock): aws-cfn-bootstrap's
 * files on the Amazon Linux AMI, user data running cfn-init and cfn-signal at boot, the command
 * lines the tools accept and refuse, whom they act as, and cfn-hup as a service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestShell } from '../../../src-main/engine/guest/session';
import type { Guest } from '../../../src-main/engine/guest/machine';
import { cfnLab, fixture, type CfnLab } from './lab';

let lab: CfnLab;
let web: Guest;
let id = '';
const run = (user: string, line: string) => new GuestShell(web, web.user(user)!).exec(line);
const tick = () => new Promise((r) => setTimeout(r, 50));

beforeAll(async () => {
  lab = cfnLab();
  await lab.cfn('CreateStack', { StackName: 'apache', TemplateBody: fixture('cfn-init-apache.yaml') });
  // The instance boots and runs its user data (real work: yum, files, httpd) while the stack waits
  // for the signal; simulated time moves slowly meanwhile, far from the PT10M timeout.
  await lab.run(60_000);
  for (let i = 0; i < 200 && (await lab.status('apache')) === 'CREATE_IN_PROGRESS'; i++) {
    await tick();
    await lab.run(1000);
  }
  id = (await lab.cfn('DescribeStackResource', { StackName: 'apache', LogicalResourceId: 'Web' })).StackResourceDetail.PhysicalResourceId;
  web = (await lab.engine.terminals.guest(id))!;
});
afterAll(() => lab?.engine.close());

const out = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, exitCode: number) => ({ stdout: '', stderr, exitCode });

describe('at boot', () => {
  it('cfn-init installs Apache from the metadata and cfn-signal completes the stack', async () => {
    expect(await lab.status('apache')).toBe('CREATE_COMPLETE');
    expect(await run('ec2-user', 'cat /var/www/html/index.html; service httpd status')).toEqual(
      out(`<html><body><h1>Served by stack apache</h1></body></html>\nhttpd (pid  ${web.services.get('httpd')!.pid}) is running...\n`),
    );
    expect((await run('root', 'tail -n 1 /var/log/cfn-init.log')).stdout).toBe('cfn-init completed successfully\n');
  });
});

describe('the command lines', () => {
  it('live in /opt/aws/bin: on the default user\'s PATH, not on root\'s', async () => {
    expect(await run('ec2-user', 'which cfn-init cfn-signal cfn-get-metadata cfn-hup')).toEqual(out('/opt/aws/bin/cfn-init\n/opt/aws/bin/cfn-signal\n/opt/aws/bin/cfn-get-metadata\n/opt/aws/bin/cfn-hup\n'));
    expect(await run('root', 'cfn-init -v')).toEqual(err('-bash: cfn-init: command not found\n', 127));
    expect(await run('root', 'ls /opt/aws/bin')).toEqual(out('cfn-get-metadata\ncfn-hup\ncfn-init\ncfn-signal\n'));
  });

  it('answer --help and refuse unknown options the way optparse does', async () => {
    expect(await run('root', '/opt/aws/bin/cfn-hup --help')).toEqual(
      out(
        'Usage: cfn-hup [options]\n\nWatches resource metadata and runs the hooks in <config>/hooks.d/*.conf when it\nchanges, every interval minutes of <config>/cfn-hup.conf (default 15).\n\nOptions:\n' +
          '  -h, --help            show this help message and exit\n  -c CONFIG, --config=CONFIG\n                        The configuration folder (default: /etc/cfn)\n' +
          '  --no-daemon           Check once and exit (else start the cfn-hup service)\n  -v, --verbose         Print more about what happens\n',
      ),
    );
    const help = (await run('root', '/opt/aws/bin/cfn-init -h')).stdout.split('\n');
    expect(help.slice(0, 8)).toEqual(['Usage: cfn-init [options]', '', 'Reads AWS::CloudFormation::Init from a resource\'s metadata and applies it:', 'packages, groups, users, sources, files, commands, then services.', '', 'Options:', '  -h, --help            show this help message and exit', '  -v, --verbose         Also print the log (/var/log/cfn-init.log) here']);
    expect(await run('root', '/opt/aws/bin/cfn-init --bogus')).toEqual(err('Usage: cfn-init [options]\n\ncfn-init: error: no such option: --bogus\n', 2));
    expect(await run('root', '/opt/aws/bin/cfn-signal -x 1')).toEqual(err('Usage: cfn-signal [options] [WaitConditionHandle URL]\n\ncfn-signal: error: no such option: -x\n', 2));
    expect(await run('root', '/opt/aws/bin/cfn-get-metadata --stack')).toEqual(err('Usage: cfn-get-metadata [options]\n\ncfn-get-metadata: error: --stack option requires an argument\n', 2));
    expect(await run('root', '/opt/aws/bin/cfn-hup --no-daemon=yes')).toEqual(err('Usage: cfn-hup [options]\n\ncfn-hup: error: --no-daemon option does not take a value\n', 2));
  });

  it('get every word of a long line (past $9), and refuse one whose words did not all arrive', async () => {
    // The guest shell hands a script all its arguments now: the tenth word (--role x) is read.
    expect(await run('root', '/opt/aws/bin/cfn-get-metadata -s apache -r Web --region us-east-1 -k AWS::CloudFormation::Init --role x')).toEqual(
      err("Could not get the credentials of role x from the instance metadata service (the instance's role is none)\n", 1),
    );
    // The count the program file passes along still catches a line that lost words.
    const short = await run('root', '/usr/bin/.nimbus-exec cfn-get-metadata 3 -s apache');
    expect([short.exitCode, short.stdout, short.stderr.startsWith('cfn-get-metadata: this line has 3 arguments')]).toEqual([2, '', true]);
  });
});

describe('whom they act as', () => {
  it('without credentials: only the stack the instance belongs to', async () => {
    expect(await run('root', '/opt/aws/bin/cfn-get-metadata -s apache -r Web -k AWS::CloudFormation::Init.config.services')).toEqual(
      out('{\n    "sysvinit": {\n        "httpd": {\n            "enabled": true,\n            "ensureRunning": true\n        }\n    }\n}\n'),
    );
    expect(await run('root', '/opt/aws/bin/cfn-get-metadata -s other -r Web')).toEqual(
      err(`AccessDenied: Instance ${id} is not a member of stack other; without credentials the helper scripts can reach only the stack the instance belongs to\n`, 1),
    );
  });

  it('with an access key: IAM decides, and a wrong secret is refused', async () => {
    const key = lab.engine.account.rootAccessKeyId;
    expect(await run('root', `/opt/aws/bin/cfn-get-metadata -s apache -r Web --access-key=${key} --secret-key=${lab.engine.account.rootSecretAccessKey} -k AWS::CloudFormation::Init.config.commands`)).toEqual(
      out('{\n    "01-check": {\n        "command": "test -f /var/www/html/index.html"\n    }\n}\n'),
    );
    expect(await run('root', `/opt/aws/bin/cfn-get-metadata -s apache -r Web --access-key=${key} --secret-key=wrong`)).toEqual(
      err('SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n', 1),
    );
    expect(await run('root', '/opt/aws/bin/cfn-get-metadata -s apache -r Web --role=reader')).toEqual(
      err('Could not get the credentials of role reader from the instance metadata service (the instance\'s role is none)\n', 1),
    );
  });

  it('need root for what cfn-init changes, as the real script does', async () => {
    expect(await run('ec2-user', '/opt/aws/bin/cfn-init -s apache -r Web')).toEqual(err("[Errno 13] Permission denied: '/var/log/cfn-init.log'\n", 1));
  });
});

describe('cfn-hup', () => {
  it('needs its configuration, then runs a hook when the metadata changes, every interval minutes', async () => {
    expect(await run('root', '/opt/aws/bin/cfn-hup --no-daemon')).toEqual(err('Error: /etc/cfn/cfn-hup.conf does not exist\n', 1));
    const setup = [
      'mkdir -p /etc/cfn/hooks.d',
      "printf '[main]\\nstack=apache\\nregion=us-east-1\\ninterval=5\\n' > /etc/cfn/cfn-hup.conf",
      "printf '[reload]\\ntriggers=post.update\\npath=Resources.Web.Metadata.AWS::CloudFormation::Init\\naction=date >> /tmp/hook-ran\\nrunas=root\\n' > /etc/cfn/hooks.d/reload.conf",
      'chkconfig cfn-hup on',
      'service cfn-hup start',
    ].join('\n');
    expect(await run('root', setup)).toEqual(out('Starting cfn-hup:                                          [  OK  ]\n'));
    await lab.run(60_000);
    await tick();
    const changed = fixture('cfn-init-apache.yaml').replace('Served by stack', 'Now served by stack');
    await lab.cfn('UpdateStack', { StackName: 'apache', TemplateBody: changed });
    await lab.settle();
    expect(await lab.status('apache')).toBe('UPDATE_COMPLETE');
    expect(await run('root', 'cat /tmp/hook-ran')).toEqual(err('cat: /tmp/hook-ran: No such file or directory\n', 1));
    // The next wake-up (5 minutes after the first pass) sees the change and runs the action once.
    for (let i = 0; i < 6; i++) {
      await lab.run(60_000);
      await tick();
    }
    expect((await run('root', 'wc -l < /tmp/hook-ran')).stdout).toBe('1\n');
    expect((await run('root', 'cat /var/log/cfn-hup.log')).stdout).toBe('Error: /etc/cfn/cfn-hup.conf does not exist\nAction for hook ran: date >> /tmp/hook-ran\n');
  });
});
