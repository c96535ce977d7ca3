/**
 * Advisory locks (flock(2)) as one table for every guest of the lab: a lock on a file of a shared
 * filesystem (EFS) is keyed by that filesystem's identity and inode, so two instances contend for
 * the same lock, as NFSv4 clients do through the server. Local files are keyed by machine.
 */
type Mode = 'shared' | 'exclusive';

interface Lock {
  mode: Mode;
  holders: number;
  waiters: (() => void)[];
}

const table = new Map<string, Lock>();

export function tryLock(key: string, mode: Mode): boolean {
  const l = table.get(key);
  if (!l) {
    table.set(key, { mode, holders: 1, waiters: [] });
    return true;
  }
  if (l.holders === 0) {
    l.mode = mode;
    l.holders = 1;
    return true;
  }
  if (l.mode === 'shared' && mode === 'shared') {
    l.holders++;
    return true;
  }
  return false;
}

/** Resolves once the lock is held, or false when `signal` aborts first (a -w timeout, Ctrl-C). */
export async function lock(key: string, mode: Mode, signal?: AbortSignal): Promise<boolean> {
  while (!tryLock(key, mode)) {
    if (signal?.aborted) return false;
    const l = table.get(key)!;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        signal?.removeEventListener('abort', done);
        resolve();
      };
      l.waiters.push(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
  return true;
}

export function unlock(key: string): void {
  const l = table.get(key);
  if (!l || l.holders === 0) return;
  l.holders--;
  if (l.holders > 0) return;
  const waiters = l.waiters.splice(0);
  if (waiters.length === 0) table.delete(key);
  for (const w of waiters) w();
}
