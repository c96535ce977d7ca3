/**
 * The chapters' hands on the lab's machines (labs/types.ts `LabMachines`), over the terminals
 * (engine/terminals.ts):
 *
 * - `run` is a background login: a fresh shell session for the target user that nobody sees, one
 *   command line, its stdout, stderr and exit status kept apart (checks parse them). Nothing is
 *   typed into a terminal and nothing lands in the learner's shell history.
 * - `type` is "Show me": the line is typed into the learner's own interactive terminal for that
 *   machine (the console's workstation tab when one is open; otherwise a terminal is opened, which
 *   the console can attach to), and returns once the terminal waits for input again: the next
 *   command line, or a program's question (ssh's host-key prompt, yum's "Is this ok"). Its stdout is
 *   what the screen showed after the typed line, without colours or carriage returns.
 */
import type { TerminalEvent, TerminalManager } from '../terminals';
import type { CommandOutput, LabMachines, MachineTarget } from '../labs/types';
import type { Guest } from '../guest/machine';
import { GuestShell } from '../guest/session';

/** How long "Show me" waits for one typed line, in real time, before giving up on it. */
const TYPE_TIMEOUT_MS = 120_000;

interface TermState {
  /** Waiting for a command line or an answer (false while a command runs). */
  idle: boolean;
  closed: boolean;
}

// eslint-disable-next-line no-control-regex -- terminal control sequences start with ESC
const CONTROL = /\x1b\[[0-9;?]*[A-Za-z~]|\x1b\][^\x07]*\x07|\x1b[()][A-Za-z0-9]|\r/g;

export const screenText = (data: string): string => data.replace(CONTROL, '');

/** The screen after a typed line: without the echo of the line itself and the next prompt. */
function afterTyped(text: string, typed: string | undefined, prompt: boolean): string {
  let out = text;
  if (typed !== undefined) {
    const lines = typed.split('\n').length;
    for (let i = 0; i < lines; i++) {
      const nl = out.indexOf('\n');
      out = nl < 0 ? '' : out.slice(nl + 1);
    }
  }
  if (prompt) out = out.slice(0, out.lastIndexOf('\n') + 1);
  return out;
}

export interface LabMachinesHandle extends LabMachines {
  type(target: MachineTarget, line: string): Promise<CommandOutput>;
  /** Stops following the terminals' events. */
  dispose(): void;
}

export function labMachines(terminals: TerminalManager): LabMachinesHandle {
  const states = new Map<string, TermState>();
  const waiters = new Map<string, Set<(e: TerminalEvent) => void>>();
  const unsubscribe = terminals.onEvent((e) => {
    const s = states.get(e.terminalId) ?? { idle: false, closed: false };
    if (e.type === 'idle') s.idle = true;
    else if (e.type === 'exit') s.closed = true;
    states.set(e.terminalId, s);
    for (const w of waiters.get(e.terminalId) ?? []) w(e);
    if (e.type === 'exit') states.delete(e.terminalId);
  });

  const failure = (message: string, exitCode = 255): CommandOutput => ({ stdout: '', stderr: `${message}\n`, exitCode });

  async function guestOf(target: MachineTarget): Promise<Guest | string> {
    if (target.kind === 'workstation') return terminals.workstation();
    const g = await terminals.guest(target.instanceId);
    if (!g || g.state !== 'running') return `${target.instanceId} is not running: a shell needs a running instance.`;
    return g;
  }

  /** One background login for one line; the session ends with it. */
  async function run(target: MachineTarget, line: string): Promise<CommandOutput> {
    const guest = await guestOf(target);
    if (typeof guest === 'string') return failure(guest);
    const name = target.kind === 'instance' ? (target.user ?? guest.identity.defaultUser) : guest.identity.defaultUser;
    const user = guest.user(name);
    if (!user) return failure(`There is no user '${name}' on ${target.kind === 'instance' ? target.instanceId : 'the workstation'}.`);
    const shell = new GuestShell(guest, user, { tty: 'notty' });
    try {
      // Only the three fields checks read: the shell's own flags (exited, stopped) stay inside it.
      const { stdout, stderr, exitCode } = await shell.exec(line);
      return { stdout, stderr, exitCode };
    } finally {
      shell.close();
    }
  }

  /** The learner's terminal for the target: an open interactive one (the newest), else a new one. */
  async function terminalFor(target: MachineTarget): Promise<string> {
    const key = target.kind === 'workstation' ? 'workstation' : target.instanceId;
    const open = terminals.list().filter((t) => t.target === key && t.mode === 'interactive' && !states.get(t.terminalId)?.closed);
    const existing = open.at(-1);
    if (existing) return existing.terminalId;
    const info = await terminals.open({
      target: key,
      mode: 'interactive',
      ...(target.kind === 'instance' ? { region: target.region, ...(target.user ? { user: target.user } : {}) } : {}),
    });
    // The new terminal showed its first prompt while it was being opened.
    states.set(info.terminalId, { idle: true, closed: false });
    return info.terminalId;
  }

  /** Resolves once the terminal waits for input (or ends); collects what it printed meanwhile. */
  function untilIdle(terminalId: string, start: () => void, typed?: string): Promise<CommandOutput> {
    return new Promise<CommandOutput>((resolve, reject) => {
      let screen = '';
      const set = waiters.get(terminalId) ?? new Set();
      waiters.set(terminalId, set);
      const done = (): void => {
        clearTimeout(timer);
        set.delete(listener);
        if (set.size === 0) waiters.delete(terminalId);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the terminal did not come back to a prompt within ${TYPE_TIMEOUT_MS / 1000} s`));
      }, TYPE_TIMEOUT_MS);
      timer.unref?.();
      const listener = (e: TerminalEvent): void => {
        if (e.type === 'output') screen += e.data;
        else if (e.type === 'idle' || e.type === 'exit') {
          done();
          resolve({ stdout: afterTyped(screenText(screen), typed, e.type === 'idle' && !e.reading), stderr: '', exitCode: e.exitCode });
        }
      };
      set.add(listener);
      try {
        start();
      } catch (err) {
        done();
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  /** Waits until a command the learner (or an earlier "Show me") started has finished. */
  async function settle(terminalId: string): Promise<void> {
    const s = states.get(terminalId);
    if (!s || s.idle || s.closed) return;
    await untilIdle(terminalId, () => {});
  }

  async function type(target: MachineTarget, line: string): Promise<CommandOutput> {
    if (target.kind === 'instance') {
      const guest = await guestOf(target);
      if (typeof guest === 'string') return failure(guest);
    }
    const terminalId = await terminalFor(target);
    await settle(terminalId);
    const s = states.get(terminalId) ?? { idle: true, closed: false };
    s.idle = false;
    states.set(terminalId, s);
    return untilIdle(terminalId, () => terminals.input(terminalId, `${line}\r`), line);
  }

  return {
    run,
    type,
    dispose: unsubscribe,
  };
}
