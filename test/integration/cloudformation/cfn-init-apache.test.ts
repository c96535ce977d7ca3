/**
 * CloudFormation's helper scripts end to end against a real lab (`nimbus serve --warp 60`): our own
 * template (a VPC with a public subnet, a security group for 22 and 80, an Amazon Linux instance
 * whose Init metadata installs Apache, writes a page and starts httpd) is created with Debian's AWS
 * CLI; user data runs cfn-init and cfn-signal at boot, the CreationPolicy holds the stack in
 * CREATE_IN_PROGRESS until the signal, and the workstation then fetches the page through
 * `nimbus shell`. A failing cfn-init reports exit 1 through cfn-signal and the stack rolls back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { removeDir, repoRoot, startLab, type RunningLab } from '../../helpers/lab';
import { awsCli, type CliResult } from '../../helpers/clients';

let lab: RunningLab;
const template = join(repoRoot, 'test', 'fixtures', 'cloudformation', 'cfn-init-apache.yaml');

const ok = (r: CliResult): string => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.trim();
};

function shell(lines: string[], instance?: string): { out: string; err: string; status: number } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'nimbus'), 'shell', '--data', lab.dataDir, ...(instance ? ['--instance', instance] : [])], {
    cwd: repoRoot,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { out: r.stdout, err: r.stderr, status: r.status ?? -1 };
}

const status = (stack: string): string => ok(awsCli(lab, ['cloudformation', 'describe-stacks', '--stack-name', stack, '--query', 'Stacks[0].StackStatus', '--output', 'text']));

/** Polls until the stack leaves `from`; returns every status seen, in order. */
async function watch(stack: string, from: RegExp): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 240; i++) {
    const s = status(stack);
    if (seen.at(-1) !== s) seen.push(s);
    if (!from.test(s)) return seen;
    await new Promise((r) => setTimeout(r, 500));
  }
  return seen;
}

const reasons = (stack: string): string[] =>
  ok(awsCli(lab, ['cloudformation', 'describe-stack-events', '--stack-name', stack, '--query', "reverse(StackEvents[?LogicalResourceId=='Web'])[].[ResourceStatus,ResourceStatusReason]", '--output', 'text'])).split('\n');

beforeAll(async () => {
  lab = await startLab({ extraArgs: ['--warp', '60'] });
});
afterAll(async () => {
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
});

describe('cfn-init and cfn-signal in an instance', () => {
  it('holds the stack until the signal, then serves the page cfn-init wrote', async () => {
    ok(awsCli(lab, ['cloudformation', 'create-stack', '--stack-name', 'apache', '--template-body', `file://${template}`, '--query', 'StackId', '--output', 'text']));
    const seen = await watch('apache', /IN_PROGRESS$/);
    // At warp 60 a slow poll may already find it complete; the CreationPolicy hold itself is asserted
    // in test/unit/cloudformation/signals.test.ts, and the events below show the signal's effect.
    expect(['CREATE_IN_PROGRESS', 'CREATE_COMPLETE'].filter((x) => seen.includes(x))).toEqual(seen);
    expect(seen.at(-1)).toBe('CREATE_COMPLETE');
    expect(reasons('apache')).toEqual([
      'CREATE_IN_PROGRESS\tNone',
      'CREATE_IN_PROGRESS\tResource creation Initiated',
      'CREATE_COMPLETE\tNone',
    ]);
    const ip = ok(awsCli(lab, ['cloudformation', 'describe-stacks', '--stack-name', 'apache', '--query', "Stacks[0].Outputs[?OutputKey=='PublicIp'].OutputValue", '--output', 'text']));
    const r = shell([`curl -s http://${ip}/`]);
    expect(r.err).toBe('');
    expect(r.out).toBe('<html><body><h1>Served by stack apache</h1></body></html>\n');
    expect(r.status).toBe(0);
    const id = ok(awsCli(lab, ['cloudformation', 'describe-stack-resource', '--stack-name', 'apache', '--logical-resource-id', 'Web', '--query', 'StackResourceDetail.PhysicalResourceId', '--output', 'text']));
    const inside = shell(['which cfn-init', 'sudo tail -n 1 /var/log/cfn-init.log', 'sudo chkconfig --list httpd'], id);
    expect(inside.out).toBe('/opt/aws/bin/cfn-init\ncfn-init completed successfully\nhttpd          \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n');
  });

  it('rolls back when cfn-init fails and cfn-signal reports it', async () => {
    ok(awsCli(lab, ['cloudformation', 'create-stack', '--stack-name', 'broken', '--template-body', `file://${template}`, '--parameters', 'ParameterKey=FailInit,ParameterValue=yes', 'ParameterKey=ShellFlags,ParameterValue=-x', '--query', 'StackId', '--output', 'text']));
    const seen = await watch('broken', /IN_PROGRESS$/);
    // Polling may miss the short states; what it saw comes in this order and ends rolled back.
    expect(['CREATE_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_COMPLETE'].filter((x) => seen.includes(x))).toEqual(seen);
    expect(seen.at(-1)).toBe('ROLLBACK_COMPLETE');
    const web = reasons('broken');
    expect(web.slice(0, 4)).toEqual([
      'CREATE_IN_PROGRESS\tNone',
      'CREATE_IN_PROGRESS\tResource creation Initiated',
      expect.stringMatching(/^CREATE_FAILED\tReceived FAILURE signal with UniqueId i-[0-9a-f]{17}$/),
      'DELETE_IN_PROGRESS\tNone',
    ]);
  });
});
