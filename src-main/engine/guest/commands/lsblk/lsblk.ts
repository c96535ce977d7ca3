/** lsblk and fdisk -l: the instance's block devices (EBS, instance store) as Xen shows them. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { guestDeviceName, humanSize } from '../../devices';
import { fail, ok } from '../util';

export function blockDevices(env: CommandEnv): { name: string; size: number; root: boolean; minor: number }[] {
  return env.guest.identity.volumes
    .map((v) => {
      const name = guestDeviceName(v.device, env.guest.image).slice(5);
      const letter = name.replace(/^(xvd|sd|nvme)/, '').charCodeAt(0) - 97;
      return { name, size: v.sizeBytes, root: !!v.root, minor: Math.max(0, letter) * 16 };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function lsblkCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'lsblk',
    async run(args) {
      if (args.some((a) => a.startsWith('-') && !['-a', '-l', '--all'].includes(a))) return fail(`lsblk: invalid option -- '${args[0]!.replace(/^-+/, '')}'`);
      const mounts = env.guest.rootFs.listMounts();
      const point = (dev: string): string => mounts.find((m) => m.source === `/dev/${dev}`)?.point ?? '';
      let out = 'NAME    MAJ:MIN RM SIZE RO TYPE MOUNTPOINT\n';
      for (const d of blockDevices(env)) {
        const size = humanSize(d.size).replace(/\.0([A-Z])$/, '$1');
        out += `${d.name.padEnd(7)} 202:${String(d.minor).padEnd(3)} 0 ${size.padStart(4)}  0 disk ${d.root ? '' : point(d.name)}\n`;
        if (d.root) out += `└─${`${d.name}1`.padEnd(5)} 202:${String(d.minor + 1).padEnd(3)} 0 ${size.padStart(4)}  0 part /\n`;
      }
      return ok(out);
    },
  };
}

export function fdiskCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'fdisk',
    async run(args) {
      if (!args.includes('-l')) return fail('Usage:\n fdisk [options] <disk>    change partition table\n fdisk [options] -l <disk> list partition table(s)', 1);
      if (env.user().uid !== 0) return ok();
      const only = args.filter((a) => !a.startsWith('-'));
      const blocks: string[] = [];
      for (const d of blockDevices(env)) {
        if (only.length && !only.includes(`/dev/${d.name}`)) continue;
        const sectors = Math.floor(d.size / 512);
        let text = `Disk /dev/${d.name}: ${Math.floor(d.size / 1e6)} MB, ${d.size} bytes, ${sectors} sectors\nUnits = sectors of 1 * 512 = 512 bytes\nSector size (logical/physical): 512 bytes / 512 bytes\nI/O size (minimum/optimal): 512 bytes / 512 bytes\n`;
        if (d.root) {
          text += `Disk label type: gpt\n\n\n#         Start          End    Size  Type            Name\n 1         4096     ${String(sectors - 34).padStart(8)}  ${humanSize(d.size).replace(/\.0([A-Z])$/, '$1').padStart(5)}  Linux filesyste Linux\n128         2048         4095      1M  BIOS boot parti BIOS Boot Partition\n`;
        }
        blocks.push(text);
      }
      return ok(`${blocks.join('\n')}\n`);
    },
  };
}
