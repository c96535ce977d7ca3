/**
 * mount / umount / fsfreeze. EBS and instance-store devices mount if they hold a filesystem (mkfs
 * first, §9.1.2); `mount -a` applies /etc/fstab; NFS (EFS) mounts go through the network and the
 * injected NFS resolver. Listing shows the mount table like /proc/mounts.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail, ok } from '../util';
import type { TerminalIo } from '../../types';
import { isNfsType, mountNfs } from './nfs';

export interface FstabEntry {
  device: string;
  point: string;
  type: string;
  options: string;
}

export function parseFstab(text: string): FstabEntry[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(/\s+/))
    .filter((f) => f.length >= 3)
    .map(([device, point, type, options]) => ({ device: device!, point: point!, type: type!, options: options ?? 'defaults' }));
}

/**
 * Mounts fstab entries that are not mounted yet; returns error lines (boot logs them, mount -a prints
 * them). NFS entries whose connection was dropped are handed to `onTimeout` (mount -a waits for it).
 */
export function mountFstab(env: Pick<CommandEnv, 'guest'>, onTimeout?: (ms: number) => void, io?: TerminalIo): string[] {
  const errors: string[] = [];
  let text = '';
  try {
    text = env.guest.rootFs.readSyncText('/etc/fstab');
  } catch {
    return errors;
  }
  for (const e of parseFstab(text)) {
    if (e.point === '/' || e.point === 'none' || e.type === 'tmpfs' || e.type === 'swap' || e.type === 'proc' || e.type === 'sysfs' || e.type === 'devpts') continue;
    if (env.guest.rootFs.listMounts().some((m) => m.point === e.point)) continue;
    if (isNfsType(e.type, e.device)) {
      const r = mountNfs(env.guest, e.device, e.point, e.type, e.options, io);
      if (r.timeoutMs) onTimeout?.(r.timeoutMs);
      if (r.error && !e.options.split(',').includes('nofail')) errors.push(r.error);
      continue;
    }
    if (!env.guest.rootFs.existsSync(e.point)) {
      errors.push(`mount: mount point ${e.point} does not exist`);
      continue;
    }
    const err = env.guest.mountVolume(e.device, e.point, e.options === 'defaults' ? 'rw,relatime' : e.options);
    if (err && !(e.options.includes('nofail') && /does not exist/.test(err))) errors.push(err);
  }
  return errors;
}

export function mountCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'mount',
    async run(args, ctx) {
      const ops: string[] = [];
      let type: string | undefined;
      let options: string | undefined;
      let all = false;
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-t') type = args[++i];
        else if (a === '-o') options = args[++i];
        else if (a === '-a') all = true;
        else if (a === '-v') continue;
        else if (a.startsWith('-')) return fail(`mount: invalid option -- '${a.slice(1)}'`);
        else ops.push(a);
      }
      if (!all && ops.length === 0) {
        const list = env.guest.rootFs.listMounts().map((m) => `${m.source} on ${m.point} type ${m.fsType} (${m.options})`);
        return ok(`${list.join('\n')}\n`);
      }
      if (env.user().uid !== 0) return fail('mount: only root can do that');
      if (all) {
        let wait = 0;
        const errs = mountFstab(env, (ms) => (wait = Math.max(wait, ms)), env.io());
        if (wait) await env.guest.host.waitTimeout(wait, ctx.signal);
        return errs.length ? fail(errs.join('\n'), 32) : ok();
      }
      let [dev, point] = ops;
      if (!point) {
        const e = parseFstab(env.guest.rootFs.readSyncText('/etc/fstab')).find((x) => x.device === dev || x.point === dev);
        if (!e) return fail(`mount: can't find ${dev} in /etc/fstab`);
        dev = e.device;
        point = e.point;
        type ??= e.type;
      }
      const target = env.fs.resolvePath(ctx.cwd, point);
      if (isNfsType(type, dev!)) {
        const r = mountNfs(env.guest, dev!, target, type, options ?? '', env.io());
        if (r.timeoutMs) await env.guest.host.waitTimeout(r.timeoutMs, ctx.signal);
        return r.error ? fail(r.error, type === 'efs' ? 1 : 32) : ok();
      }
      if (!env.fs.existsSync(target)) return fail(`mount: mount point ${target} does not exist`, 32);
      const err = env.guest.mountVolume(dev!, target, options ?? 'rw,relatime');
      return err ? fail(err, 32) : ok();
    },
  };
}

export function umountCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'umount',
    async run(args, ctx) {
      const ops = args.filter((a) => !a.startsWith('-'));
      if (ops.length === 0) return fail('Usage:\n umount [-hV]\n umount -a [options]\n umount [options] <source> | <directory>');
      if (env.user().uid !== 0) return fail(`umount: only root can unmount ${ops[0]} from ${ops[0]}`);
      let stderr = '';
      for (const o of ops) {
        const p = o.startsWith('/dev/') ? o : env.fs.resolvePath(ctx.cwd, o).replace(/\/$/, '') || '/';
        const m = env.guest.rootFs.listMounts().find((x) => x.point === p || x.source === p);
        if (!m || m.point === '/' || m.point === '/proc' || m.point === '/dev') {
          stderr += m ? `umount: ${p}: target is busy.\n` : `umount: ${o}: not mounted\n`;
          continue;
        }
        const busy = [ctx.cwd].some((c) => c === m.point || c.startsWith(`${m.point}/`));
        if (busy) {
          stderr += `umount: ${m.point}: target is busy.\n        (In some cases useful info about processes that use\n         the device is found by lsof(8) or fuser(1))\n`;
          continue;
        }
        env.guest.rootFs.unmount(m.point);
      }
      return { stdout: '', stderr, exitCode: stderr ? 32 : 0 };
    },
  };
}

export function fsfreezeCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'fsfreeze',
    async run(args, ctx) {
      const freeze = args.includes('-f') || args.includes('--freeze');
      const thaw = args.includes('-u') || args.includes('--unfreeze');
      const point = args.find((a) => !a.startsWith('-'));
      if (!point || freeze === thaw) return fail('Usage:\n fsfreeze [options] <mountpoint>\n\nOptions:\n -f, --freeze      freeze the filesystem\n -u, --unfreeze    unfreeze the filesystem');
      if (env.user().uid !== 0) return fail(`fsfreeze: cannot open ${point}: Permission denied`);
      const p = env.fs.resolvePath(ctx.cwd, point).replace(/\/$/, '') || '/';
      if (!env.guest.rootFs.listMounts().some((m) => m.point === p)) return fail(`fsfreeze: ${point}: not a mountpoint`);
      // Writers to a frozen filesystem wait (guest-fs.ts) until it is thawed.
      if (freeze) {
        if (!env.guest.rootFs.freeze(p)) return fail(`fsfreeze: ${point}: freeze failed: Device or resource busy`);
        env.guest.frozen.add(p);
      } else {
        if (!env.guest.rootFs.thaw(p)) return fail(`fsfreeze: ${point}: unfreeze failed: Invalid argument`);
        env.guest.frozen.delete(p);
      }
      return ok();
    },
  };
}
