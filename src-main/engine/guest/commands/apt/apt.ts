/** apt-get / apt on Ubuntu: update, install (-y), remove, with apt's own wording (§3.1.3 linkchecker). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { installPackage, installedPackages, removePackage, resolve } from '../../packages';
import { repoReachable } from '../yum/yum';
import { Output } from '../util';

const MIRROR = (region: string): string => `http://${region}.ec2.archive.ubuntu.com/ubuntu`;

function codename(env: CommandEnv): string {
  const v = env.guest.image.key;
  return v.includes('16.04') ? 'xenial' : v.includes('22.04') ? 'jammy' : v.includes('24.04') ? 'noble' : 'xenial';
}

function kB(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1000)).toLocaleString('en-US')} kB`;
}

function make(name: 'apt-get' | 'apt', env: CommandEnv): ShellCommand {
  return {
    name,
    async run(args, ctx) {
      const out = new Output(env.io());
      const sleep = (ms: number): Promise<void> => env.guest.host.sleep(ms, ctx.signal);
      const yes = args.some((a) => a === '-y' || a === '--yes' || a === '--assume-yes' || a === '-qy');
      const words = args.filter((a) => !a.startsWith('-'));
      const [verb, ...pkgs] = words;
      const region = env.guest.identity.region;
      const mirror = MIRROR(region);
      const code = codename(env);
      if (!verb) {
        out.write(`apt ${name === 'apt' ? '1.2.24' : '1.2.24'} (amd64)\nUsage: ${name} [options] command\n\nMost used commands:\n  update - Retrieve new lists of packages\n  upgrade - Perform an upgrade\n  install - Install new packages (pkg is libc6 not libc6.deb)\n  remove - Remove packages\n`);
        return out.done(1);
      }
      const root = env.user().uid === 0;
      if (['update', 'install', 'remove', 'upgrade', 'purge'].includes(verb) && !root) {
        if (verb === 'update') out.error('E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n');
        else out.error('E: Could not open lock file /var/lib/dpkg/lock - open (13: Permission denied)\nE: Unable to lock the administration directory (/var/lib/dpkg/), are you root?\n');
        return out.done(100);
      }
      if (name === 'apt') out.error('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
      const online = repoReachable(env, `${region}.ec2.archive.ubuntu.com`);
      switch (verb) {
        case 'update': {
          const lines = [
            [`${code} InRelease`, 0],
            [`${code}-updates InRelease`, 102000],
            [`${code}-backports InRelease`, 102000],
            [`${code}/main Sources [868 kB]`, 868000],
            [`${code}/universe amd64 Packages [7,532 kB]`, 7532000],
          ] as const;
          if (!online) {
            for (const [i, [l]] of lines.slice(0, 3).entries()) {
              await sleep(2000);
              out.write(`Err:${i + 1} ${mirror} ${l.split(' ')[0]}\n  Could not connect to ${region}.ec2.archive.ubuntu.com:80 (52.91.65.63), connection timed out\n`);
            }
            out.write('Reading package lists... Done\n');
            out.error(`W: Failed to fetch ${mirror}/dists/${code}/InRelease  Could not connect to ${region}.ec2.archive.ubuntu.com:80 (52.91.65.63), connection timed out\nW: Some index files failed to download. They have been ignored, or old ones used instead.\n`);
            return out.done(0);
          }
          for (const [i, [l, size]] of lines.entries()) {
            await sleep(120);
            out.write(`${size ? 'Get' : 'Hit'}:${i + 1} ${mirror} ${l}${size && !l.includes('[') ? ` [${kB(size)}]` : ''}\n`);
          }
          out.write('Fetched 8,604 kB in 2s (3,802 kB/s)\nReading package lists... Done\n');
          env.guest.rootFs.mkdirSync('/var/lib/apt/lists', true);
          env.guest.rootFs.writeSync('/var/lib/apt/lists/nimbus-updated', new TextEncoder().encode(String(env.guest.host.clock.now())), false);
          return out.done(0);
        }
        case 'install': {
          out.write('Reading package lists... Done\nBuilding dependency tree       \nReading state information... Done\n');
          const r = resolve(env.guest, pkgs, new Set());
          if (r.missing.length) {
            out.error(`E: Unable to locate package ${r.missing[0]}\n`);
            return out.done(100);
          }
          const installed = installedPackages(env.guest);
          for (const a of r.already) out.write(`${a.name} is already the newest version (${installed.get(a.name)}).\n`);
          if (r.install.length === 0) {
            out.write('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
            return out.done(0);
          }
          const requested = new Set(pkgs);
          const extra = r.install.filter((p) => !requested.has(p.name));
          if (extra.length) out.write(`The following additional packages will be installed:\n  ${extra.map((p) => p.name).join(' ')}\n`);
          out.write(`The following NEW packages will be installed:\n  ${r.install.map((p) => p.name).sort().join(' ')}\n0 upgraded, ${r.install.length} newly installed, 0 to remove and 0 not upgraded.\n`);
          const total = r.install.reduce((s, p) => s + p.size, 0);
          out.write(`Need to get ${kB(total)} of archives.\nAfter this operation, ${kB(total * 4.3)} of additional disk space will be used.\n`);
          if (!yes) {
            const io = env.io();
            const answer = io?.streaming ? await io.readLine('Do you want to continue? [Y/n] ') : null;
            if (answer === null || /^n/i.test(answer.trim())) {
              out.write(answer === null && !io?.streaming ? 'Do you want to continue? [Y/n] Abort.\n' : 'Abort.\n');
              return out.done(1);
            }
          }
          if (!online) {
            out.error(`E: Failed to fetch ${mirror}/pool/main/${r.install[0]!.name[0]}/${r.install[0]!.name}/${r.install[0]!.name}_${r.install[0]!.version}_all.deb  Could not connect to ${region}.ec2.archive.ubuntu.com:80, connection timed out\n\nE: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?\n`);
            return out.done(100);
          }
          for (const [i, p] of r.install.entries()) {
            await sleep(Math.max(60, (p.size / 8e6) * 1000));
            out.write(`Get:${i + 1} ${mirror} ${code}/universe amd64 ${p.name} all ${p.version} [${kB(p.size)}]\n`);
          }
          out.write(`Fetched ${kB(total)} in 0s (${kB(total * 9)}/s)\n`);
          for (const p of r.install) {
            out.write(`Selecting previously unselected package ${p.name}.\n(Reading database ... 51143 files and directories currently installed.)\nPreparing to unpack .../${p.name}_${p.version}_all.deb ...\nUnpacking ${p.name} (${p.version}) ...\n`);
            await sleep(80);
          }
          out.write('Processing triggers for man-db (2.7.5-1) ...\n');
          for (const p of r.install) {
            installPackage(env.guest, p);
            out.write(`Setting up ${p.name} (${p.version}) ...\n`);
          }
          return out.done(0);
        }
        case 'remove':
        case 'purge': {
          out.write('Reading package lists... Done\nBuilding dependency tree       \nReading state information... Done\n');
          const installed = installedPackages(env.guest);
          const present = pkgs.filter((p) => installed.has(p));
          for (const p of pkgs.filter((x) => !installed.has(x))) out.write(`Package '${p}' is not installed, so not removed\n`);
          if (present.length) out.write(`The following packages will be REMOVED:\n  ${present.join(' ')}\n`);
          out.write(`0 upgraded, 0 newly installed, ${present.length} to remove and 0 not upgraded.\n`);
          for (const p of present) {
            removePackage(env.guest, p);
            out.write(`Removing ${p} (${installed.get(p)}) ...\n`);
          }
          return out.done(0);
        }
        case 'upgrade':
          out.write('Reading package lists... Done\nBuilding dependency tree       \nReading state information... Done\nCalculating upgrade... Done\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
          return out.done(0);
        default:
          out.error(`E: Invalid operation ${verb}\n`);
          return out.done(100);
      }
    },
  };
}

export const aptGetCommand = (env: CommandEnv): ShellCommand => make('apt-get', env);
export const aptCommand = (env: CommandEnv): ShellCommand => make('apt', env);
