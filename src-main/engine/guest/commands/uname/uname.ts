/** uname: the AMI's kernel (4.9.76-3.78.amzn1.x86_64 on Amazon Linux AMI 2017.09). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail, ok } from '../util';

export function unameCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'uname',
    async run(args) {
      const img = env.guest.image;
      const host = env.shell.hostname();
      const fields = { s: 'Linux', n: host, r: img.kernel, v: img.kernelBuild, m: 'x86_64', p: 'x86_64', i: 'x86_64', o: 'GNU/Linux' };
      const letters: string[] = [];
      for (const a of args) {
        if (a === '-a' || a === '--all') letters.push('s', 'n', 'r', 'v', 'm', 'p', 'i', 'o');
        else if (/^-[snrvmpio]+$/.test(a)) letters.push(...a.slice(1));
        else if (a === '--kernel-release') letters.push('r');
        else if (a === '--version') return ok('uname (GNU coreutils) 8.22\n');
        else return fail(`uname: invalid option -- '${a.replace(/^-+/, '')}'\nTry 'uname --help' for more information.`);
      }
      if (letters.length === 0) letters.push('s');
      const order = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'];
      const chosen = order.filter((l) => letters.includes(l));
      return ok(`${chosen.map((l) => fields[l as keyof typeof fields]).join(' ')}\n`);
    },
  };
}
