/**
 * The CloudFormation helper scripts inside guests (/opt/aws/bin/cfn-init, cfn-signal,
 * cfn-get-metadata, cfn-hup), as pure functions over a small host: the guest layer registers them
 * as commands and supplies the host (its shell, files and an API client acting for the instance).
 * They follow the real scripts' options, order of work, log files and exit codes.
 */

import { get, isResult, parseOrAnswer, SPECS, usageError, type Options, type ToolResult } from './guest-tools-options';

export type { ToolResult } from './guest-tools-options';

export interface CfnToolHost {
  /** Runs a shell command line as root in the guest. */
  run(command: string, opts?: { cwd?: string; env?: Record<string, string> }): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  readFile(path: string): Promise<string | undefined>;
  /** Creates parent folders as needed. */
  writeFile(path: string, data: string | Buffer): Promise<void>;
  /**
   * A CloudFormation API call on behalf of the instance (DescribeStackResource, SignalResource):
   * with the credentials given on the command line, else as a member of the stack (no credentials).
   */
  cloudformation(operation: string, input: Record<string, unknown>, region: string, auth?: CfnAuth): Promise<Record<string, unknown>>;
  /** PUT of a signal document to a wait-condition handle URL; the HTTP status. Throws (message) when the connection fails. */
  putUrl(url: string, body: string): Promise<number>;
  /** The instance's id (cfn-signal's default unique id). */
  instanceId(): Promise<string>;
  defaultRegion: string;
}

/** Credentials given to a helper (--access-key/--secret-key, --role, -f credential file). */
export interface CfnAuth {
  accessKey?: string;
  secretKey?: string;
  role?: string;
  credentialFile?: string;
}



function authOf(o: Options): CfnAuth | undefined {
  const auth: CfnAuth = {};
  const a = get(o, 'access-key');
  const s = get(o, 'secret-key');
  const r = get(o, 'role');
  const f = get(o, 'credential-file');
  if (a !== undefined) auth.accessKey = a;
  if (s !== undefined) auth.secretKey = s;
  if (r !== undefined) auth.role = r;
  if (f !== undefined) auth.credentialFile = f;
  return Object.keys(auth).length ? auth : undefined;
}


const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function apiMessage(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err.code ? `${err.code}: ${err.message}` : String((e as Error)?.message ?? e);
}

// cfn-get-metadata / metadata lookup

async function metadataOf(host: CfnToolHost, stack: string, resource: string, region: string, auth?: CfnAuth): Promise<Record<string, unknown>> {
  const out = await host.cloudformation('DescribeStackResource', { StackName: stack, LogicalResourceId: resource }, region, auth);
  const detail = out.StackResourceDetail as { Metadata?: string } | undefined;
  return detail?.Metadata ? (JSON.parse(detail.Metadata) as Record<string, unknown>) : {};
}

export async function cfnGetMetadata(args: string[], host: CfnToolHost): Promise<ToolResult> {
  const p = parseOrAnswer(args, SPECS.getMetadata);
  if (isResult(p)) return p;
  const stack = get(p.opts, 'stack');
  const resource = get(p.opts, 'resource');
  if (!stack || !resource) return { exitCode: 1, stdout: '', stderr: 'Error: You must specify both a stack name and logical resource id\n' };
  try {
    let md: unknown = await metadataOf(host, stack, resource, get(p.opts, 'region') ?? host.defaultRegion, authOf(p.opts));
    const key = get(p.opts, 'key');
    if (key) for (const part of key.split('.')) md = (md as Record<string, unknown> | undefined)?.[part];
    return { exitCode: 0, stdout: `${JSON.stringify(md ?? null, null, 4)}\n`, stderr: '' };
  } catch (e) {
    return { exitCode: 1, stdout: '', stderr: `${apiMessage(e)}\n` };
  }
}

// cfn-init

interface InitConfig {
  packages?: Record<string, Record<string, unknown>>;
  groups?: Record<string, { gid?: string }>;
  users?: Record<string, { groups?: string[]; uid?: string; homeDir?: string }>;
  sources?: Record<string, string>;
  files?: Record<string, { content?: unknown; source?: string; encoding?: string; mode?: string; owner?: string; group?: string }>;
  commands?: Record<string, { command: string | string[]; env?: Record<string, string>; cwd?: string; test?: string; ignoreErrors?: boolean | string }>;
  services?: Record<string, Record<string, { enabled?: boolean | string; ensureRunning?: boolean | string }>>;
}

