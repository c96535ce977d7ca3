/** date on the simulated clock (the guest's time is the lab's time, in UTC). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { ok } from '../util';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

export function formatDate(d: Date, fmt: string): string {
  return fmt.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'Y': return String(d.getUTCFullYear());
      case 'm': return p2(d.getUTCMonth() + 1);
      case 'd': return p2(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2);
      case 'H': return p2(d.getUTCHours());
      case 'M': return p2(d.getUTCMinutes());
      case 'S': return p2(d.getUTCSeconds());
      case 's': return String(Math.floor(d.getTime() / 1000));
      case 'a': return DAYS[d.getUTCDay()]!;
      case 'b': return MONTHS[d.getUTCMonth()]!;
      case 'F': return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'T': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'N': return String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0');
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}

export function dateCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'date',
    async run(args) {
      const d = new Date(env.guest.host.clock.now());
      const fmt = args.find((a) => a.startsWith('+'));
      if (fmt) return ok(`${formatDate(d, fmt.slice(1))}\n`);
      if (args.includes('-Iseconds') || args.includes('--iso-8601=seconds')) return ok(`${d.toISOString().slice(0, 19)}+00:00\n`);
      if (args.includes('-u') || args.includes('--utc') || args.length === 0) return ok(`${formatDate(d, '%a %b %e %T %Z %Y')}\n`);
      return ok(`${formatDate(d, '%a %b %e %T %Z %Y')}\n`);
    },
  };
}
