/** mkfs -t ext4|xfs (and mkfs.ext4, mkfs.xfs): formats a block device, erasing what it held (§9.1.2). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { formatVolume, ensureVolume } from '../../fs/volume';
import { fail, ok } from '../util';

function uuid(seed: string): string {
  let h = 2166136261;
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i % seed.length) ^ i, 16777619) >>> 0;
    hex.push((h & 15).toString(16));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

export function ext4Report(bytes: number, id: string): string {
  const blocks = Math.floor(bytes / 4096);
  const inodes = Math.floor(bytes / 16384);
  const groups = Math.ceil(blocks / 32768);
  const backups: number[] = [];
  for (let g = 1; g < groups; g++) {
    const power = (b: number): boolean => {
      let x = g;
      while (x % b === 0) x /= b;
      return x === 1;
    };
    if (g === 1 || power(3) || power(5) || power(7)) backups.push(g * 32768);
  }
  const journal = blocks >= 262144 ? 32768 : blocks >= 32768 ? 4096 : 1024;
  return `mke2fs 1.42.12 (29-Aug-2014)\nCreating filesystem with ${blocks} 4k blocks and ${inodes} inodes\nFilesystem UUID: ${uuid(id)}\nSuperblock backups stored on blocks: \n\t${backups.join(', ')}\n\nAllocating group tables: done                            \nWriting inode tables: done                            \nCreating journal (${journal} blocks): done\nWriting superblocks and filesystem accounting information: done\n\n`;
}

function xfsReport(bytes: number, dev: string): string {
  const blocks = Math.floor(bytes / 4096);
  const ag = 4;
  return `meta-data=${dev.padEnd(22)} isize=512    agcount=${ag}, agsize=${blocks / ag} blks\n         =                       sectsz=512   attr=2, projid32bit=1\n         =                       crc=1        finobt=1, sparse=0\ndata     =                       bsize=4096   blocks=${blocks}, imaxpct=25\n         =                       sunit=0      swidth=0 blks\nnaming   =version 2              bsize=4096   ascii-ci=0 ftype=1\nlog      =internal log           bsize=4096   blocks=2560, version=2\n         =                       sectsz=512   sunit=0 blks, lazy-count=1\nrealtime =none                   extsz=4096   blocks=0, rtextents=0\n`;
}

function make(name: string, fixedType: string | undefined, env: CommandEnv): ShellCommand {
  return {
    name,
    async run(args) {
      let type = fixedType ?? 'ext2';
      const ops: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-t') type = args[++i] ?? type;
        else if (a === '-f' || a === '-F' || a === '-q') continue;
        else if (a === '-L') i++;
        else if (a.startsWith('-')) return fail(`${name}: invalid option -- '${a.slice(1)}'`);
        else ops.push(a);
      }
      const dev = ops[0];
      if (!dev) return fail(`Usage: mkfs [options] [-t <type>] [fs-options] <device> [<size>]`);
      if (!['ext2', 'ext3', 'ext4', 'xfs'].includes(type)) return fail(`mkfs: failed to execute mkfs.${type}: No such file or directory`);
      const prog = `mkfs.${type}`;
      const vol = env.guest.volumeByDevice(dev);
      if (!vol) return fail(type === 'xfs' ? `${prog}: cannot open ${dev}: No such file or directory` : `mke2fs 1.42.12 (29-Aug-2014)\nThe file ${dev} does not exist and no size was specified.`);
      if (env.user().uid !== 0) return fail(type === 'xfs' ? `${prog}: cannot open ${dev}: Permission denied` : `mke2fs 1.42.12 (29-Aug-2014)\n${prog}: Permission denied while trying to determine filesystem size`);
      if (vol.root || /\d$/.test(dev)) return fail(`mke2fs 1.42.12 (29-Aug-2014)\n${dev} is apparently in use by the system; will not make a filesystem here!`);
      if (env.guest.rootFs.listMounts().some((m) => m.source === dev)) return fail(`mke2fs 1.42.12 (29-Aug-2014)\n${dev} is mounted; will not make a filesystem here!`);
      const store = env.guest.host.store;
      ensureVolume(store, vol.dataId, vol.sizeBytes, env.guest.host.clock.now());
      formatVolume(store, vol.dataId, type, env.guest.host.clock.now());
      return ok(type === 'xfs' ? xfsReport(vol.sizeBytes, dev) : ext4Report(vol.sizeBytes, vol.dataId));
    },
  };
}

export const mkfsCommand = (env: CommandEnv): ShellCommand => make('mkfs', undefined, env);
export const mkfsExt4Command = (env: CommandEnv): ShellCommand => make('mkfs.ext4', 'ext4', env);
export const mkfsXfsCommand = (env: CommandEnv): ShellCommand => make('mkfs.xfs', 'xfs', env);