const truthy = (v: unknown) => v === true || v === 'true';

/** configSets: names of configs, or {ConfigSet: other} to include another set. */
function expandConfigSet(init: Record<string, unknown>, set: string, seen = new Set<string>()): string[] {
  const sets = (init.configSets ?? {}) as Record<string, unknown>;
  if (!(set in sets)) {
    if (set === 'default' && !init.configSets) return ['config'];
    throw new Error(`Error: configSet ${set} does not exist`);
  }
  if (seen.has(set)) throw new Error(`Error: configSet ${set} includes itself`);
  seen.add(set);
  const items = sets[set];
  const out: string[] = [];
  for (const item of Array.isArray(items) ? items : [items]) {
    if (typeof item === 'string') out.push(item);
    else if (item && typeof item === 'object' && 'ConfigSet' in item) out.push(...expandConfigSet(init, String((item as { ConfigSet: string }).ConfigSet), seen));
  }
  return out;
}

class InitFailure extends Error {}

async function mustRun(host: CfnToolHost, log: string[], cmd: string, what: string): Promise<string> {
  const r = await host.run(cmd);
  log.push(`${what}: ${cmd}`, ...(r.stdout ? [r.stdout.trimEnd()] : []), ...(r.stderr ? [r.stderr.trimEnd()] : []));
  if (r.exitCode !== 0) throw new InitFailure(`${what} failed (exit ${r.exitCode}): ${r.stderr.trim() || r.stdout.trim()}`);
  return r.stdout;
}

