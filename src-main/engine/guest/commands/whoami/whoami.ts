/** whoami, id, groups: the effective user from the guest's /etc/passwd and /etc/group. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { groupNames } from '../../users';
import { fail, ok } from '../util';

export function whoamiCommand(env: CommandEnv): ShellCommand {
  return { name: 'whoami', run: async () => ok(`${env.user().name}\n`) };
}

function groupTable(env: CommandEnv): Map<number, string> {
  try {
    return groupNames(env.guest.rootFs.readSyncText('/etc/group'));
  } catch {
    return new Map([[0, 'root']]);
  }
}

export function idCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'id',
    async run(args) {
      const name = args.find((a) => !a.startsWith('-'));
      const u = name ? env.guest.user(name) : env.user();
      if (!u) return fail(`id: ${name}: no such user`);
      const g = groupTable(env);
      if (args.includes('-u')) return ok(args.includes('-n') ? `${u.name}\n` : `${u.uid}\n`);
      if (args.includes('-g')) return ok(args.includes('-n') ? `${g.get(u.gid) ?? u.gid}\n` : `${u.gid}\n`);
      if (args.includes('-G')) return ok(`${u.groups.map((x) => (args.includes('-n') ? (g.get(x) ?? x) : x)).join(' ')}\n`);
      const groups = u.groups.map((x) => `${x}(${g.get(x) ?? x})`).join(',');
      return ok(`uid=${u.uid}(${u.name}) gid=${u.gid}(${g.get(u.gid) ?? u.gid}) groups=${groups}\n`);
    },
  };
}

export function groupsCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'groups',
    async run() {
      const g = groupTable(env);
      return ok(`${env.user().groups.map((x) => g.get(x) ?? String(x)).join(' ')}\n`);
    },
  };
}
