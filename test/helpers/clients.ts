/** Real AWS clients pointed at a running lab. */
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { spawnSync } from 'node:child_process';
import type { RunningLab } from './lab';

export const s3v3 = (lab: RunningLab, opts: { secret?: string; accessKeyId?: string; pathStyle?: boolean } = {}) =>
  new S3Client({
    endpoint: lab.endpoint,
    region: 'us-east-1',
    forcePathStyle: opts.pathStyle ?? true,
    credentials: {
      accessKeyId: opts.accessKeyId ?? lab.credentials.accessKeyId,
      secretAccessKey: opts.secret ?? lab.credentials.secretAccessKey,
    },
    maxAttempts: 1,
  });

export const stsV3 = (lab: RunningLab) =>
  new STSClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: lab.credentials, maxAttempts: 1 });

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Debian's AWS CLI v2 (not the pyenv shim on PATH). */
export const AWS_CLI = '/usr/bin/aws';

export function awsCli(lab: RunningLab, args: string[], opts: { cwd?: string; input?: string } = {}): CliResult {
  const r = spawnSync(AWS_CLI, ['--endpoint-url', lab.endpoint, ...args], {
    env: lab.cliEnv,
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
