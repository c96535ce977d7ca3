/** df (-h, -T, -k) over the mount table: the root volume, mounted EBS volumes, instance store, tmpfs. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { humanSize } from '../../devices';
import { memory } from '../../proc';
import { ok } from '../util';

export function dfCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'df',
    async run(args, ctx) {
      const human = args.some((a) => /^-[a-zA-Z]*h/.test(a));
      const showType = args.some((a) => /^-[a-zA-Z]*T/.test(a));
      const operands = args.filter((a) => !a.startsWith('-'));
      const memKiB = memory(env.guest.identity.hardware).totalKiB;
      type Row = { source: string; type: string; size: number; used: number; point: string };
      const rows: Row[] = [
        { source: 'devtmpfs', type: 'devtmpfs', size: memKiB * 1024 - 8 * 2 ** 20, used: 56 * 1024, point: '/dev' },
        { source: 'tmpfs', type: 'tmpfs', size: memKiB * 1024, used: 0, point: '/dev/shm' },
      ];
      for (const m of env.guest.rootFs.listMounts()) {
        if (m.capacityBytes === undefined) continue;
        // Filesystem metadata takes a few percent (a fresh 5 GiB ext4 volume shows 4.8G, 10M used,
        // §9.1.2); the root filesystem lives in a partition of an 8 GiB disk (7.8G).
        // An NFS server reports its own figures (EFS: 8 EiB, and what is stored).
        const nfs = m.fsType.startsWith('nfs');
        const overhead = nfs ? 0 : m.point === '/' ? 0.025 : m.fsType.startsWith('ext') ? 0.04 : 0.01;
        const size = Math.floor(m.capacityBytes * (1 - overhead));
        const used = Math.min(size, m.backend.usedBytes() + (m.point === '/' || nfs ? 0 : 10 * 2 ** 20 - 64 * 1024));
        rows.push({ source: m.source, type: m.fsType, size, used, point: m.point });
      }
      let shown = rows;
      if (operands.length) {
        shown = operands.map((o) => {
          const p = env.fs.resolvePath(ctx.cwd, o);
          const { mount } = env.guest.rootFs.mountFor(p);
          return rows.find((r) => r.point === mount.point) ?? rows[rows.length - 1]!;
        });
      }
      // ext4 reserves blocks for root (5%; the AMI's root filesystem keeps 1%).
      const reserve = (r: Row): number => (r.type.startsWith('ext') ? Math.floor(r.size * (r.point === '/' ? 0.01 : 0.05)) : 0);
      const avail = (r: Row): number => Math.max(0, r.size - r.used - reserve(r));
      const pct = (r: Row): string => (r.size === 0 ? '-' : `${Math.ceil((r.used / Math.max(1, r.used + avail(r))) * 100)}%`);
      const fmt = (b: number): string => (human ? humanSize(b) : String(Math.floor(b / 1024)));
      const header = ['Filesystem', ...(showType ? ['Type'] : []), human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
      const table = [header, ...shown.map((r) => [r.source, ...(showType ? [r.type] : []), fmt(r.size), fmt(r.used), fmt(avail(r)), pct(r), r.point])];
      // GNU df's minimum widths: 14 for the source, 5 (human) or 9 for the numbers, 4 for Use%.
      const mins = header.map((h, i) => (i === 0 ? 14 : showType && i === 1 ? 4 : h === 'Use%' ? 4 : h === 'Mounted on' ? 0 : human ? 5 : 9));
      const widths = header.map((_h, i) => Math.max(mins[i]!, ...table.map((row) => row[i]!.length)));
      const out = table
        .map((row) => row.map((c, i) => (i === 0 || (showType && i === 1) || i === row.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ').trimEnd())
        .join('\n');
      return ok(`${out}\n`);
    },
  };
}
