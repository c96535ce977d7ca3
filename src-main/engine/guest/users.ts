/** Users and groups, read from the guest's own /etc/passwd and /etc/group (so useradd persists). */
export interface GuestUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
  groups: number[];
}

export function parsePasswd(passwd: string, group: string): GuestUser[] {
  const groups = group
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(':'))
    .map(([name, , gid, members]) => ({ name: name!, gid: Number(gid), members: (members ?? '').split(',').filter(Boolean) }));
  return passwd
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(':'))
    .map(([name, , uid, gid, , home, shell]) => {
      const n = name!;
      const primary = Number(gid);
      return {
        name: n,
        uid: Number(uid),
        gid: primary,
        home: home ?? '/',
        shell: shell ?? '/bin/bash',
        groups: [primary, ...groups.filter((g) => g.members.includes(n) && g.gid !== primary).map((g) => g.gid)],
      };
    });
}

export function groupNames(group: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const l of group.split('\n').filter(Boolean)) {
    const [name, , gid] = l.split(':');
    out.set(Number(gid), name!);
  }
  return out;
}
