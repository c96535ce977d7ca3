/** Where `nimbus serve` keeps the lab, and the two files other tools read from it. */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** $NIMBUS_DATA, else the OS's app-data folder. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.NIMBUS_DATA) return env.NIMBUS_DATA;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Nimbus Lab');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Nimbus Lab');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'nimbus-lab');
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Writes a secret file owner-only; leaves it untouched (mtime included) when the content is the same. */
function writePrivate(file: string, content: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  writeFileSync(file, content, { mode: 0o600 });
  // mode only applies on creation; an older file may have looser permissions.
  chmodSync(file, 0o600);
}

/** AWS shared-credentials file with the lab account's root key as [default]. */
export function writeCredentials(dataDir: string, accessKeyId: string, secretAccessKey: string): string {
  const file = join(dataDir, 'credentials');
  writePrivate(file, `[default]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`);
  return file;
}

export function writeConsoleUrl(dataDir: string, url: string): string {
  const file = join(dataDir, 'console-url');
  writePrivate(file, `${url}\n`);
  return file;
}
