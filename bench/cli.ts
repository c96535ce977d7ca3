/**
 * The terminal's `aws` command: median wall time of one `aws ec2 describe-instances --query ...
 * --output text` through runAwsCli in-process, against Debian's real CLI (/usr/bin/aws) making the
 * same call over the lab's HTTP endpoint in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../src-main/engine/index';
import { createLabServer } from '../src-main/server/server';
import { runAwsCli, type AwsCliHost } from '../src-main/engine/cli';

export interface CliBenchResult {
  command: string;
  inProcessMedianMs: number;
  realCliMedianMs: number;
  /** How many times faster the lab's CLI is than the real one. */
  ratio: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchCli(opts: { runs?: number; realRuns?: number } = {}): Promise<CliBenchResult> {
  const args = ['ec2', 'describe-instances', '--query', 'Reservations[].Instances[].InstanceId', '--output', 'text'];
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-bench-cli-'));
  const engine = createEngine();
  const server = await createLabServer({ engine, port: 0, noToken: true });
  const env = {
    AWS_ACCESS_KEY_ID: engine.account.rootAccessKeyId,
    AWS_SECRET_ACCESS_KEY: engine.account.rootSecretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
  };
  try {
    const host: AwsCliHost = {
      call: engine.call,
      resolveCredentials: (id) => engine.lookupAccessKey(id),
      fs: {
        readFile: async () => Buffer.alloc(0),
        writeFile: async () => {},
        stat: async () => undefined,
        readdir: async () => [],
        mkdir: async () => {},
        rm: async () => {},
      },
      env,
      cwd: '/',
      home: '/root',
      stdout: () => {},
      stderr: () => {},
      now: () => engine.clock.now(),
      sleep: async () => {},
    };
    const inProcess: number[] = [];
    for (let i = 0; i < (opts.runs ?? 200); i++) {
      const t0 = performance.now();
      const rc = await runAwsCli(args, host);
      inProcess.push(performance.now() - t0);
      if (rc !== 0) throw new Error(`runAwsCli exited ${rc}`);
    }
    const real: number[] = [];
    for (let i = 0; i < (opts.realRuns ?? 5); i++) {
      const t0 = performance.now();
      const rc = await new Promise<number>((ok) => {
        const child = spawn('/usr/bin/aws', ['--endpoint-url', server.url, ...args], { env: { PATH: process.env.PATH ?? '', HOME: dir, AWS_PAGER: '', ...env }, stdio: 'ignore' });
        child.on('close', (code) => ok(code ?? -1));
      });
      real.push(performance.now() - t0);
      if (rc !== 0) throw new Error(`real aws exited ${rc}`);
    }
    const a = median(inProcess);
    const b = median(real);
    return { command: `aws ${args.join(' ')}`, inProcessMedianMs: a, realCliMedianMs: b, ratio: b / a };
  } finally {
    await server.close();
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
