/**
 * Guest CPU: time-slicing and accounting. Guest shells run on the engine's one thread, so a busy
 * loop in one guest would hold up every API call and every other terminal. The interpreter calls
 * `onStatement` before each statement (a hook patched into just-bash, see guest/shell.ts): a shell
 * that has run for TURN_MS gives way, and guests that gave way resume one per event-loop turn,
 * in order, after the loop has served I/O. A request waits at most one turn behind busy guests.
 *
 * The time a shell is runnable (running, or waiting for its turn; not sleeping or waiting on the
 * network) is CPU it burns: per instance it is what CloudWatch's CPUUtilization reads
 * (`cpuSecondsOf`), in simulated seconds, capped by the instance type's vCPUs.
 */

/** Longest a guest runs before it gives the event loop back (real milliseconds). */
export const TURN_MS = 2;
/** A pause longer than this between two statements was a wait (sleep, network), not CPU. */
const IDLE_GAP_MS = 20;

const waiting: (() => void)[] = [];
let scheduled = false;

function turn(): void {
  scheduled = false;
  const next = waiting.shift();
  if (waiting.length > 0) schedule();
  next?.();
}
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(turn);
}

/** Waits for this guest's next turn: after pending I/O and after guests that gave way earlier. */
export function giveWay(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}

/** Guests waiting for a turn (bench and tests). */
export function runnableGuests(): number {
  return waiting.length;
}

interface Account {
  cpuMs: number;
  tokens: number;
  lastReal: number;
}
const accounts = new Map<string, Account>();

/**
 * Adds CPU an instance burnt: `realMs` of runnable time, at the clock's warp, never more than its
 * vCPUs can give (a token bucket over real time, one second of burst).
 */
export function chargeCpu(instanceId: string, realMs: number, vCpus: number, warp: number): void {
  const w = Math.max(1, warp);
  const now = performance.now();
  const a = accounts.get(instanceId) ?? { cpuMs: 0, tokens: vCpus * 1000 * w, lastReal: now };
  a.tokens = Math.min(vCpus * 1000 * w, a.tokens + (now - a.lastReal) * vCpus * w);
  a.lastReal = now;
  const taken = Math.min(realMs * w, a.tokens);
  a.tokens -= taken;
  a.cpuMs += taken;
  accounts.set(instanceId, a);
}

/** CPU seconds (simulated) an instance's guest has used since the lab started: a counter that only grows. */
export function cpuSecondsOf(instanceId: string): number {
  return (accounts.get(instanceId)?.cpuMs ?? 0) / 1000;
}

/**
 * One shell's meter: called before each statement, it says whether the shell must give way, and
 * how much runnable time passed since the previous statement.
 */
export class CpuMeter {
  private last = -1;
  private runStart = 0;
  /** Runnable real milliseconds since the meter was made. */
  totalMs = 0;

  constructor(private readonly charge: (realMs: number) => void) {}

  /** Before a statement; returns a promise when the shell must give way first. */
  tick(): Promise<void> | undefined {
    const now = performance.now();
    if (this.last < 0 || now - this.last > IDLE_GAP_MS) this.runStart = now;
    else this.add(now - this.last);
    this.last = now;
    if (now - this.runStart < TURN_MS) return undefined;
    return giveWay().then(() => {
      // Waiting for a turn is runnable time: the guest wanted the CPU.
      const back = performance.now();
      this.add(back - this.last);
      this.last = back;
      this.runStart = back;
    });
  }

  /** A new command line starts: time before it was not this shell's. */
  reset(): void {
    this.last = -1;
  }

  private add(ms: number): void {
    this.totalMs += ms;
    this.charge(ms);
  }
}
