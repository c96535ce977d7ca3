/**
 * nano: the editor (editor.ts) on the guest's terminal, reading one key at a time. Files are read
 * and written as the effective user (sudo nano works; a plain user gets "Permission denied").
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, loadLines, saveLines } from '../editor/text';
import { fail, ok } from '../util';
import { Nano } from './editor';

export function nanoCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'nano',
    async run(args, ctx) {
      if (args.includes('-V') || args.includes('--version')) return ok(' GNU nano, version 2.5.3\n (C) 1999..2016 Free Software Foundation, Inc.\n Email: nano@nano-editor.org\tWeb: https://nano-editor.org/\n Compiled options: --disable-libmagic --enable-utf8\n');
      const io = env.io();
      if (!io?.streaming) return fail('Too many errors from stdin\nnimbus: nano needs the terminal to itself: run it on a line of its own, without pipes or redirections');
      const shown = args.find((a) => !a.startsWith('-') && !a.startsWith('+')) ?? '';
      const abs = (p: string): string => env.fs.resolvePath(ctx.cwd, p);
      let lines = [''];
      let opening = '';
      if (shown) {
        const l = loadLines(env.fs, abs(shown));
        lines = l.lines;
        if (l.problem === 'Is a directory') opening = `"${shown}" is a directory`;
        else if (l.problem) opening = `Error reading ${shown}: ${l.problem === 'Permission Denied' ? 'Permission denied' : l.problem}`;
        else if (l.fresh) opening = 'New File';
        else {
          const n = lines.length === 1 && lines[0] === '' ? 0 : lines.length;
          opening = `Read ${n} line${n === 1 ? '' : 's'}`;
        }
      }
      const nano = new Nano(shown, lines, opening, { save: (p, ls) => saveLines(env.fs, abs(p), ls) }, io.columns, io.rows);
      io.write(ALT_SCREEN_ON + nano.render());
      let interrupted = false;
      while (!nano.quit) {
        const k = await io.readKey();
        if (k === null || ctx.signal?.aborted) {
          interrupted = true;
          break;
        }
        nano.cols = io.columns;
        nano.rows = io.rows;
        nano.key(k);
        if (!nano.quit) io.write(nano.render());
      }
      io.write(ALT_SCREEN_OFF);
      return { stdout: '', stderr: '', exitCode: interrupted ? 130 : 0 };
    },
  };
}
