/**
 * Every limit a guest enforces, in one place. Each message names the limit, so a learner (or a
 * teacher reading a transcript) knows which guard stopped the command and that it is the lab's,
 * not Linux's.
 */
export interface GuestLimits {
  /** Bytes one command line may print to a terminal before the rest is dropped. */
  maxTerminalOutputBytes: number;
  /** Largest file a guest may read into memory at once. */
  maxFileReadBytes: number;
  /** Largest file content a guest may store in one write. */
  maxFileWriteBytes: number;
  /**
   * Commands one input line may run (loops included). Not a runaway guard any more (the CPU budget
   * is): just-bash also sizes some work caps (seq, cut, od) from these two.
   */
  maxCommandCount: number;
  /** Iterations of one shell loop. */
  maxLoopIterations: number;
  /** Function recursion depth. */
  maxCallDepth: number;
  /**
   * Runnable (not sleeping, not waiting on the network) real seconds one input line may burn before
   * it is stopped. A line may take as long as it likes waiting: there is no wall-clock deadline.
   */
  maxCpuSecondsPerLine: number;
  /** Lines kept in a session's history. */
  maxHistoryLines: number;
  /** Nested ssh sessions in one terminal. */
  maxSessionDepth: number;
  /** Bytes of one input line. */
  maxInputLineBytes: number;
}

export const GUEST_LIMITS: GuestLimits = {
  maxTerminalOutputBytes: 4 * 1024 * 1024,
  maxFileReadBytes: 64 * 1024 * 1024,
  maxFileWriteBytes: 64 * 1024 * 1024,
  maxCommandCount: 1e12,
  maxLoopIterations: 1e12,
  maxCallDepth: 100,
  maxCpuSecondsPerLine: 600,
  maxHistoryLines: 1000,
  maxSessionDepth: 8,
  maxInputLineBytes: 128 * 1024,
};

/** The message printed when a limit stops something: names the limit and says it is the lab's. */
export function limitMessage(limit: keyof GuestLimits, what: string): string {
  return `nimbus: ${what} (lab limit guest.${limit} = ${GUEST_LIMITS[limit]})`;
}

export class GuestLimitError extends Error {
  constructor(
    readonly limit: keyof GuestLimits,
    what: string,
  ) {
    super(limitMessage(limit, what));
  }
}