async function applyConfig(host: CfnToolHost, name: string, c: InitConfig, log: string[]): Promise<void> {
  log.push(`Running config ${name}`);
  for (const [manager, pkgs] of Object.entries(c.packages ?? {})) {
    const names = Object.entries(pkgs).map(([p, v]) => (Array.isArray(v) && v.length && manager !== 'rpm' ? `${p}-${String(v[0])}` : p));
    if (!names.length) continue;
    if (manager === 'yum') await mustRun(host, log, `yum install -y ${names.map(quote).join(' ')}`, 'Installing packages');
    else if (manager === 'apt') await mustRun(host, log, `apt-get install -y ${names.map(quote).join(' ')}`, 'Installing packages');
    else if (manager === 'rpm') for (const [, src] of Object.entries(pkgs)) await mustRun(host, log, `rpm -i ${quote(String(src))}`, 'Installing rpm');
    else log.push(`Package manager ${manager} is not supported in the lab; skipped ${names.join(', ')}`);
  }
  for (const [g, spec] of Object.entries(c.groups ?? {})) {
    await host.run(`getent group ${quote(g)} >/dev/null 2>&1 || groupadd ${spec?.gid ? `-g ${quote(String(spec.gid))} ` : ''}${quote(g)}`);
    log.push(`Created group ${g}`);
  }
  for (const [u, spec] of Object.entries(c.users ?? {})) {
    const groups = spec?.groups?.length ? `-G ${quote(spec.groups.join(','))} ` : '';
    await host.run(`id ${quote(u)} >/dev/null 2>&1 || useradd -M -s /sbin/nologin ${groups}${spec?.uid ? `-u ${quote(String(spec.uid))} ` : ''}${spec?.homeDir ? `-d ${quote(spec.homeDir)} ` : ''}${quote(u)}`);
    log.push(`Created user ${u}`);
  }
  for (const [dir, url] of Object.entries(c.sources ?? {})) {
    const archive = `/tmp/cfn-source-${Math.abs(hash(dir))}`;
    await mustRun(host, log, `mkdir -p ${quote(dir)} && wget -q -O ${archive} ${quote(url)}`, `Downloading source for ${dir}`);
    const unpack = /\.zip($|\?)/.test(url) ? `unzip -o -q ${archive} -d ${quote(dir)}` : `tar -xf ${archive} -C ${quote(dir)}`;
    await mustRun(host, log, unpack, `Unpacking source into ${dir}`);
  }
  for (const [path, f] of Object.entries(c.files ?? {})) {
    if (f.source !== undefined) await mustRun(host, log, `mkdir -p $(dirname ${quote(path)}) && wget -q -O ${quote(path)} ${quote(f.source)}`, `Downloading ${path}`);
    else {
      let content = typeof f.content === 'string' ? f.content : JSON.stringify(f.content ?? '', null, 2);
      if (f.encoding === 'base64') content = Buffer.from(content, 'base64').toString('utf8');
      await host.writeFile(path, content);
    }
    if (f.mode) await mustRun(host, log, `chmod ${String(f.mode).slice(-4)} ${quote(path)}`, `Setting mode of ${path}`);
    if (f.owner || f.group) await mustRun(host, log, `chown ${f.owner ?? ''}${f.group ? `:${f.group}` : ''} ${quote(path)}`, `Setting owner of ${path}`);
    log.push(`Wrote file ${path}`);
  }
  for (const key of Object.keys(c.commands ?? {}).sort()) {
    const cmd = c.commands![key]!;
    const line = Array.isArray(cmd.command) ? cmd.command.map(quote).join(' ') : cmd.command;
    if (cmd.test) {
      const t = await host.run(cmd.test, { cwd: cmd.cwd, env: cmd.env });
      if (t.exitCode !== 0) {
        log.push(`Test for command ${key} did not pass; skipped`);
        continue;
      }
    }
    const r = await host.run(line, { cwd: cmd.cwd, env: cmd.env });
    log.push(`Command ${key}: ${line}`, ...(r.stdout ? [r.stdout.trimEnd()] : []), ...(r.stderr ? [r.stderr.trimEnd()] : []));
    if (r.exitCode !== 0 && !truthy(cmd.ignoreErrors)) throw new InitFailure(`Command ${key} failed`);
    log.push(r.exitCode === 0 ? `Command ${key} succeeded` : `Command ${key} failed; errors ignored`);
  }
  for (const [manager, services] of Object.entries(c.services ?? {})) {
    for (const [svc, spec] of Object.entries(services)) {
      const systemd = manager === 'systemd';
      if (spec.enabled !== undefined) {
        const on = truthy(spec.enabled);
        await host.run(systemd ? `systemctl ${on ? 'enable' : 'disable'} ${quote(svc)}` : `chkconfig ${quote(svc)} ${on ? 'on' : 'off'} || systemctl ${on ? 'enable' : 'disable'} ${quote(svc)}`);
        log.push(`${on ? 'Enabled' : 'Disabled'} service ${svc}`);
      }
      if (spec.ensureRunning !== undefined) {
        const up = truthy(spec.ensureRunning);
        await mustRun(host, log, systemd ? `systemctl ${up ? 'start' : 'stop'} ${quote(svc)}` : `service ${quote(svc)} ${up ? 'start' : 'stop'}`, `${up ? 'Starting' : 'Stopping'} service ${svc}`);
      }
    }
  }
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

export const CFN_INIT_LOG = '/var/log/cfn-init.log';

export async function cfnInit(args: string[], host: CfnToolHost): Promise<ToolResult> {
  const p = parseOrAnswer(args, SPECS.init);
  if (isResult(p)) return p;
  const stack = get(p.opts, 'stack');
  const resource = get(p.opts, 'resource');
  if (!stack || !resource) return { exitCode: 1, stdout: '', stderr: 'Error: You must specify both a stack name and logical resource id\n' };
  const region = get(p.opts, 'region') ?? host.defaultRegion;
  const verbose = p.opts.has('verbose');
  const log: string[] = [`cfn-init invoked with arguments ${JSON.stringify(args)}`];
  const finish = async (code: number, error?: string): Promise<ToolResult> => {
    if (error) log.push(error);
    const previous = (await host.readFile(CFN_INIT_LOG)) ?? '';
    try {
      await host.writeFile(CFN_INIT_LOG, previous + log.map((l) => `${l}\n`).join(''));
    } catch (e) {
      // Not root: the log cannot be written, which is what the learner sees first.
      return { exitCode: 1, stdout: '', stderr: `${(e as Error).message}\n` };
    }
    return { exitCode: code, stdout: verbose ? log.map((l) => `${l}\n`).join('') : '', stderr: error ? `${error}\n` : '' };
  };
  let init: Record<string, unknown>;
  try {
    const md = await metadataOf(host, stack, resource, region, authOf(p.opts));
    init = (md['AWS::CloudFormation::Init'] ?? {}) as Record<string, unknown>;
  } catch (e) {
    return finish(1, apiMessage(e));
  }
  if (!Object.keys(init).length) return finish(1, `Error: No metadata found for resource ${resource} (AWS::CloudFormation::Init)`);
  try {
    const sets = (get(p.opts, 'configsets') ?? 'default').split(',');
    const configs = sets.flatMap((s) => expandConfigSet(init, s.trim()));
    for (const name of configs) {
      const c = init[name];
      if (!c || typeof c !== 'object') throw new InitFailure(`Error: Config ${name} not found in AWS::CloudFormation::Init`);
      await applyConfig(host, name, c as InitConfig, log);
    }
  } catch (e) {
    return finish(1, (e as Error).message);
  }
  log.push('cfn-init completed successfully');
  return finish(0);
}

// cfn-signal

export async function cfnSignal(args: string[], host: CfnToolHost): Promise<ToolResult> {
  const p = parseOrAnswer(args, SPECS.signal);
  if (isResult(p)) return p;
  const exit = get(p.opts, 'exit-code');
  const success = get(p.opts, 'success');
  const ok = exit !== undefined ? exit.trim() === '0' : success === undefined || success === 'true';
  const status = ok ? 'SUCCESS' : 'FAILURE';
  const uniqueId = get(p.opts, 'id') ?? (await host.instanceId());
  const url = p.rest[0];
  if (url) {
    const body = JSON.stringify({
      Status: status,
      Reason: get(p.opts, 'reason') ?? (ok ? 'Configuration Complete' : 'Configuration Failed'),
      UniqueId: uniqueId,
      Data: get(p.opts, 'data') ?? (ok ? 'Application has completed configuration.' : 'Application has failed configuration.'),
    });
    let code: number;
    try {
      code = await host.putUrl(url, body);
    } catch (e) {
      return { exitCode: 1, stdout: '', stderr: `Error: ${(e as Error).message}\n` };
    }
    if (code >= 200 && code < 300) return { exitCode: 0, stdout: '', stderr: '' };
    return { exitCode: 1, stdout: '', stderr: `Error: ${code} Client Error: the signal was refused by ${url.split('?')[0]}\n` };
  }
  const stack = get(p.opts, 'stack');
  const resource = get(p.opts, 'resource');
  if (!stack || !resource) {
    return { exitCode: 1, stdout: '', stderr: 'Error: You must specify either a WaitConditionHandle URL or both a stack name and a logical resource id\n' };
  }
  try {
    await host.cloudformation('SignalResource', { StackName: stack, LogicalResourceId: resource, UniqueId: uniqueId, Status: status }, get(p.opts, 'region') ?? host.defaultRegion, authOf(p.opts));
    return { exitCode: 0, stdout: '', stderr: '' };
  } catch (e) {
    return { exitCode: 1, stdout: '', stderr: `${apiMessage(e)}\n` };
  }
}

// cfn-hup

export const CFN_HUP_CONF = '/etc/cfn/cfn-hup.conf';
export const CFN_HUP_HOOKS = '/etc/cfn/hooks.d';
export const CFN_HUP_DB = '/var/lib/cfn-hup/data/metadata_db.json';

/** INI sections → key/value maps. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const s = /^\[(.+)\]$/.exec(line);
    if (s) {
      section = new Map();
      out.set(s[1]!.trim(), section);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0 && section) section.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return out;
}

export interface HupSettings {
  stack: string;
  region: string;
  /** Minutes between polls (default 15). */
  interval: number;
}

