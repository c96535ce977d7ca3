/**
 * vi / vim: the editor (vim.ts) on the guest's terminal. It takes the whole screen (the alternate
 * screen, as vim does, so the shell's output is back after :q) and reads one key at a time; the
 * file is read and written as the effective user, so `sudo vi /etc/httpd/conf.d/x.conf` works and
 * a plain user gets E212 on a root-owned file.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, byteLength, loadLines, saveLines } from '../editor/text';
import { fail, ok } from '../util';
import { Vim } from './vim';

const VERSION = `VIM - Vi IMproved 7.4 (2013 Aug 10, compiled Dec 12 2017 20:52:09)
Included patches: 1-160
Modified by <bugzilla@redhat.com>
Compiled by <bugzilla@redhat.com>
Huge version without GUI.
`;

export function viCommand(name: string, env: CommandEnv): ShellCommand {
  return {
    name,
    async run(args, ctx) {
      if (args.includes('--version')) return ok(VERSION);
      if (args.includes('-h') || args.includes('--help')) return ok(`${VERSION.split('\n')[0]}\n\nusage: ${name} [arguments] [file ..]       edit specified file(s)\n`);
      const files = args.filter((a) => !a.startsWith('-') && !a.startsWith('+'));
      const jump = args.find((a) => /^\+\d*$/.test(a));
      const io = env.io();
      if (!io?.streaming) {
        return fail('Vim: Warning: Output is not to a terminal\nVim: Warning: Input is not from a terminal\nnimbus: vi needs the terminal to itself: run it on a line of its own, without pipes or redirections', 1);
      }
      const shown = files[0];
      const abs = (p: string): string => env.fs.resolvePath(ctx.cwd, p);
      let lines = [''];
      let opening = '';
      if (shown !== undefined) {
        const l = loadLines(env.fs, abs(shown));
        lines = l.lines;
        if (l.problem === 'Is a directory') opening = `"${shown}" is a directory`;
        else if (l.problem) opening = `"${shown}" [${l.problem}]`;
        else if (l.fresh) opening = `"${shown}" [New File]`;
        else opening = `"${shown}"${l.noEol ? ' [noeol]' : ''} ${lines.length}L, ${byteLength(lines)}C`;
      }
      const vim = new Vim(shown, lines, opening, {
        save: (p, ls) => saveLines(env.fs, abs(p), ls),
        exists: (p) => env.fs.existsSync(abs(p)),
      }, io.columns, io.rows);
      if (jump) vim.exCommand(jump === '+' ? '$' : jump.slice(1));
      io.write(ALT_SCREEN_ON + vim.render());
      let interrupted = false;
      while (!vim.quit) {
        const k = await io.readKey();
        if (k === null || ctx.signal?.aborted) {
          interrupted = true;
          break;
        }
        vim.cols = io.columns;
        vim.rows = io.rows;
        vim.key(k);
        if (!vim.quit) io.write(vim.render());
      }
      io.write(ALT_SCREEN_OFF);
      return { stdout: '', stderr: '', exitCode: interrupted ? 130 : vim.status };
    },
  };
}
