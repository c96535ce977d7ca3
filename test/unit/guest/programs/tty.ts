/**
 * A person at a terminal: keys typed one at a time (each after the program has had its turn, as
 * from xterm.js or a pty), the screen output collected, and the shell's prompt awaited.
 */
import { Terminal } from '../../../../src-main/engine/guest/terminal';
import type { GuestShell } from '../../../../src-main/engine/guest/session';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

export interface Tty {
  term: Terminal;
  out(): string;
  clear(): void;
  /** Types each key (or escape sequence) separately, letting the program react in between. */
  keys(...keys: string[]): Promise<void>;
  /** Types a string one character at a time. */
  type(text: string): Promise<void>;
  /** Runs a command line and waits for the prompt to come back; returns what it printed. */
  line(text: string): Promise<string>;
}

export function tty(shell: GuestShell, cols = 80, rows = 24): Tty {
  let output = '';
  let idle: (() => void) | undefined;
  const term = new Terminal({
    program: shell,
    mode: 'interactive',
    cols,
    rows,
    onOutput: (d) => (output += d),
    onIdle: (_c, reading) => {
      if (!reading) idle?.();
    },
  });
  const keys = async (...ks: string[]): Promise<void> => {
    for (const k of ks) {
      term.input(k);
      for (let i = 0; i < 5; i++) await tick();
    }
  };
  return {
    term,
    out: () => output,
    clear: () => (output = ''),
    keys,
    type: (text) => keys(...text.split('')),
    line: async (text) => {
      const start = output.length;
      const done = new Promise<void>((r) => (idle = r));
      term.input(`${text}\r`);
      await done;
      idle = undefined;
      return output.slice(start);
    },
  };
}
