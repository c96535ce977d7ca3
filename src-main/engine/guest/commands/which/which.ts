/**
 * which: looks through $PATH on the guest's own disk, so it names only programs that are really
 * there (a package's files appear on install), as GNU which does on Amazon Linux. Ubuntu's
 * debianutils which says nothing for a missing name.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';

export function whichCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'which',
    async run(args, ctx) {
      const names = args.filter((a) => !a.startsWith('-'));
      const all = args.includes('-a');
      const path = ctx.env.get('PATH') ?? '/usr/bin:/bin';
      // /bin and /sbin are links into /usr on the lab's images: name the real place, once.
      const dirs: string[] = [];
      for (const d of path.split(':').filter(Boolean)) {
        const real = await env.fs.realpath(d).catch(() => d);
        if (!dirs.includes(real)) dirs.push(real);
      }
      let stdout = '';
      let stderr = '';
      let status = 0;
      for (const name of names) {
        const candidates = name.includes('/') ? [env.fs.resolvePath(ctx.cwd, name)] : dirs.map((d) => `${d}/${name}`);
        const hits = candidates.filter((p) => {
          try {
            const st = env.fs.statSync(p);
            return st.isFile && (st.mode & 0o111) !== 0;
          } catch {
            return false;
          }
        });
        if (hits.length === 0) {
          status = 1;
          if (env.guest.image.promptStyle === 'redhat') stderr += `/usr/bin/which: no ${name} in (${path})\n`;
          continue;
        }
        stdout += `${(all ? hits : hits.slice(0, 1)).join('\n')}\n`;
      }
      return { stdout, stderr, exitCode: names.length ? status : 1 };
    },
  };
}
