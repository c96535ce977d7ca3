/**
 * Files other tools find the running lab by (DESIGN: "Contracts other tools rely on"): the root
 * access key as an AWS shared-credentials file, and the console URL that `nimbus shell` reads.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../engine';

export function writeLabFiles(dataDir: string, engine: Engine, consoleUrl: string): void {
  const credentials = join(dataDir, 'credentials');
  if (!existsSync(credentials)) {
    const { rootAccessKeyId, rootSecretAccessKey } = engine.account;
    writeFileSync(
      credentials,
      `[default]\naws_access_key_id = ${rootAccessKeyId}\naws_secret_access_key = ${rootSecretAccessKey}\n`,
      { mode: 0o600 },
    );
  }
  writeFileSync(join(dataDir, 'console-url'), `${consoleUrl}\n`, { mode: 0o600 });
}
