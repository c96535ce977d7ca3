/** Small helpers shared by guest commands: results, streaming output, option scanning. */
import type { CommandOutput } from '../shell';
import type { TerminalIo } from '../types';

export const ok = (stdout = ''): CommandOutput => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): CommandOutput => ({
  stdout,
  stderr: stderr.endsWith('\n') || stderr === '' ? stderr : `${stderr}\n`,
  exitCode,
});

/**
 * Output that streams to the terminal when the line allows it (one plain command), else collects
 * into stdout so pipes and redirects see it in order.
 */
export class Output {
  private buf = '';
  private err = '';
  constructor(private readonly io: TerminalIo | undefined) {}
  get streaming(): boolean {
    return !!this.io?.streaming;
  }
  write(text: string): void {
    if (this.io?.streaming) this.io.write(text.replace(/\r?\n/g, '\r\n'));
    else this.buf += text;
  }
  error(text: string): void {
    if (this.io?.streaming) this.io.write(text.replace(/\r?\n/g, '\r\n'));
    else this.err += text;
  }
  done(exitCode: number): CommandOutput {
    return { stdout: this.buf, stderr: this.err, exitCode };
  }
}

/** Splits "-abc" style flags; returns flags (as single letters or --long[=v]) and operands. */
export function scan(args: string[], withValue: string[] = []): { flags: Map<string, string>; operands: string[]; bad?: string } {
  const flags = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (eq > 0) flags.set(name, a.slice(eq + 1));
      else if (withValue.includes(name)) flags.set(name, args[++i] ?? '');
      else flags.set(name, '');
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = `-${a[j]}`;
        if (withValue.includes(f)) {
          flags.set(f, a.length > j + 1 ? a.slice(j + 1) : (args[++i] ?? ''));
          break;
        }
        flags.set(f, '');
      }
    } else operands.push(a);
  }
  return { flags, operands };
}

/** Quotes a word for re-parsing by the shell (sudo, ssh remote commands). */
export const shellQuote = (w: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

export const pad = (s: string | number, n: number): string => String(s).padStart(n);
export const padEnd = (s: string | number, n: number): string => String(s).padEnd(n);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 26 20:01" as ls -l prints a recent time (older than six months: "Nov 26  2025"). */
export function lsTime(ms: number, now: number): string {
  const d = new Date(ms);
  const mon = MONTHS[d.getUTCMonth()]!;
  const day = String(d.getUTCDate()).padStart(2);
  const recent = Math.abs(now - ms) < 182 * 86400_000;
  return recent ? `${mon} ${day} ${d.toISOString().slice(11, 16)}` : `${mon} ${day}  ${d.getUTCFullYear()}`;
}
