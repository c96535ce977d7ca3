/**
 * How bash reads its command line and how the kernel reads a `#!` line: what to run (a -c string,
 * a file, standard input), $0 and the arguments, and the `set` options the flags turn on. Pure, so
 * the shell wrapper (guest/shell.ts) stays about just-bash.
 */

export interface BashInvocation {
  source: 'command' | 'file' | 'stdin';
  /** The -c string or the file name. */
  text?: string;
  /** $0. */
  name: string;
  args: string[];
  /** Arguments for `set` that the flags stand for (-e, -x, -o pipefail...). */
  set: string[];
  /** Answer without running anything (--version, --help, a bad option). */
  answer?: { stdout: string; stderr: string; exitCode: number };
}

/** Single-letter options bash shares with `set`. */
const SET_LETTERS = 'aefhkmnpuvxBCHP';
/** Letters that only make sense to a real process (login, interactive, restricted...): accepted, ignored. */
const IGNORED_LETTERS = 'ilrD';

const VERSION = `GNU bash, version 4.2.46(2)-release (x86_64-redhat-linux-gnu)
Copyright (C) 2011 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`;

export function parseBashArgs(argv: readonly string[], shell: 'bash' | 'sh' = 'bash'): BashInvocation {
  const set: string[] = [];
  let command = false;
  let stdin = false;
  let i = 0;
  const bad = (opt: string): BashInvocation => ({
    source: 'stdin',
    name: shell,
    args: [],
    set,
    answer: { stdout: '', stderr: `${shell}: ${opt}: invalid option\nUsage:\t${shell} [GNU long option] [option] ...\n\t${shell} [GNU long option] [option] script-file ...\n`, exitCode: 2 },
  });
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (a === '--version') return { source: 'stdin', name: shell, args: [], set, answer: { stdout: VERSION, stderr: '', exitCode: 0 } };
    if (a === '--login' || a === '--norc' || a === '--noprofile' || a === '--posix' || a === '--noediting') continue;
    if (a.startsWith('--')) return bad(a);
    if ((a.startsWith('-') || a.startsWith('+')) && a.length > 1) {
      const on = a[0] === '-';
      for (const c of a.slice(1)) {
        if (c === 'c' && on) command = true;
        else if (c === 's' && on) stdin = true;
        else if (c === 'o') {
          const name = argv[++i];
          if (name === undefined) return bad(`${a[0]}o`);
          set.push(`${a[0]}o`, name);
        } else if (SET_LETTERS.includes(c)) set.push(`${a[0]}${c}`);
        else if (!IGNORED_LETTERS.includes(c)) return bad(`${a[0]}${c}`);
      }
      continue;
    }
    break;
  }
  const rest = argv.slice(i);
  if (command) {
    if (rest.length === 0) return { source: 'command', name: shell, args: [], set, answer: { stdout: '', stderr: `${shell}: -c: option requires an argument\n`, exitCode: 2 } };
    return { source: 'command', text: rest[0]!, name: rest[1] ?? shell, args: rest.slice(2), set };
  }
  if (stdin || rest.length === 0) return { source: 'stdin', name: shell, args: rest, set };
  return { source: 'file', text: rest[0]!, name: rest[0]!, args: rest.slice(1), set };
}

export interface Shebang {
  /** The interpreter's name without its directory (bash, sh, python3), after `env`. */
  interpreter: string;
  /** What follows it on the line, split into words. */
  args: string[];
}

/** The `#!` line of a script, if it has one. */
export function parseShebang(text: string): Shebang | undefined {
  if (!text.startsWith('#!')) return undefined;
  const line = text.slice(2, text.includes('\n') ? text.indexOf('\n') : undefined).trim();
  const words = line.split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  let [prog, ...args] = words;
  if (/(^|\/)env$/.test(prog!) && args.length > 0) [prog, ...args] = args;
  return { interpreter: prog!.slice(prog!.lastIndexOf('/') + 1), args };
}

/** bash and sh run scripts in the shell itself; anything else is a program to hand the file to. */
export const isShell = (interpreter: string): boolean => interpreter === 'bash' || interpreter === 'sh';

/** Strips the `#!` line (a comment to bash; just-bash's parser need not see it). */
export function scriptBody(text: string): string {
  if (!text.startsWith('#!')) return text;
  const nl = text.indexOf('\n');
  return nl < 0 ? '' : `\n${text.slice(nl + 1)}`;
}

/** A word quoted for the shell. */
export const shellQuote = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
