/**
 * Long polls waiting on a queue, woken when a message may have become receivable (a send, a
 * visibility change to 0, a move). In-process only: a wake-up is a hint, the waiter re-reads SQLite.
 */
const waiting = new Map<number, Set<() => void>>();

export function waitOn(queueId: number, wake: () => void): () => void {
  let set = waiting.get(queueId);
  if (!set) waiting.set(queueId, (set = new Set()));
  set.add(wake);
  return () => {
    set.delete(wake);
    if (set.size === 0 && waiting.get(queueId) === set) waiting.delete(queueId);
  };
}

/** Wakes every waiter on the queue; they run after the current transaction has committed. */
export function wakeAll(queueId: number): void {
  const set = waiting.get(queueId);
  if (!set) return;
  // Deferred to a microtask: a handler calls this inside its transaction, the re-read must see the commit.
  for (const wake of [...set]) queueMicrotask(wake);
}
