/**
 * What the full-screen programs (vi, nano, less) share: loading and saving a file as lines through
 * the guest's filesystem (so permissions and sudo apply), display widths with tabs, and painting
 * whole screens with plain VT100 sequences that xterm.js and a real pty both understand.
 */
import type { GuestFs } from '../../fs/guest-fs';

export interface Loaded {
  lines: string[];
  /** The file is new (no such file yet). */
  fresh: boolean;
  /** Why it could not be read ("Permission Denied", "Is a directory"). */
  problem?: string;
  /** The file did not end with a newline. */
  noEol: boolean;
}

const decoder = new TextDecoder();

export function loadLines(fs: GuestFs, path: string): Loaded {
  try {
    const text = decoder.decode(fs.readSync(path));
    const lines = text.split('\n');
    const noEol = text !== '' && !text.endsWith('\n');
    if (!noEol) lines.pop();
    return { lines: lines.length ? lines : [''], fresh: false, noEol: noEol };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return { lines: [''], fresh: true, noEol: false };
    return { lines: [''], fresh: false, noEol: false, problem: code === 'EISDIR' ? 'Is a directory' : code === 'EACCES' ? 'Permission Denied' : (e as Error).message };
  }
}

/** Writes lines back with a final newline; returns the byte count or the errno code. */
export function saveLines(fs: GuestFs, path: string, lines: string[]): { bytes: number } | { error: string } {
  const text = lines.length === 0 || (lines.length === 1 && lines[0] === '') ? '' : `${lines.join('\n')}\n`;
  const data = new TextEncoder().encode(text);
  try {
    fs.writeSync(path, data, false);
    return { bytes: data.byteLength };
  } catch (e) {
    return { error: (e as { code?: string }).code ?? 'EIO' };
  }
}

export const byteLength = (lines: string[]): number => new TextEncoder().encode(lines.join('\n')).byteLength + (lines.length === 1 && lines[0] === '' ? 0 : 1);

/** The line as it shows on screen: tabs expanded to the next multiple of 8. */
export function expand(line: string): string {
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c < ' ' ? `^${String.fromCharCode(c.charCodeAt(0) + 64)}` : c;
  return out;
}

/** Screen column of character index `col` in `line`. */
export function displayCol(line: string, col: number): number {
  return expand(line.slice(0, col)).length;
}

/** Screen rows a line takes when wrapped at `cols`. */
export const rowsOf = (line: string, cols: number): number => Math.max(1, Math.ceil(expand(line).length / cols));

/** Reverse video, as both editors draw their bars. */
export const inverse = (s: string): string => `\x1b[7m${s}\x1b[0m`;

export const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H\x1b[2J';
export const ALT_SCREEN_OFF = '\x1b[?1049l';

/** One full frame: each row cleared to its end, then the cursor placed (1-based row/col). */
export function frame(rows: string[], cursorRow: number, cursorCol: number): string {
  return `\x1b[?25l\x1b[H${rows.map((r) => `${r}\x1b[K`).join('\r\n')}\x1b[${cursorRow};${cursorCol}H\x1b[?25h`;
}

/** Keys as the terminal hands them over (one key or one escape sequence at a time). */
export const KEY = {
  up: ['\x1b[A', '\x1bOA'],
  down: ['\x1b[B', '\x1bOB'],
  right: ['\x1b[C', '\x1bOC'],
  left: ['\x1b[D', '\x1bOD'],
  home: ['\x1b[H', '\x1bOH', '\x1b[1~'],
  end: ['\x1b[F', '\x1bOF', '\x1b[4~'],
  pageUp: ['\x1b[5~'],
  pageDown: ['\x1b[6~'],
  del: ['\x1b[3~'],
} as const;

export const is = (k: string, names: readonly string[]): boolean => names.includes(k);
