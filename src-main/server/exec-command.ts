/**
 * `nimbus env` and `nimbus exec -- COMMAND…`: the learner's own programs (the book's nodecc, gallery,
 * nodetodo…) with the running lab's environment, so they run unchanged: the endpoint
 * (AWS_ENDPOINT_URL, read by SDK v3, boto3 and recent CLIs; and for aws-sdk v2, which ignores it, a
 * preload that configures it), the lab's root key as environment credentials (every SDK reads them;
 * aws-sdk v2 reads no credentials file given by AWS_SHARED_CREDENTIALS_FILE alone), and the region.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findResourcesDir } from '../engine/index';
import { defaultDataDir } from './data-dir';

export class ExecUsageError extends Error {}

export const EXEC_USAGE = `Usage: nimbus exec [--data DIR] [--region R] -- COMMAND [ARG…]
       nimbus env  [--data DIR] [--region R]
  Run a program on your computer (or print shell exports) with the running lab's endpoint,
  credentials and region, so programs written for AWS talk to the lab unchanged.
`;

interface Args {
  data: string;
  region: string;
  command: string[];
}

function parse(argv: string[], needCommand: boolean): Args {
  const a: Args = { data: defaultDataDir(), region: process.env.AWS_REGION ?? 'us-east-1', command: [] };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    if (v === '--') {
      a.command = argv.slice(i + 1);
      break;
    }
    if (v === '--data') a.data = argv[++i] ?? '';
    else if (v.startsWith('--data=')) a.data = v.slice(7);
    else if (v === '--region') a.region = argv[++i] ?? '';
    else if (v.startsWith('--region=')) a.region = v.slice(9);
    else if (needCommand && !v.startsWith('-')) {
      a.command = argv.slice(i);
      break;
    } else throw new ExecUsageError(`unknown option ${v}`);
  }
  if (!a.data) throw new ExecUsageError('--data needs a folder');
  if (needCommand && a.command.length === 0) throw new ExecUsageError('which program? (nimbus exec -- node app.js)');
  return a;
}

/** The variables a program needs to reach the lab running on `data`. */
export function labEnvironment(data: string, region: string): Record<string, string> {
  let url: URL;
  try {
    url = new URL(readFileSync(join(data, 'console-url'), 'utf8').trim());
  } catch {
    throw new ExecUsageError(`no lab is running on ${data} (start one with ./bin/nimbus serve --data ${data})`);
  }
  const file = join(data, 'credentials');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const key = (name: string) => new RegExp(`^${name}\\s*=\\s*(\\S+)`, 'm').exec(text)?.[1];
  const accessKeyId = key('aws_access_key_id');
  const secretAccessKey = key('aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey) throw new ExecUsageError(`${file} holds no access key: is ${data} a lab's data folder?`);
  const preload = join(findResourcesDir(), 'exec', 'aws-sdk-v2-endpoint.cjs');
  const nodeOptions = [process.env.NODE_OPTIONS, existsSync(preload) ? `--require ${JSON.stringify(preload)}` : undefined].filter(Boolean).join(' ');
  return {
    AWS_ENDPOINT_URL: `${url.protocol}//${url.host}`,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_SHARED_CREDENTIALS_FILE: file,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    NODE_OPTIONS: nodeOptions,
  };
}

const shellQuote = (s: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function envCommand(argv: string[]): number {
  const a = parse(argv, false);
  for (const [k, v] of Object.entries(labEnvironment(a.data, a.region))) process.stdout.write(`export ${k}=${shellQuote(v)}\n`);
  return 0;
}

export async function execCommand(argv: string[]): Promise<number> {
  const a = parse(argv, true);
  const env: NodeJS.ProcessEnv = { ...process.env, ...labEnvironment(a.data, a.region) };
  // A session token or profile from the learner's own environment would override the lab's key.
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  return new Promise((resolve) => {
    const child = spawn(a.command[0]!, a.command.slice(1), { stdio: 'inherit', env });
    child.on('error', (err) => {
      process.stderr.write(`nimbus exec: ${a.command[0]}: ${err.message}\n`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
