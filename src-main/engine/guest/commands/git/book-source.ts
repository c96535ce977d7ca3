/**
 * The book's repository as the composition root hands it to guests (GuestHost.bookCode): the
 * folder `./bin/nimbus import-book-code` filled (DATA/book-code), read lazily and cached until the
 * folder changes. GitHub's zip puts everything under code2-master/; that level is dropped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BookCodeSource } from './git';

const MARKER = 'chapter04/virtualmachine.yaml';

export function bookCodeFromDir(dir: string): BookCodeSource {
  let cache: { stamp: number; files: Map<string, Uint8Array> } | undefined;
  return {
    files() {
      if (!existsSync(dir)) return undefined;
      const stamp = statSync(dir).mtimeMs;
      if (cache?.stamp === stamp) return cache.files;
      let root = dir;
      if (!existsSync(join(dir, MARKER))) {
        const nested = readdirSync(dir).find((d) => existsSync(join(dir, d, MARKER)));
        if (nested) root = join(dir, nested);
      }
      const files = new Map<string, Uint8Array>();
      const walk = (abs: string, rel: string): void => {
        for (const name of readdirSync(abs)) {
          if (name === '.git') continue;
          const p = join(abs, name);
          const st = statSync(p);
          if (st.isDirectory()) walk(p, `${rel}${name}/`);
          else if (st.isFile()) files.set(`${rel}${name}`, readFileSync(p));
        }
      };
      walk(root, '');
      cache = { stamp, files };
      return files;
    },
  };
}
