/**
 * dd with the operands the book uses (if= of= bs= count= conv=). Reported throughput comes from the
 * device model (guest/devices.ts) and takes that long on the simulated clock; zeros are stored
 * without their bytes, so `dd if=/dev/zero ... bs=1M count=1024` does not write a real gigabyte.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { ddRate, ddSize, throughput } from '../../devices';
import { fail } from '../util';

function parseSize(v: string): number | undefined {
  const m = /^(\d+)([kKMGT]?)(B?)$/.exec(v);
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, k: 1024, K: 1024, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };
  const base = m[3] === 'B' ? { '': 1, k: 1000, K: 1000, M: 1e6, G: 1e9, T: 1e12 }[m[2]!]! : mult[m[2]!]!;
  return Number(m[1]) * base;
}

export function ddCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'dd',
    async run(args, ctx) {
      const op = new Map<string, string>();
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq <= 0) return fail(`dd: unrecognized operand '${a}'\nTry 'dd --help' for more information.`);
        op.set(a.slice(0, eq), a.slice(eq + 1));
      }
      const bs = parseSize(op.get('bs') ?? '512');
      if (bs === undefined) return fail(`dd: invalid number: '${op.get('bs')}'`);
      const count = op.has('count') ? Number(op.get('count')) : undefined;
      const input = op.get('if');
      const output = op.get('of');
      const fs = env.fs;
      const resolve = (p: string): string => fs.resolvePath(ctx.cwd, p);
      const kindOf = (path: string): { kind: 'ebs' | 'instance-store' | 'efs' | 'memory'; type?: string } => {
        const { mount } = env.guest.rootFs.mountFor(path);
        if (mount.fsType.startsWith('nfs')) return { kind: 'efs' };
        const vol = mount.point === '/' ? env.guest.rootVolume() : env.guest.volumeByDevice(mount.source);
        if (!vol) return { kind: 'memory' };
        return vol.kind === 'instance-store' ? { kind: 'instance-store' } : { kind: 'ebs', ...(vol.volumeType ? { type: vol.volumeType } : {}) };
      };
      let bytes: number;
      let rate: number;
      // A filesystem with its own throughput model (EFS bursting) says how long the transfer takes.
      const modelled = (path: string, direction: 'read' | 'write', n: number): number | undefined => {
        const t = env.guest.rootFs.mountFor(path).mount.backend.transfer?.(direction, n);
        return t !== undefined && t > 0 ? n / t : undefined;
      };
      try {
        if (input === '/dev/zero' || input === undefined) {
          if (count === undefined) return fail('dd: reading from /dev/zero without count= never ends in the lab; give count=');
          bytes = bs * count;
          if (output && output !== '/dev/null') {
            const p = resolve(output);
            fs.writeZerosSync(p, bytes);
            const k = kindOf(p);
            rate = modelled(p, 'write', bytes) ?? throughput(k.kind, k.type).write;
          } else rate = throughput('memory').write;
        } else {
          const src = resolve(input);
          const st = fs.statSync(src);
          const avail = st.kind === 'device' ? (env.guest.volumeByDevice(src)?.sizeBytes ?? 0) : st.size;
          bytes = Math.min(avail, count !== undefined ? bs * count : avail);
          const k = st.kind === 'device' ? { kind: 'ebs' as const } : kindOf(src);
          rate = (st.kind === 'device' ? undefined : modelled(src, 'read', bytes)) ?? throughput(k.kind, 'type' in k ? k.type : undefined).read;
          if (output && output !== '/dev/null') {
            const dst = resolve(output);
            if (st.kind === 'file' && bytes <= 16 * 2 ** 20) fs.writeSync(dst, fs.readSync(src).slice(0, bytes), false);
            else fs.writeZerosSync(dst, bytes);
            const kd = kindOf(dst);
            rate = Math.min(rate, modelled(dst, 'write', bytes) ?? throughput(kd.kind, kd.type).write);
          }
        }
      } catch (e) {
        const c = (e as { code?: string }).code;
        const which = c === 'ENOENT' && input && !fs.existsSync(resolve(input)) ? input : (output ?? input ?? '');
        const why = c === 'EACCES' ? 'Permission denied' : c === 'ENOSPC' ? 'No space left on device' : c === 'ENOENT' ? 'No such file or directory' : (e as Error).message;
        return fail(`dd: failed to open '${which}': ${why}`);
      }
      // Measurements vary a little from run to run.
      const jitter = 1 + (Math.random() - 0.5) * 0.02;
      const seconds = bytes / (rate * jitter);
      await env.guest.host.sleep(seconds * 1000, ctx.signal);
      const records = Math.floor(bytes / bs);
      const partial = bytes % bs ? 1 : 0;
      const oldStyle = env.guest.image.key === 'amzn-2017.09';
      const sizeText = oldStyle ? ddSize(bytes, 1000) : `${ddSize(bytes, 1000)}, ${ddSize(bytes, 1024)}`;
      const secs = seconds < 1 ? seconds.toPrecision(6) : seconds.toPrecision(6);
      const report = `${records}+${partial} records in\n${records}+${partial} records out\n${bytes} bytes (${sizeText}) copied, ${secs} s, ${ddRate(bytes / seconds)}\n`;
      return { stdout: '', stderr: report, exitCode: 0 };
    },
  };
}
