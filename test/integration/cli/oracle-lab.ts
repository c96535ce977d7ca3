/**
 * Shared harness of the CLI oracle tests: one in-process engine on a manual clock behind the lab's HTTP
 * server; every command runs through Debian's real AWS CLI v2 (over --endpoint-url) and through
 * runAwsCli with an in-memory host, and stdout, stderr and the exit status must match once the parts
 * that differ by nature are masked (timestamps, request ids, and the ids, addresses and key material of
 * resources each run creates for itself, numbered by first appearance so the structure still counts).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createEngine, type Engine } from '../../../src-main/engine/index';
import { createClock } from '../../../src-main/engine/clock/clock';
import { createLabServer, type LabServer } from '../../../src-main/server/server';
import { runAwsCli } from '../../../src-main/engine/cli';
import { AWS_CLI } from '../../helpers/clients';
import { memoryHost, type MemoryHost } from '../../unit/cli/memory-host';

export interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

/** Our run, with the in-memory host it ran on (the files it wrote are in host.fs). */
export interface OursResult extends Result {
  host: MemoryHost;
}

export interface CompareOptions {
  /** Compare the lines as a set (output whose order depends on concurrency). */
  sort?: boolean;
  /**
   * Members of our (newer) service models that CLI 2.9.19's models do not know, so the real CLI drops
   * them from the answer: removed from our JSON output before comparing.
   */
  newer?: string[];
  env?: Record<string, string>;
  /** Extra files for our in-memory working folder (the real CLI reads them from the disk). */
  files?: Record<string, string>;
  /** While the real CLI runs, move simulated time by this much every 100 ms (its waiters sleep for real). */
  tick?: number;
}

export interface Oracle {
  readonly engine: Engine;
  readonly workDir: string;
  real(args: string[], env?: Record<string, string>): Promise<Result>;
  /** `more` seeds extra files into our in-memory working folder for this run. */
  ours(args: string[], env?: Record<string, string>, more?: Record<string, string>): Promise<OursResult>;
  /** Runs `build(suffix)` through both CLIs (real first, suffix `rNx`, then ours, `oNx`) and compares. */
  compare(build: (s: string) => string[], opts?: CompareOptions): Promise<{ real: Result; ours: OursResult }>;
  /** Moves simulated time forward (instances boot, stacks progress). */
  advance(ms: number): void;
}

/** Ids the lab mints per resource: each run creates its own, so they are numbered by first appearance. */
const MINTED = [
  /\b(?:i|r|sg|sgr|vol|snap|eni|eipalloc|eipassoc|key|attach|vpc|subnet|igw|rtb|rtbassoc|acl|aclassoc)-[0-9a-f]{8,17}\b/g,
  /\b(?:AGPA|AIDA|AROA|AIPA|ANPA|ASIA|AKIA)[A-Z0-9]{16}\b/g,
  /\bec2-\d+-\d+-\d+-\d+\.compute-1\.amazonaws\.com\b/g,
  /\bip-\d+-\d+-\d+-\d+\.ec2\.internal\b/g,
  /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g,
  /\b[0-9a-f]{2}(?::[0-9a-f]{2}){15,31}\b/g,
  /\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/g,
  /arn:aws:cloudformation:[a-z0-9-]+:\d{12}:(?:stack|changeSet)\/[^/\s"|]+\/[0-9a-f-]{36}/g,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g,
  /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g,
  /(?<=SUFFIX-[A-Za-z0-9]+-)[A-Za-z0-9]{12,13}\b/g,
  /\b[0-9a-f]{32}\b/g,
  // S3 version ids (32 URL-safe characters; "null" is not minted).
  /(?<="VersionId": ")[A-Za-z0-9._-]{32}(?=")/g,
  /(?<=^(?:VERSIONS|DELETEMARKERS)\t.*)[A-Za-z0-9._-]{32}$/gm,
  /(?<=\|\s+VersionId\s+\|\s+)[A-Za-z0-9._-]{32}(?=\s)/g,
];

export function mask(text: string, sortLines = false): string {
  let t = text
    .replace(/(?<![A-Za-z0-9])[ro]\d+x(?![A-Za-z0-9])/g, 'SUFFIX')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)/g, '<TS>')
    .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/g, '<TS>')
    .replace(/awscli-cloudformation-package-deploy-\d+/g, 'awscli-cloudformation-package-deploy-<N>');
  const seen = new Map<string, string>();
  MINTED.forEach((re, k) => {
    t = t.replace(re, (m) => {
      if (!seen.has(m)) seen.set(m, `<${k}.${seen.size}>`);
      return seen.get(m)!;
    });
  });
  // Progress lines: the rate is the machine's, and the padding that overwrites a line follows its width.
  t = t.replace(/\(\d+(?:\.\d+)? (?:Bytes|KiB|MiB|GiB|TiB)\/s\)/g, '(<RATE>)').replace(/ +(?=\n|\r|$)/g, '');
  // Sorted output comes from concurrent transfers, whose progress lines interleave at random.
  if (sortLines) t = t.replace(/Completed [^\r\n]*\r/g, '').split('\n').sort().join('\n');
  return t;
}

