/**
 * `aws configure` (the four prompts with bracketed current values), `configure set|get|list|list-profiles`,
 * writing the INI files the way the CLI's ConfigFileWriter does (existing lines updated in place,
 * new keys appended to their section, new sections appended).
 */
import type { AwsCliHost } from './host';
import type { Session } from './session';
import { parseKnownArgs } from './argparse';
import { ArgParseError, UnknownArgumentsError } from './errors';
import { invalidChoiceMessage } from './argparse';
import { resolveCredentials } from './config';
import { fill, manPage } from './help';
import { posix } from 'node:path';

const mask = (v: string | undefined): string => (v === undefined ? 'None' : `${'*'.repeat(16)}${v.slice(-4)}`);

const sectionFor = (profile: string): string => (profile === 'default' ? 'default' : `profile ${/[ \t]/.test(profile) ? `'${profile}'` : profile}`);

async function readText(host: AwsCliHost, path: string): Promise<string | undefined> {
  const st = await host.fs.stat(path).catch(() => undefined);
  if (!st?.isFile) return undefined;
  return Buffer.from(await host.fs.readFile(path)).toString('utf8');
}

/** ConfigFileWriter.update_config. */
export async function updateConfigFile(host: AwsCliHost, path: string, section: string, values: [string, string][]): Promise<void> {
  const text = await readText(host, path);
  const newLines = (vals: [string, string][]): string => vals.map(([k, v]) => `${k} = ${v}\n`).join('');
  if (text === undefined) {
    await host.fs.mkdir(posix.dirname(path), { recursive: true });
    await host.fs.writeFile(path, Buffer.from(`[${section}]\n${newLines(values)}`));
    return;
  }
  const lines = text.split(/(?<=\n)/);
  const start = lines.findIndex((l) => !/^\s*[#;]/.test(l) && new RegExp(`^\\s*\\[${section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]`).test(l));
  if (start < 0) {
    const sep = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
    await host.fs.writeFile(path, Buffer.from(`${text}${sep}[${section}]\n${newLines(values)}`));
    return;
  }
  const pending = new Map(values);
  let last = start;
  let j = start + 1;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    if (/^\s*\[[^\]]+\]/.test(line)) break;
    const m = /^([^:=][^:=]*?)\s*[:=]\s*(.*)$/.exec(line.replace(/\n$/, ''));
    if (m) {
      last = j;
      const key = m[1]!.trim();
      if (pending.has(key)) {
        lines[j] = `${key} = ${pending.get(key)}\n`;
        pending.delete(key);
      }
    }
  }
  if (pending.size > 0) {
    if (!lines[lines.length - 1]!.endsWith('\n')) lines.push('\n');
    lines.splice(last + 1, 0, newLines([...pending]));
  }
  await host.fs.writeFile(path, Buffer.from(lines.join('')));
}

const PROMPTS: [string, string][] = [
  ['aws_access_key_id', 'AWS Access Key ID'],
  ['aws_secret_access_key', 'AWS Secret Access Key'],
  ['region', 'Default region name'],
  ['output', 'Default output format'],
];

const SUBCOMMANDS = ['list', 'get', 'set', 'add-model', 'import', 'list-profiles', 'sso', 'sso-session', 'export-credentials'];

