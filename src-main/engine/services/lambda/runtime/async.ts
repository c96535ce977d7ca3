/**
 * Asynchronous invocations (Event): queued in memory, run off the caller's request, retried twice
 * on a function error, one and then two simulated minutes later, as Lambda's async queue does.
 * Throttled events wait and try again instead of failing.
 */
import { randomUUID } from 'node:crypto';
import { findFunction, resolveVersion } from '../state/functions';
import { concurrentExecutions, engineScope, recordThrottle, runInvocation, type Scope } from './invoker';

const RETRY_DELAYS_MS = [60_000, 120_000];

export function runAsync(scope: Scope, name: string, version: string, payload: Buffer, attempt = 0, requestId = randomUUID()): void {
  const engine = engineScope(scope.store);
  if (!engine) return;
  setImmediate(() => {
    void (async () => {
      const s = scope;
      const row = engine.store.db.open ? findFunction(s, name) : undefined;
      if (!row) return;
      let v;
      try {
        v = resolveVersion(s, name, version);
      } catch {
        return;
      }
      if (row.reserved !== null && concurrentExecutions(row.arn) >= row.reserved) {
        recordThrottle(scope, name);
        if (row.reserved > 0) engine.clock.at(engine.clock.now() + 1000, () => runAsync(scope, name, version, payload, attempt, requestId));
        return;
      }
      const out = await runInvocation(scope, v, payload, requestId).catch((e: unknown) => {
        console.error(`[nimbus] Lambda ${name}: asynchronous invocation failed to run:`, e instanceof Error ? e.message : e);
        return undefined;
      });
      const delay = RETRY_DELAYS_MS[attempt];
      if (out?.functionError && delay !== undefined) engine.clock.at(engine.clock.now() + delay, () => runAsync(scope, name, version, payload, attempt + 1, requestId));
    })();
  });
}
