/**
 * Starts a real lab (`./bin/nimbus serve`) in a child process on a free port and a temp data dir,
 * the way a learner or CI would, and hands tests its endpoint and root credentials.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface LabCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface RunningLab {
  endpoint: string;
  port: number;
  dataDir: string;
  credentials: LabCredentials;
  process: ChildProcess;
  /** Environment for the real AWS CLI pointed at this lab. */
  cliEnv: NodeJS.ProcessEnv;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export function readCredentials(dataDir: string): LabCredentials {
  const text = readFileSync(join(dataDir, 'credentials'), 'utf8');
  const get = (k: string) => new RegExp(`^${k}\\s*=\\s*(\\S+)`, 'm').exec(text)?.[1] ?? '';
  return { accessKeyId: get('aws_access_key_id'), secretAccessKey: get('aws_secret_access_key') };
}

export async function startLab(opts: { dataDir?: string; extraArgs?: string[] } = {}): Promise<RunningLab> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'nimbus-test-'));
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin', 'nimbus'), 'serve', '--port', '0', '--data', dataDir, '--no-token', ...(opts.extraArgs ?? [])],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NIMBUS_NO_OPEN: '1' } },
  );
  let output = '';
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`lab did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /ready on http:\/\/[^:\s]+:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`lab exited with ${code} before ready:\n${output}`));
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = readCredentials(dataDir);
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const lab: RunningLab = {
    endpoint,
    port,
    dataDir,
    credentials,
    process: child,
    cliEnv: {
      ...process.env,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_REGION: 'us-east-1',
      AWS_PAGER: '',
      AWS_CONFIG_FILE: join(dataDir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dataDir, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return lab;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * One lab for a whole test file: started before the first test, stopped and removed after the last.
 * Returns a getter, since the lab exists only once beforeAll has run.
 */
export function useLab(opts: { extraArgs?: string[] } = {}): () => RunningLab {
  let lab: RunningLab | undefined;
  beforeAll(async () => {
    lab = await startLab(opts);
  });
  afterAll(async () => {
    await lab?.stop();
    if (lab) removeDir(lab.dataDir);
  });
  return () => {
    if (!lab) throw new Error('the lab is not started yet (use it inside a test or hook)');
    return lab;
  };
}
