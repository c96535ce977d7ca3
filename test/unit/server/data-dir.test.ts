import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDataDir, writeConsoleUrl, writeCredentials } from '../../../src-main/server/data-dir';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('defaultDataDir', () => {
  it('prefers $NIMBUS_DATA, else the OS app-data folder', () => {
    expect(defaultDataDir({ NIMBUS_DATA: '/x/lab' }, 'linux')).toBe('/x/lab');
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.local', 'share', 'nimbus-lab'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Nimbus Lab'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\me\\AppData\\Roaming', 'Nimbus Lab'),
    );
  });
});

describe('lab files', () => {
  it('writes the credentials file owner-only and rewrites it when the account changes', () => {
    dir = mkdtempSync(join(tmpdir(), 'nimbus-dd-'));
    const file = join(dir, 'credentials');
    writeFileSync(file, 'old', { mode: 0o644 });
    writeCredentials(dir, 'AKIAOLD', 'secret-old');
    writeCredentials(dir, 'AKIANEW', 'secret-new');
    expect(readFileSync(file, 'utf8')).toBe(
      '[default]\naws_access_key_id = AKIANEW\naws_secret_access_key = secret-new\n',
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeConsoleUrl(dir, 'http://127.0.0.1:4566/_lab/?token=t');
    expect(readFileSync(join(dir, 'console-url'), 'utf8')).toBe('http://127.0.0.1:4566/_lab/?token=t\n');
  });
});