export async function runConfigure(session: Session, args: string[]): Promise<number> {
  const host = session.host;
  const cfg = session.config;
  const profile = cfg.profile;
  const explicit = session.globals.profile !== undefined || cfg.profileSource === 'env';
  const sub = args[0];
  if (sub === undefined) {
    const fresh: [string, string][] = [];
    for (const [key, prompt] of PROMPTS) {
      const current = cfg.scoped.get(key);
      const shown = key.startsWith('aws_') ? mask(current) : (current ?? 'None');
      const answer = await host.stdin?.readLine(`${prompt} [${shown}]: `, { secret: false });
      if (answer && answer !== current) fresh.push([key, answer]);
    }
    const creds = fresh.filter(([k]) => k.startsWith('aws_'));
    const conf = fresh.filter(([k]) => !k.startsWith('aws_'));
    if (creds.length > 0) await updateConfigFile(host, cfg.credentialsFile, explicit ? profile : 'default', creds);
    if (fresh.length > 0) await updateConfigFile(host, cfg.configFile, explicit ? sectionFor(profile) : 'default', conf);
    return 0;
  }
  if (sub === 'help') {
    host.stdout(
      manPage('configure', [
        ['NAME', '       configure -'],
        ['DESCRIPTION', fill('Configures credentials, the default region and the output format (prompts for each, showing the current value in brackets).')],
        ['SYNOPSIS', '            aws configure [--profile profile-name]'],
      ]),
    );
    return 0;
  }
  if (!SUBCOMMANDS.includes(sub)) {
    if (sub.startsWith('-')) throw new UnknownArgumentsError(args);
    throw new ArgParseError(`argument subcommand: ${invalidChoiceMessage(sub, SUBCOMMANDS)}`);
  }
  const rest = args.slice(1);
  if (sub === 'set') {
    const { values, extras } = parseKnownArgs(rest, { options: [], positionals: [{ dest: 'varname', nargs: 1 }, { dest: 'value', nargs: 1 }] });
    if (extras.length > 0) throw new UnknownArgumentsError(extras);
    let varname = String(values.get('varname'));
    const value = String(values.get('value'));
    let target = explicit ? profile : 'default';
    if (varname.includes('.')) {
      const parts = varname.split('.');
      if (parts[0] === 'default') [target, varname] = ['default', parts[1]!];
      else if (parts[0] === 'profile') [target, varname] = [parts[1]!, parts[2]!];
      else varname = parts[0]!;
    }
    if (['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'].includes(varname)) await updateConfigFile(host, cfg.credentialsFile, target, [[varname, value]]);
    else await updateConfigFile(host, cfg.configFile, sectionFor(target), [[varname, value]]);
    return 0;
  }
  if (sub === 'get') {
    const { values, extras } = parseKnownArgs(rest, { options: [], positionals: [{ dest: 'varname', nargs: 1 }] });
    if (extras.length > 0) throw new UnknownArgumentsError(extras);
    let varname = String(values.get('varname'));
    let scoped = cfg.scoped;
    if (varname.includes('.')) {
      const parts = varname.split('.');
      const other = parts[0] === 'profile' ? parts[1]! : parts[0]!;
      if (parts[0] === 'profile' || parts[0] === 'default' || cfg.profiles.has(parts[0]!)) {
        scoped = new Map(cfg.configProfiles.get(other) ?? []);
        varname = parts[parts[0] === 'profile' ? 2 : 1]!;
      }
    }
    const v = scoped.get(varname);
    if (v === undefined) return 1;
    host.stdout(`${v}\n`);
    return 0;
  }
  if (sub === 'list-profiles') {
    host.stdout([...cfg.profiles].map((p) => `${p}\n`).join(''));
    return 0;
  }
  if (sub === 'list') {
    const row = (name: string, value: string, type: string, location: string): string => `${name.padStart(10)} ${value.padStart(24)} ${type.padStart(16)}    ${location}\n`;
    let out = row('Name', 'Value', 'Type', 'Location') + row('----', '-----', '----', '--------');
    if (session.globals.profile !== undefined) out += row('profile', profile, 'manual', '--profile');
    else if (cfg.profileSource === 'env') out += row('profile', profile, 'env', ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE'].find((k) => host.env[k]) ?? 'AWS_PROFILE');
    else out += row('profile', '<not set>', 'None', 'None');
    let creds: { id: string; secret: string; type: string; loc: string } | undefined;
    if (host.env.AWS_ACCESS_KEY_ID && session.globals.profile === undefined) creds = { id: host.env.AWS_ACCESS_KEY_ID, secret: host.env.AWS_SECRET_ACCESS_KEY ?? '', type: 'env', loc: '' };
    else if (cfg.scoped.get('aws_access_key_id')) creds = { id: cfg.scoped.get('aws_access_key_id')!, secret: cfg.scoped.get('aws_secret_access_key') ?? '', type: 'shared-credentials-file', loc: '' };
    else {
      const r = await resolveCredentials(host, cfg).catch(() => undefined);
      if (r) creds = { id: r.accessKeyId, secret: r.secretAccessKey, type: r.method, loc: '' };
    }
    out += creds ? row('access_key', mask(creds.id), creds.type, creds.loc) + row('secret_key', mask(creds.secret), creds.type, creds.loc) : row('access_key', '<not set>', 'None', 'None') + row('secret_key', '<not set>', 'None', 'None');
    const envRegion = host.env.AWS_REGION ? 'AWS_REGION' : host.env.AWS_DEFAULT_REGION ? 'AWS_DEFAULT_REGION' : undefined;
    if (envRegion) out += row('region', host.env[envRegion]!, 'env', envRegion);
    else if (cfg.scoped.get('region')) out += row('region', cfg.scoped.get('region')!, 'config-file', cfg.configFile);
    else out += row('region', '<not set>', 'None', 'None');
    host.stdout(out);
    return 0;
  }
  host.stderr(`\naws configure ${sub} is not available in Nimbus Lab.\n`);
  return 255;
}
