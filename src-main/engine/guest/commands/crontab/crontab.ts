/** crontab -l / -e (from stdin with `crontab FILE` or `crontab -`) / -r; the cron daemon runs entries on the simulated clock. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail, ok } from '../util';

export function crontabCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'crontab',
    async run(args, ctx) {
      const uIdx = args.indexOf('-u');
      const user = uIdx >= 0 ? (args[uIdx + 1] ?? '') : env.user().name;
      if (uIdx >= 0 && env.user().uid !== 0) return fail('must be privileged to use -u');
      const file = `/var/spool/cron/${user}`;
      const fs = env.guest.rootFs;
      if (args.includes('-l')) {
        if (!fs.existsSync(file)) return fail(`no crontab for ${user}`);
        return ok(fs.readSyncText(file));
      }
      if (args.includes('-r')) {
        if (fs.existsSync(file)) await fs.rm(file);
        return ok();
      }
      if (args.includes('-e')) return fail('crontab: the lab has no editor; use: crontab FILE  or  echo "*/5 * * * * command" | crontab -');
      const src = args.filter((a, i) => !a.startsWith('-') && i !== uIdx + 1)[0];
      let text = ctx.stdin;
      if (src && src !== '-') {
        try {
          text = env.fs.readSyncText(env.fs.resolvePath(ctx.cwd, src));
        } catch {
          return fail(`${src}: No such file or directory`);
        }
      }
      fs.mkdirSync('/var/spool/cron', true);
      fs.writeSync(file, new TextEncoder().encode(text.endsWith('\n') ? text : `${text}\n`), false, 0o600);
      return ok();
    },
  };
}
