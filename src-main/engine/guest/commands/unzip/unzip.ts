/** unzip [-o] [-q] [-l] [-d DIR] ARCHIVE: Info-ZIP's messages over the guest's files. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail, Output } from '../util';
import { readZip } from './zipfile';

export function unzipCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'unzip',
    async run(args, ctx) {
      let overwrite = false;
      let never = false;
      let quiet = false;
      let list = false;
      let dest = '.';
      const ops: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-d') dest = args[++i] ?? '.';
        else if (a.startsWith('-') && a.length > 1) {
          for (const c of a.slice(1)) {
            if (c === 'o') overwrite = true;
            else if (c === 'n') never = true;
            else if (c === 'q') quiet = true;
            else if (c === 'l') list = true;
            else return fail(`error:  -${c} is not an option the lab's unzip knows (it has -o -n -q -l -d)`, 10);
          }
        } else ops.push(a);
      }
      const [archive, ...only] = ops;
      if (!archive) return { stdout: 'UnZip 6.00 of 20 April 2009, by Info-ZIP.  Maintained by C. Spieler.\n\nUsage: unzip [-Z] [-opts[modifiers]] file[.zip] [list] [-x xlist] [-d exdir]\n', stderr: '', exitCode: 0 };
      const path = env.fs.resolvePath(ctx.cwd, archive);
      const found = env.fs.existsSync(path) ? path : env.fs.existsSync(`${path}.zip`) ? `${path}.zip` : undefined;
      if (!found) return fail(`unzip:  cannot find or open ${archive}, ${archive}.zip or ${archive}.ZIP.`, 9);
      let entries;
      try {
        entries = readZip(Buffer.from(env.fs.readSync(found)));
      } catch (e) {
        return fail(`Archive:  ${archive}\n  End-of-central-directory signature not found.  Either this file is not\n  a zipfile, or it constitutes one disk of a multi-part archive.\n  (${(e as Error).message})`, 9);
      }
      if (only.length) entries = entries.filter((e) => only.some((o) => e.name === o || e.name.startsWith(o.endsWith('/') ? o : `${o}/`)));
      const out = new Output(env.io());
      if (!quiet || list) out.write(`Archive:  ${archive}\n`);
      if (list) {
        out.write('  Length      Date    Time    Name\n---------  ---------- -----   ----\n');
        let total = 0;
        for (const e of entries) {
          total += e.size;
          out.write(`${String(e.size).padStart(9)}  ${e.mtime.toISOString().slice(0, 10)} ${e.mtime.toISOString().slice(11, 16)}   ${e.name}\n`);
        }
        out.write(`---------                     -------\n${String(total).padStart(9)}                     ${entries.length} file${entries.length === 1 ? '' : 's'}\n`);
        return out.done(0);
      }
      const root = env.fs.resolvePath(ctx.cwd, dest);
      if (dest !== '.' && !env.fs.existsSync(root)) {
        env.fs.mkdirSync(root, true);
        if (!quiet) out.write(`   creating: ${dest}/\n`);
      }
      let status = 0;
      for (const e of entries) {
        const target = `${root}/${e.name}`.replace(/\/+$/, '');
        const shown = dest === '.' ? e.name : `${dest}/${e.name}`;
        if (e.name.split('/').includes('..')) {
          out.error(`warning:  skipped "../" path component(s) in ${e.name}\n`);
          status = 1;
          continue;
        }
        try {
          if (e.dir) {
            if (!env.fs.existsSync(target)) env.fs.mkdirSync(target, true);
            if (!quiet) out.write(`   creating: ${shown}\n`);
            continue;
          }
          const parent = target.slice(0, target.lastIndexOf('/')) || '/';
          if (!env.fs.existsSync(parent)) env.fs.mkdirSync(parent, true);
          if (env.fs.existsSync(target) && !overwrite) {
            if (never) continue;
            const io = env.io();
            const answer = io?.interactive ? await io.readLine(`replace ${shown}? [y]es, [n]o, [A]ll, [N]one, [r]ename: `) : null;
            if (answer === null) {
              out.write(`replace ${shown}? [y]es, [n]o, [A]ll, [N]one, [r]ename:  NULL\n(EOF or read error, treating as "[N]one" ...)\n`);
              never = true;
              continue;
            }
            if (answer === 'N') never = true;
            if (answer === 'A') overwrite = true;
            if (answer !== 'y' && answer !== 'A') continue;
          }
          env.fs.writeSync(target, e.data(), false, e.mode ?? 0o644);
          if (!quiet) out.write(`${e.method === 0 ? ' extracting' : '  inflating'}: ${shown}  \n`);
        } catch (err) {
          const code = (err as { code?: string }).code;
          out.error(`${shown}:  cannot create ${code === 'EACCES' ? '(Permission denied)' : (err as Error).message}\n`);
          status = 50;
        }
      }
      return out.done(status);
    },
  };
}
