/**
 * less and more. On a terminal (a line of its own) they page: less keeps the screen until q and
 * moves both ways (space/f, b, j/k, arrows, g/G, /pattern, n/N); more goes forward only and ends
 * at the end of the text. Anywhere else (a pipe, a script) they copy their input, as both do when
 * their output is not a terminal.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand, ShellCommandContext } from '../../shell';
import type { TerminalIo } from '../../types';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, expand, is, KEY } from '../editor/text';
import { fail, ok } from '../util';

const decoder = new TextDecoder();

/** The text to page: the named files (more prints a header per file), else standard input. */
function gather(env: CommandEnv, name: string, files: string[], ctx: ShellCommandContext): { text: string; errors: string; title: string } {
  if (files.length === 0) return { text: ctx.stdin, errors: '', title: '' };
  let text = '';
  let errors = '';
  for (const f of files) {
    try {
      const body = decoder.decode(env.fs.readSync(env.fs.resolvePath(ctx.cwd, f)));
      if (files.length > 1) text += `::::::::::::::\n${f}\n::::::::::::::\n`;
      text += body;
    } catch (e) {
      const code = (e as { code?: string }).code;
      const why = code === 'EACCES' ? 'Permission denied' : code === 'EISDIR' ? 'is a directory' : 'No such file or directory';
      errors += code === 'EISDIR' ? `${f} is a directory\n` : `${name}: ${f}: ${why}\n`;
    }
  }
  return { text, errors, title: files[0]! };
}

/** Screen rows of the text, wrapped at the terminal's width. */
function screenRows(text: string, cols: number): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const out: string[] = [];
  for (const l of lines) {
    const shown = expand(l);
    if (shown.length === 0) out.push('');
    for (let i = 0; i < shown.length; i += cols) out.push(shown.slice(i, i + cols));
  }
  return out;
}

async function pageLess(io: TerminalIo, text: string, title: string, signal?: AbortSignal): Promise<number> {
  let rows = screenRows(text, io.columns);
  let top = 0;
  let message = title;
  let last = '';
  const page = (): number => io.rows - 1;
  const draw = (): void => {
    const view = rows.slice(top, top + page());
    while (view.length < page()) view.push('~');
    const end = top + page() >= rows.length;
    const bottom = message ? `\x1b[7m${message}${end && message === title ? ' (END)' : ''}\x1b[0m` : end ? '\x1b[7m(END)\x1b[0m' : ':';
    io.write(`\x1b[H${view.map((v) => `${v}\x1b[K`).join('\r\n')}\r\n${bottom}\x1b[K`);
  };
  const find = (pat: string, dir: 1 | -1): void => {
    let re: RegExp;
    try {
      re = new RegExp(pat);
    } catch {
      message = 'Invalid pattern';
      return;
    }
    for (let i = top + dir; i >= 0 && i < rows.length; i += dir) {
      if (re.test(rows[i]!)) {
        top = i;
        return;
      }
    }
    message = 'Pattern not found  (press RETURN)';
  };
  io.write(ALT_SCREEN_ON);
  draw();
  for (;;) {
    const k = await io.readKey();
    if (k === null || signal?.aborted) {
      io.write(ALT_SCREEN_OFF);
      return 130;
    }
    rows = screenRows(text, io.columns);
    message = '';
    const max = Math.max(0, rows.length - page());
    if (k === 'q' || k === 'Q' || k === 'ZZ') break;
    if (k === ' ' || k === 'f' || k === '\x06' || is(k, KEY.pageDown) || k === 'z') top = Math.min(max, top + page());
    else if (k === 'b' || k === '\x02' || is(k, KEY.pageUp) || k === 'w') top = Math.max(0, top - page());
    else if (k === 'j' || k === '\r' || k === 'e' || k === '\x0e' || is(k, KEY.down)) top = Math.min(max, top + 1);
    else if (k === 'k' || k === 'y' || k === '\x10' || is(k, KEY.up)) top = Math.max(0, top - 1);
    else if (k === 'd' || k === '\x04') top = Math.min(max, top + Math.floor(page() / 2));
    else if (k === 'u' || k === '\x15') top = Math.max(0, top - Math.floor(page() / 2));
    else if (k === 'g' || k === '<' || is(k, KEY.home)) top = 0;
    else if (k === 'G' || k === '>' || is(k, KEY.end)) top = max;
    else if (k === '/' || k === '?') {
      const pat = await io.readLine(`\r\x1b[K${k}`);
      if (pat === null) continue;
      if (pat) last = pat;
      if (last) find(last, k === '/' ? 1 : -1);
    } else if ((k === 'n' || k === 'N') && last) find(last, k === 'n' ? 1 : -1);
    else if (k === 'h' || k === 'H') message = 'q quits, space pages down, b pages up, /pattern searches, n finds the next match';
    draw();
  }
  io.write(ALT_SCREEN_OFF);
  return 0;
}

async function pageMore(io: TerminalIo, text: string, signal?: AbortSignal): Promise<number> {
  const rows = screenRows(text, io.columns);
  const page = io.rows - 1;
  let shown = Math.min(rows.length, page);
  io.write(rows.slice(0, shown).map((r) => `${r}\r\n`).join(''));
  while (shown < rows.length) {
    io.write(`\x1b[7m--More--(${Math.floor((shown * 100) / rows.length)}%)\x1b[0m`);
    const k = await io.readKey();
    io.write('\r\x1b[K');
    if (k === null || signal?.aborted) return 130;
    if (k === 'q' || k === 'Q') break;
    const step = k === '\r' || k === '\n' || k === 'j' || is(k, KEY.down) ? 1 : k === 'd' ? Math.floor(page / 2) : page;
    const next = Math.min(rows.length, shown + step);
    io.write(rows.slice(shown, next).map((r) => `${r}\r\n`).join(''));
    shown = next;
  }
  return 0;
}

export function pagerCommand(name: 'less' | 'more', env: CommandEnv): ShellCommand {
  return {
    name,
    async run(args, ctx) {
      if (args.includes('--version') || args.includes('-V')) return ok(name === 'less' ? 'less 458 (POSIX regular expressions)\nCopyright (C) 1984-2012 Mark Nudelman\n' : 'more from util-linux 2.23.2\n');
      const files = args.filter((a) => !a.startsWith('-') && !a.startsWith('+'));
      const { text, errors, title } = gather(env, name, files, ctx);
      const io = env.io();
      const fits = (): boolean => !!io && screenRows(text, io.columns).length < io.rows;
      if (!io?.streaming || !io.interactive || (name === 'more' && fits())) {
        if (errors && !text) return fail(errors.trimEnd());
        return { stdout: text, stderr: errors, exitCode: errors ? 1 : 0 };
      }
      if (errors && !text) return fail(errors.trimEnd());
      if (errors) io.write(errors.replace(/\n/g, '\r\n'));
      const code = name === 'less' ? await pageLess(io, text, title, ctx.signal) : await pageMore(io, text, ctx.signal);
      return { stdout: '', stderr: '', exitCode: code };
    },
  };
}
