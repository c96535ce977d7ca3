/** chown / chgrp (user[:group], -R). Only root may give files away, as on Linux. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { groupNames } from '../../users';
import { fail } from '../util';

function walk(env: CommandEnv, path: string, fn: (p: string) => void): void {
  fn(path);
  const st = env.fs.statSync(path, false);
  if (st.isDirectory) for (const n of env.fs.listSync(path)) walk(env, path === '/' ? `/${n}` : `${path}/${n}`, fn);
}

function make(name: 'chown' | 'chgrp', env: CommandEnv): ShellCommand {
  return {
    name,
    async run(args, ctx) {
      const recursive = args.includes('-R') || args.includes('-r') || args.includes('--recursive');
      const ops = args.filter((a) => !a.startsWith('-'));
      if (ops.length < 2) return fail(`${name}: missing operand\nTry '${name} --help' for more information.`);
      const spec = ops[0]!;
      const [userPart, groupPart] = name === 'chgrp' ? [undefined, spec] : spec.split(/[:.]/);
      let uid: number | undefined;
      let gid: number | undefined;
      const groups = groupNames(env.guest.rootFs.readSyncText('/etc/group'));
      if (userPart) {
        const u = env.guest.user(userPart) ?? (/^\d+$/.test(userPart) ? { uid: Number(userPart), gid: Number(userPart) } : undefined);
        if (!u) return fail(`${name}: invalid user: '${spec}'`);
        uid = u.uid;
        if (spec.endsWith(':')) gid = u.gid;
      }
      if (groupPart) {
        const g = [...groups].find(([, n]) => n === groupPart)?.[0] ?? (/^\d+$/.test(groupPart) ? Number(groupPart) : undefined);
        if (g === undefined) return fail(`${name}: invalid group: '${spec}'`);
        gid = g;
      }
      let stderr = '';
      let code = 0;
      for (const f of ops.slice(1)) {
        const p = env.fs.resolvePath(ctx.cwd, f);
        try {
          const apply = (x: string): void => env.fs.chownSync(x, uid, gid);
          if (recursive) walk(env, p, apply);
          else apply(p);
        } catch (e) {
          const c = (e as { code?: string }).code;
          stderr += `${name}: ${c === 'ENOENT' ? `cannot access '${f}': No such file or directory` : `changing ownership of '${f}': Operation not permitted`}\n`;
          code = 1;
        }
      }
      return { stdout: '', stderr, exitCode: code };
    },
  };
}

export const chownCommand = (env: CommandEnv): ShellCommand => make('chown', env);
export const chgrpCommand = (env: CommandEnv): ShellCommand => make('chgrp', env);