export async function readHupSettings(host: CfnToolHost, conf = CFN_HUP_CONF): Promise<HupSettings | undefined> {
  const text = await host.readFile(conf);
  const main = text ? parseIni(text).get('main') : undefined;
  if (!main?.get('stack')) return undefined;
  return { stack: main.get('stack')!, region: main.get('region') ?? host.defaultRegion, interval: Number(main.get('interval') ?? 15) || 15 };
}

/**
 * One cfn-hup pass: for each hook, read the metadata at its path; when it changed since the last
 * pass, run the hook's action. `hookFiles` are the contents of /etc/cfn/hooks.d/*.conf (plus
 * /etc/cfn/cfn-auto-reloader.conf style files the caller found). Returns the actions run.
 */
export async function cfnHupPoll(host: CfnToolHost, hookFiles: string[], conf = CFN_HUP_CONF): Promise<string[]> {
  const settings = await readHupSettings(host, conf);
  if (!settings) return [];
  const db = JSON.parse((await host.readFile(CFN_HUP_DB)) ?? '{}') as Record<string, string>;
  const ran: string[] = [];
  for (const file of hookFiles) {
    for (const [name, hook] of parseIni(file)) {
      const path = hook.get('path');
      const action = hook.get('action');
      const triggers = (hook.get('triggers') ?? 'post.update').split(',').map((t) => t.trim());
      if (!path || !action || !triggers.includes('post.update')) continue;
      const m = /^Resources\.([A-Za-z0-9]+)(?:\.Metadata(?:\.(.+))?)?$/.exec(path);
      if (!m) continue;
      let md: unknown;
      try {
        md = await metadataOf(host, settings.stack, m[1]!, settings.region);
      } catch {
        continue;
      }
      if (m[2]) {
        // Keys may contain dots (AWS::CloudFormation::Init has none, but be safe): match the longest key first.
        let rest = m[2];
        while (rest && md && typeof md === 'object') {
          const obj = md as Record<string, unknown>;
          const key = Object.keys(obj).filter((k) => rest === k || rest.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
          if (!key) {
            md = undefined;
            break;
          }
          md = obj[key];
          rest = rest.slice(key.length + 1);
        }
      }
      const now = JSON.stringify(md ?? null);
      const before = db[`${name}|${path}`];
      db[`${name}|${path}`] = now;
      if (before !== undefined && before !== now) {
        await host.run(hook.get('runas') && hook.get('runas') !== 'root' ? `su -s /bin/sh -c ${quote(action)} ${quote(hook.get('runas')!)}` : action);
        ran.push(action);
      }
    }
  }
  await host.writeFile(CFN_HUP_DB, JSON.stringify(db));
  return ran;
}

export const CFN_HUP_LOG = '/var/log/cfn-hup.log';

/**
 * The cfn-hup command. `--no-daemon` makes one pass over the hooks (the service runs that every
 * `interval` minutes); without it the daemon starts, which in the lab is the cfn-hup service.
 * `hookFiles(dir)` reads <config>/hooks.d/*.conf.
 */
export async function cfnHup(args: string[], host: CfnToolHost, hookFiles: (dir: string) => Promise<string[]>): Promise<ToolResult> {
  const p = parseOrAnswer(args, SPECS.hup);
  if (isResult(p)) return p;
  if (p.rest.length) return usageError(SPECS.hup, `unexpected argument: ${p.rest[0]}`);
  const dir = (get(p.opts, 'config') ?? '/etc/cfn').replace(/\/+$/, '');
  if (!p.opts.has('no-daemon')) {
    const r = await host.run('service cfn-hup start');
    return r.exitCode === 0 ? { exitCode: 0, stdout: '', stderr: '' } : { exitCode: r.exitCode, stdout: '', stderr: r.stderr || r.stdout };
  }
  const conf = `${dir}/cfn-hup.conf`;
  const text = await host.readFile(conf);
  const log = async (line: string): Promise<void> => {
    const previous = (await host.readFile(CFN_HUP_LOG)) ?? '';
    await host.writeFile(CFN_HUP_LOG, `${previous}${line}\n`);
  };
  if (text === undefined) {
    await log(`Error: ${conf} does not exist`);
    return { exitCode: 1, stdout: '', stderr: `Error: ${conf} does not exist\n` };
  }
  if (!parseIni(text).get('main')?.get('stack')) {
    await log(`Error: [main] in ${conf} must name a stack (stack=...)`);
    return { exitCode: 1, stdout: '', stderr: `Error: [main] in ${conf} must name a stack (stack=...)\n` };
  }
  const ran = await cfnHupPoll(host, await hookFiles(`${dir}/hooks.d`), conf);
  for (const action of ran) await log(`Action for hook ran: ${action}`);
  const verbose = p.opts.has('verbose');
  return { exitCode: 0, stdout: verbose ? ran.map((a) => `Ran hook action: ${a}\n`).join('') : '', stderr: '' };
}
