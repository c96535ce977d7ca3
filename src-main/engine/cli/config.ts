/**
 * ~/.aws/config and ~/.aws/credentials (INI), profiles and the CLI's resolution order for credentials,
 * region and output, read through the host's filesystem and environment.
 */
import type { AwsCliHost } from './host';
import { ConfigurationError, GeneralError, noCredentials, noRegion, profileNotFound } from './errors';

export type IniFile = Map<string, Map<string, string>>;

/** configparser-like: `[section]`, `key = value` (or `:`), `#`/`;` comments, indented sub-keys kept raw. */
export function parseIni(text: string): IniFile {
  const out: IniFile = new Map();
  let current: Map<string, string> | undefined;
  let lastKey: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') continue;
    const section = /^\s*\[([^\]]+)\]/.exec(raw);
    if (section) {
      const name = section[1]!.trim();
      current = out.get(name) ?? new Map();
      out.set(name, current);
      lastKey = undefined;
      continue;
    }
    if (!current) continue;
    if (/^\s/.test(raw) && lastKey !== undefined) {
      current.set(lastKey, `${current.get(lastKey) ?? ''}\n${raw.trim()}`);
      continue;
    }
    const m = /^([^:=]+?)\s*[:=]\s*(.*)$/.exec(raw);
    if (m) {
      lastKey = m[1]!.trim();
      current.set(lastKey, m[2]!.trim());
    }
  }
  return out;
}

export interface CliConfig {
  /** The profile in use and whether it was named explicitly (--profile or AWS_PROFILE). */
  profile: string;
  profileSource: 'manual' | 'env' | 'default';
  configFile: string;
  credentialsFile: string;
  /** Config file profile values merged with the credentials file's, like botocore's scoped config. */
  scoped: Map<string, string>;
  profiles: Set<string>;
  configProfiles: Map<string, Map<string, string>>;
}

export const expandHome = (host: AwsCliHost, p: string): string => (p === '~' || p.startsWith('~/') ? host.home + p.slice(1) : p);

async function readIni(host: AwsCliHost, path: string): Promise<IniFile> {
  try {
    const st = await host.fs.stat(path);
    if (!st?.isFile) return new Map();
    return parseIni(Buffer.from(await host.fs.readFile(path)).toString('utf8'));
  } catch {
    return new Map();
  }
}

export async function loadConfig(host: AwsCliHost, profileArg: string | undefined): Promise<CliConfig> {
  const env = host.env;
  const configFile = expandHome(host, env.AWS_CONFIG_FILE || '~/.aws/config');
  const credentialsFile = expandHome(host, env.AWS_SHARED_CREDENTIALS_FILE || '~/.aws/credentials');
  const [config, creds] = await Promise.all([readIni(host, configFile), readIni(host, credentialsFile)]);
  const configProfiles = new Map<string, Map<string, string>>();
  for (const [section, values] of config) {
    if (section === 'default') configProfiles.set('default', values);
    else if (section.startsWith('profile ')) configProfiles.set(section.slice(8).trim().replace(/^"(.*)"$/, '$1'), values);
  }
  const profiles = new Set<string>([...configProfiles.keys(), ...creds.keys()]);
  const envProfile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE;
  const profile = profileArg ?? envProfile ?? 'default';
  const profileSource = profileArg !== undefined ? 'manual' : envProfile ? 'env' : 'default';
  const scoped = new Map<string, string>([...(configProfiles.get(profile) ?? []), ...(creds.get(profile) ?? [])]);
  return { profile, profileSource, configFile, credentialsFile, scoped, profiles, configProfiles };
}

/** A named profile that exists nowhere: botocore's ProfileNotFound (a general error, exit 255). */
export function checkProfile(cfg: CliConfig): void {
  if (cfg.profileSource !== 'default' && !cfg.profiles.has(cfg.profile)) throw new GeneralError(profileNotFound(cfg.profile).message);
}

export interface ResolvedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  method: 'env' | 'shared-credentials-file' | 'config-file' | 'iam-role';
}

/** botocore's chain: env (unless --profile), shared credentials file, config file, instance role. */
export async function resolveCredentials(host: AwsCliHost, cfg: CliConfig): Promise<ResolvedCredentials> {
  const env = host.env;
  if (cfg.profileSource !== 'manual' && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN || undefined, method: 'env' };
  }
  const id = cfg.scoped.get('aws_access_key_id');
  const secret = cfg.scoped.get('aws_secret_access_key');
  if (id && secret) return { accessKeyId: id, secretAccessKey: secret, sessionToken: cfg.scoped.get('aws_session_token'), method: 'shared-credentials-file' };
  if (cfg.profileSource === 'default' || !cfg.profiles.has(cfg.profile)) {
    const role = await host.instanceCredentials?.();
    if (role) return { ...role, method: 'iam-role' };
  }
  throw noCredentials();
}

export function resolveRegion(host: AwsCliHost, cfg: CliConfig, regionArg: string | undefined): string {
  const region = regionArg ?? (host.env.AWS_REGION || host.env.AWS_DEFAULT_REGION || cfg.scoped.get('region'));
  if (!region) throw noRegion();
  if (!/^[a-z0-9-]+$/i.test(region)) throw new ConfigurationError(`Provided region_name '${region}' doesn't match a supported format.`);
  return region;
}

export function resolveOutput(host: AwsCliHost, cfg: CliConfig, outputArg: string | undefined): string {
  return outputArg ?? (host.env.AWS_DEFAULT_OUTPUT || cfg.scoped.get('output') || 'json');
}