/** Removes `"Member": value` lines of indented JSON output (and the comma they leave dangling). */
export function dropMembers(json: string, members: string[]): string {
  let t = json;
  for (const m of members) t = t.replace(new RegExp(`\\n( *)"${m}": (?:\\{[^]*?\\n\\1\\}|\\[[^]*?\\n\\1\\]|[^\\n]*?),?(?=\\n)`, 'g'), '');
  t = t.replace(/,(\n\s*[}\]])/g, '$1');
  // What is left of an answer whose every member is newer: the real CLI prints nothing for {}.
  return members.length > 0 && /^\{\s*\}\s*$/.test(t) ? '' : t;
}

/** Registers the lab for the calling test file and returns its oracle. */
export function useOracle(files: Record<string, string> = {}): Oracle {
  let engine: Engine | undefined;
  let server: LabServer | undefined;
  let workDir = '';
  let n = 0;
  const clock = createClock({ warp: 0 });

  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    AWS_ACCESS_KEY_ID: engine!.account.rootAccessKeyId,
    AWS_SECRET_ACCESS_KEY: engine!.account.rootSecretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(workDir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-credentials'),
    ...extra,
  });

  const real = (args: string[], extraEnv: Record<string, string> = {}): Promise<Result> =>
    new Promise((ok) => {
      const child = spawn(AWS_CLI, ['--endpoint-url', server!.url, ...args], {
        cwd: workDir,
        env: { PATH: process.env.PATH ?? '', HOME: workDir, AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true', ...env(extraEnv) },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (status) => ok({ status: status ?? -1, stdout, stderr }));
    });

  const ours = async (args: string[], extraEnv: Record<string, string> = {}, more: Record<string, string> = {}): Promise<OursResult> => {
    const e = engine!;
    const host = memoryHost({ call: e.call, lookup: (id) => e.lookupAccessKey(id), env: env(extraEnv), now: () => e.clock.now(), cwd: workDir });
    host.home = workDir;
    await host.fs.mkdir(workDir);
    host.fs.seed(workDir, { ...files, ...more }, e.clock.now() - 60_000);
    // Our waiters sleep on the simulated clock, as the lab's terminals make them.
    host.sleep = async (ms) => clock.advance(ms);
    const status = await runAwsCli(args, host);
    return { status, stdout: host.out, stderr: host.err, host };
  };

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'nimbus-cli-oracle-'));
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(workDir, rel)), { recursive: true });
      writeFileSync(join(workDir, rel), text);
    }
    engine = createEngine({ clock });
    // The real CLI's files get the same age as our seeded ones, so sync sees them alike.
    const seeded = (clock.now() - 60_000) / 1000;
    for (const rel of Object.keys(files)) utimesSync(join(workDir, rel), seeded, seeded);
    server = await createLabServer({ engine, port: 0, noToken: true });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    engine?.close();
    clock.dispose();
    rmSync(workDir, { recursive: true, force: true });
  });

  return {
    get engine() {
      return engine!;
    },
    get workDir() {
      return workDir;
    },
    real,
    ours,
    advance: (ms) => clock.advance(ms),
    async compare(build, opts = {}) {
      n += 1;
      const a = `r${n}x`;
      const b = `o${n}x`;
      const ticker = opts.tick ? setInterval(() => clock.advance(opts.tick!), 100) : undefined;
      const r = await real(build(a), opts.env).finally(() => clearInterval(ticker));
      const o = await ours(build(b), opts.env, opts.files);
      // ORACLE_LOG=1 shows what the real CLI printed, to review what the comparisons cover.
      if (process.env.ORACLE_LOG) console.log(`$ aws ${build(a).join(' ')}\n[${r.status}] ${r.stdout}${r.stderr}`);
      const view = (x: Result, stdout = x.stdout) => ({ status: x.status, stdout: mask(stdout, !!opts.sort), stderr: mask(x.stderr, !!opts.sort) });
      expect(view(o, dropMembers(o.stdout, opts.newer ?? []))).toEqual(view(r));
      return { real: r, ours: o };
    },
  };
}

export const FORMATS = ['json', 'text', 'table', 'yaml'];

export type Lane = 'r' | 'o';

/**
 * What each CLI created for itself: the real CLI's commands run with suffix `rNx` (lane `r`), ours with
 * `oNx` (lane `o`), so a later command finds its own lane's names and ids.
 */
export function createLanes() {
  const ids: Record<Lane, Record<string, string>> = { r: {}, o: {} };
  const lane = (s: string): Lane => (s.startsWith('r') ? 'r' : 'o');
  return {
    ids,
    lane,
    /** Remembers `value` under `key` for the lane of suffix `s`, and returns it. */
    set: (s: string, key: string, value: string): string => (ids[lane(s)][key] = value),
    /** What the lane of suffix `s` remembered under `key`. */
    get: (s: string, key: string): string => {
      const v = ids[lane(s)][key];
      if (v === undefined) throw new Error(`nothing kept as ${key} for lane ${lane(s)}`);
      return v;
    },
    /** Keeps what each CLI printed (trimmed, or picked by `pick`) under `key`. */
    keep: (key: string, res: { real: Result; ours: Result }, pick: (stdout: string) => string = (t) => t.trim()): void => {
      ids.r[key] = pick(res.real.stdout);
      ids.o[key] = pick(res.ours.stdout);
    },
  };
}
