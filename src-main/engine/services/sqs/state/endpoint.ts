/**
 * The lab's own endpoint, for queue URLs minted without a request Host (CloudFormation, the console,
 * the CLI in terminals): SDKs (aws-sdk v2 always, v3 with AWS_ENDPOINT_URL) send to the QueueUrl's
 * host, so it must be one the learner's computer reaches. `nimbus serve` writes its address to
 * DIR/console-url on every start; without one (in-memory labs) the default endpoint is assumed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../../store/store';

const DEFAULT = 'http://127.0.0.1:4566';
const dataDirs = new WeakMap<Store, string>();
let cached: { dir: string; at: number; origin: string } | undefined;

export function rememberDataDir(store: Store, dataDir: string | undefined): void {
  if (dataDir) dataDirs.set(store, dataDir);
}

export function labEndpoint(store: Store): string {
  const dir = dataDirs.get(store);
  if (!dir) return DEFAULT;
  // Re-read now and then: a restart on another port rewrites the file.
  if (cached && cached.dir === dir && Date.now() - cached.at < 5_000) return cached.origin;
  let origin = DEFAULT;
  try {
    origin = new URL(readFileSync(join(dir, 'console-url'), 'utf8').trim()).origin;
  } catch {
    // Not written yet (the engine starts before the server listens): the default it will most likely use.
  }
  cached = { dir, at: Date.now(), origin };
  return origin;
}
