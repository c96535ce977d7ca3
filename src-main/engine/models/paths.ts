/** Where the app's resources live: injected by the shell (Electron's resourcesPath), else found upwards. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function findResourcesDir(start?: string): string {
  if (process.env.NIMBUS_RESOURCES) return process.env.NIMBUS_RESOURCES;
  if (!start && cached) return cached;
  let dir = start ?? dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources', 'models');
    if (existsSync(candidate)) {
      const found = resolve(dir, 'resources');
      if (!start) cached = found;
      return found;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Nimbus Lab cannot find its resources/ folder (set NIMBUS_RESOURCES).');
    dir = parent;
  }
}
