/**
 * ls: just-bash's ls for the short forms; the long form (-l) is ours, because only the guest's
 * filesystem knows owners, groups and real modes (drwx------ 2 ec2-user ec2-user 4096 ...).
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import type { FsStatFull } from '../../fs/guest-fs';
import { groupNames } from '../../users';
import { humanSize } from '../../devices';
import { lsTime } from '../util';

function modeString(st: FsStatFull): string {
  const t = st.kind === 'dir' ? 'd' : st.kind === 'symlink' ? 'l' : st.kind === 'device' ? 'b' : '-';
  const m = st.mode;
  const r = (bit: number, ch: string): string => (m & bit ? ch : '-');
  let s = t + r(0o400, 'r') + r(0o200, 'w') + r(0o100, 'x') + r(0o40, 'r') + r(0o20, 'w') + r(0o10, 'x') + r(0o4, 'r') + r(0o2, 'w') + r(0o1, 'x');
  if (m & 0o1000) s = s.slice(0, 9) + (m & 0o1 ? 't' : 'T');
  return s;
}

export function lsCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'ls',
    async run(args, ctx) {
      const flags = new Set<string>();
      const operands: string[] = [];
      for (const a of args) {
        if (a === '--') continue;
        if (a.startsWith('--')) flags.add(a);
        else if (a.startsWith('-') && a.length > 1) for (const c of a.slice(1)) flags.add(c);
        else operands.push(a);
      }
      const long = flags.has('l') || flags.has('g') || flags.has('n') || flags.has('o');
      if (!long) {
        // Operands the user may not see: the C library's words, before the bundled ls lists the rest.
        const q = env.guest.image.key === 'amzn-2017.09' ? '' : "'";
        let denied = '';
        const keep: string[] = [];
        for (const a of args) {
          if (a.startsWith('-') && a !== '-') {
            keep.push(a);
            continue;
          }
          const p = env.fs.resolvePath(ctx.cwd, a);
          try {
            const st = env.fs.statSync(p);
            if (st.isDirectory) env.fs.accessSync(p, 4);
            keep.push(a);
          } catch (e) {
            const code = (e as { code?: string }).code;
            if (code !== 'EACCES') {
              keep.push(a);
              continue;
            }
            let isDir = false;
            try {
              isDir = env.fs.statSync(p).isDirectory;
            } catch {
              isDir = false;
            }
            denied += isDir ? `ls: cannot open directory ${q}${a}${q}: Permission denied\n` : `ls: cannot access ${q}${a}${q}: Permission denied\n`;
          }
        }
        if (denied && keep.every((a) => a.startsWith('-'))) return { stdout: '', stderr: denied, exitCode: 2 };
        const r = await (ctx.builtin ? ctx.builtin(keep) : Promise.resolve({ stdout: '', stderr: 'ls: unavailable\n', exitCode: 2 }));
        // GNU wording: "cannot access"; coreutils before 8.25 (Amazon Linux AMI) does not quote the name.
        return { ...r, stderr: denied + r.stderr.replace(/^ls: (?!cannot )(.+): (No such file or directory|Permission denied)$/gm, `ls: cannot access ${q}$1${q}: $2`), exitCode: denied ? 2 : r.exitCode };
      }
      const fs = env.fs;
      const users = new Map(env.guest.users().map((u) => [u.uid, u.name]));
      let groups = new Map<number, string>();
      try {
        groups = groupNames(env.guest.rootFs.readSyncText('/etc/group'));
      } catch {
        // no /etc/group
      }
      const all = flags.has('a');
      const almost = flags.has('A');
      const dirOnly = flags.has('d');
      const human = flags.has('h');
      const numeric = flags.has('n');
      const now = env.guest.host.clock.now();
      const q = env.guest.image.key === 'amzn-2017.09' ? '' : "'";
      let stdout = '';
      let stderr = '';
      let code = 0;
      type Row = [mode: string, links: string, owner: string, group: string, size: string, time: string, name: string];
      const row = async (path: string, name: string): Promise<Row> => {
        const st = fs.statSync(path, false);
        const owner = numeric ? String(st.uid) : (users.get(st.uid) ?? String(st.uid));
        const group = numeric ? String(st.gid) : (groups.get(st.gid) ?? String(st.gid));
        const size = st.kind === 'dir' ? 4096 : st.size;
        const shown = st.kind === 'symlink' ? `${name} -> ${await fs.readlink(path)}` : name;
        return [modeString(st), String(st.kind === 'dir' ? 2 : 1), owner, group, human ? humanSize(size) : String(size), lsTime(st.mtime.getTime(), now), shown];
      };
      // Columns as wide as their widest entry in this listing, as GNU ls aligns them.
      const render = (rows: Row[]): string => {
        const w = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
        return rows
          .map((r) => {
            const parts = [r[0], r[1].padStart(w[1]!)];
            if (!flags.has('g')) parts.push(r[2].padEnd(w[2]!));
            if (!flags.has('o')) parts.push(r[3].padEnd(w[3]!));
            parts.push(r[4].padStart(w[4]!), r[5], r[6]);
            return `${parts.join(' ')}\n`;
          })
          .join('');
      };
      const targets = operands.length ? operands : ['.'];
      const multiple = targets.length > 1;
      const files: string[] = [];
      const dirs: string[] = [];
      for (const t of targets) {
        const p = fs.resolvePath(ctx.cwd, t);
        try {
          const st = fs.statSync(p, true);
          if (st.isDirectory && !dirOnly) dirs.push(t);
          else files.push(t);
        } catch (e) {
          const denied = (e as { code?: string }).code === 'EACCES';
          stderr += `ls: cannot access ${q}${t}${q}: ${denied ? 'Permission denied' : 'No such file or directory'}\n`;
          code = 2;
        }
      }
      if (files.length) stdout += render(await Promise.all(files.map((f) => row(fs.resolvePath(ctx.cwd, f), f))));
      for (const [i, d] of dirs.entries()) {
        const p = fs.resolvePath(ctx.cwd, d);
        if (multiple || files.length) stdout += `${i > 0 || files.length ? '\n' : ''}${d}:\n`;
        let names: string[];
        try {
          names = fs.listSync(p);
        } catch {
          stderr += `ls: cannot open directory ${q}${d}${q}: Permission denied\n`;
          code = 2;
          continue;
        }
        const rows: Row[] = [];
        let total = 0;
        if (all) {
          rows.push(await row(p, '.'), await row(fs.resolvePath(p, '..'), '..'));
          total += 8;
        }
        for (const n of names.filter((x) => all || almost || !x.startsWith('.'))) {
          const full = p === '/' ? `/${n}` : `${p}/${n}`;
          rows.push(await row(full, n));
          const st = fs.statSync(full, false);
          total += st.kind === 'dir' ? 4 : Math.ceil(st.size / 4096) * 4;
        }
        stdout += `total ${total}\n${render(rows)}`;
      }
      return { stdout, stderr, exitCode: code };
    },
  };
}
