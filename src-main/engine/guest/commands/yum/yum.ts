/**
 * yum (and dnf on Amazon Linux 2023) over the offline catalog: install with dependency resolution
 * and yum's transaction summary, remove, list, update (all, --security, update-to), check-update
 * with --security (§6.2), clean, repolist. Output streams as it goes; repositories need the
 * internet (an internet gateway or NAT on the instance's route), as on AWS.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { installPackage, installedPackages, isInstalled, removePackage, resolve } from '../../packages';
import { fullVersion, packagesFor, type PackageInfo } from '../../catalog';
import { Output, fail, ok } from '../util';

const RULE = '='.repeat(80);

function repoOf(p: PackageInfo): string {
  return p.repo ?? (/amzn1$/.test(p.release ?? '') && p.name.startsWith('httpd') ? 'amzn-updates' : 'amzn-main');
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1048576).toFixed(1)} M` : `${Math.max(1, Math.round(n / 1024))} k`;
}

export function enabledRepos(env: CommandEnv, extra: string[]): Set<string> {
  const set = new Set(['amzn-main', 'amzn-updates', ...extra]);
  try {
    if (/enabled\s*=\s*1/.test(env.guest.rootFs.readSyncText('/etc/yum.repos.d/epel.repo'))) set.add('epel');
  } catch {
    // epel not enabled
  }
  return set;
}

/** Repositories are on the internet: without a route out, yum times out like on AWS. */
export function repoReachable(env: CommandEnv, host: string): boolean {
  const net = env.guest.host.net;
  const addr = net.resolve(env.guest, host);
  if (!addr) return false;
  const c = net.connect(env.guest, addr, 'tcp', 80);
  if (!c.ok && c.reason) env.io()?.blocked?.({ from: env.guest.sourceAddress(), to: `${host} (${addr})`, protocol: 'tcp', port: 80, ...c.reason });
  return c.ok;
}

function make(name: 'yum' | 'dnf', env: CommandEnv): ShellCommand {
  return {
    name,
    async run(args, ctx) {
      const out = new Output(env.io());
      const sleep = (ms: number): Promise<void> => env.guest.host.sleep(ms, ctx.signal);
      let assumeYes = false;
      let security = false;
      let quiet = false;
      const extraRepos: string[] = [];
      const words: string[] = [];
      for (const a of args) {
        if (a === '-y' || a === '--assumeyes') assumeYes = true;
        else if (a === '--security') security = true;
        else if (a === '-q' || a === '--quiet') quiet = true;
        else if (a.startsWith('--enablerepo=')) extraRepos.push(...a.slice(13).split(','));
        else if (a === '-h' || a === '--help') return ok(`Loaded plugins: priorities, update-motd, upgrade-helper\nUsage: ${name} [options] COMMAND\n\nList of Commands:\n\ncheck-update   Check for available package updates\nclean          Remove cached data\ninfo           Display details about a package or group of packages\ninstall        Install a package or packages on your system\nlist           List a package or groups of packages\nremove         Remove a package or packages from your system\nrepolist       Display the configured software repositories\nupdate         Update a package or packages on your system\nupdate-to      Update a package to a particular version\n`);
        else if (a.startsWith('-')) continue;
        else words.push(a);
      }
      const [verb, ...pkgs] = words;
      const header = (): void => {
        if (!quiet && name === 'yum') out.write('Loaded plugins: priorities, update-motd, upgrade-helper\n');
      };
      const catalog = packagesFor(env.guest.host.catalog, env.guest.image);
      const root = env.user().uid === 0;
      if (!verb) return fail(`You need to give some command\nusage: ${name} [options] COMMAND`);
      const needsRoot = ['install', 'remove', 'erase', 'update', 'upgrade', 'update-to', 'clean', 'reinstall'].includes(verb);
      if (needsRoot && !root) {
        header();
        out.error('You need to be root to perform this command.\n');
        return out.done(1);
      }
      header();
      const online = (): boolean => {
        if (repoReachable(env, `repo.${env.guest.identity.region}.amazonaws.com`)) return true;
        out.error(`Could not retrieve mirrorlist http://repo.${env.guest.identity.region}.amazonaws.com/latest/main/mirror.list error was\n12: Timeout on http://repo.${env.guest.identity.region}.amazonaws.com/latest/main/mirror.list: (28, 'Connection timed out after 10001 milliseconds')\n\n\n One of the configured repositories failed (amzn-main-Base),\n and yum doesn't have enough cached data to continue.\n`);
        return false;
      };
      const installed = installedPackages(env.guest);
      const pendingSecurity = env.guest.host.catalog.securityUpdates.filter((u) => installed.has(u.name) && installed.get(u.name) !== u.version);
      switch (verb) {
        case 'clean':
          out.write(`Cleaning repos: amzn-main amzn-updates${enabledRepos(env, extraRepos).has('epel') ? ' epel' : ''}\nCleaning up everything\n`);
          return out.done(0);
        case 'repolist': {
          const repos = enabledRepos(env, extraRepos);
          out.write(`repo id                  repo name                                  status\n${[...repos].map((r) => `${r.padEnd(24)} ${r.replace('amzn-', 'amzn-').padEnd(42)} ${r === 'epel' ? '12,184' : '5,891'}`).join('\n')}\nrepolist: ${repos.size === 3 ? '23,966' : '11,782'}\n`);
          return out.done(0);
        }
        case 'list': {
          const which = pkgs[0] === 'installed' ? [...installed.keys()] : pkgs.length ? pkgs : [...catalog.keys()];
          out.write(`${pkgs[0] === 'installed' ? 'Installed Packages' : 'Available Packages'}\n`);
          for (const n of which.sort()) {
            const p = catalog.get(n);
            if (!p) continue;
            out.write(`${`${p.name}.x86_64`.padEnd(40)}${(installed.get(p.name) ?? fullVersion(p)).padEnd(24)}${installed.has(p.name) ? '@amzn-main' : repoOf(p)}\n`);
          }
          return out.done(0);
        }
        case 'info': {
          for (const n of pkgs) {
            const p = catalog.get(n);
            if (!p) {
              out.error('Error: No matching Packages to list\n');
              return out.done(1);
            }
            out.write(`${isInstalled(env.guest, n) ? 'Installed' : 'Available'} Packages\nName        : ${p.name}\nArch        : x86_64\nVersion     : ${p.version}\nRelease     : ${p.release ?? '1'}\nSize        : ${size(p.size)}\nRepo        : ${repoOf(p)}\nSummary     : ${p.summary}\n\n`);
          }
          return out.done(0);
        }
        case 'check-update': {
          if (!online()) return out.done(1);
          if (security) out.write(`${pendingSecurity.length} package(s) needed for security, out of ${pendingSecurity.length} available\n\n`);
          for (const u of pendingSecurity) out.write(`${`${u.name}.x86_64`.padEnd(33)}${u.version.padEnd(33)}amzn-updates\n`);
          return out.done(pendingSecurity.length ? 100 : 0);
        }
        case 'update':
        case 'upgrade':
        case 'update-to': {
          if (!online()) return out.done(1);
          let targets = pendingSecurity;
          if (verb === 'update-to' || pkgs.length) {
            targets = pendingSecurity.filter((u) => pkgs.some((p) => p === u.name || p === `${u.name}-${u.version}`));
          }
          if (security) out.write(`${pendingSecurity.length} package(s) needed for security, out of ${pendingSecurity.length} available\n`);
          if (targets.length === 0) {
            out.write(security ? 'No packages needed for security; 0 packages available\n' : 'No packages marked for update\n');
            return out.done(0);
          }
          out.write('Resolving Dependencies\n--> Running transaction check\n');
          for (const u of targets) out.write(`---> Package ${u.name}.x86_64 0:${installed.get(u.name)} will be updated\n---> Package ${u.name}.x86_64 0:${u.version} will be an update\n`);
          out.write(`--> Finished Dependency Resolution\n\nDependencies Resolved\n\n${RULE}\n Package${' '.repeat(15)}Arch${' '.repeat(8)}Version${' '.repeat(21)}Repository${' '.repeat(8)}Size\n${RULE}\nUpdating:\n`);
          for (const u of targets) out.write(` ${u.name.padEnd(21)} x86_64      ${u.version.padEnd(27)} amzn-updates      ${size(catalog.get(u.name)?.size ?? 500000).padStart(5)}\n`);
          out.write(`\nTransaction Summary\n${RULE}\nUpgrade  ${targets.length} Package${targets.length > 1 ? 's' : ''}\n\n`);
          if (!(await confirm(env, out, assumeYes))) return out.done(1);
          out.write('Downloading packages:\nRunning transaction check\nRunning transaction test\nTransaction test succeeded\nRunning transaction\n');
          for (const [i, u] of targets.entries()) {
            await sleep(300);
            out.write(`  Updating   : ${u.name}-${u.version}.x86_64${' '.repeat(Math.max(1, 50 - u.name.length - u.version.length))}${i + 1}/${targets.length}\n`);
            const p = catalog.get(u.name);
            if (p) installPackage(env.guest, p, u.version);
            else {
              const db = installedPackages(env.guest);
              db.set(u.name, u.version);
            }
          }
          out.write(`\nUpdated:\n  ${targets.map((u) => `${u.name}.x86_64 0:${u.version}`).join('  ')}\n\nComplete!\n`);
          return out.done(0);
        }
        case 'remove':
        case 'erase': {
          const present = pkgs.filter((p) => installed.has(p));
          if (present.length === 0) {
            out.write(`No Match for argument: ${pkgs.join(' ')}\nNo Packages marked for removal\n`);
            return out.done(0);
          }
          out.write(`Resolving Dependencies\n--> Running transaction check\n${present.map((p) => `---> Package ${p}.x86_64 0:${installed.get(p)} will be erased\n`).join('')}--> Finished Dependency Resolution\n\nTransaction Summary\n${RULE}\nRemove  ${present.length} Package${present.length > 1 ? 's' : ''}\n\n`);
          if (!(await confirm(env, out, assumeYes))) return out.done(1);
          for (const p of present) {
            removePackage(env.guest, p);
            env.guest.services.delete(p === 'httpd24' ? 'httpd' : p);
          }
          out.write(`\nRemoved:\n  ${present.map((p) => `${p}.x86_64 0:${installed.get(p)}`).join('  ')}\n\nComplete!\n`);
          return out.done(0);
        }
        case 'install':
        case 'reinstall': {
          if (pkgs.length === 0) {
            out.error(`Error: Need to pass a list of pkgs to install\n Mini usage:\n\ninstall PACKAGE...\n\nInstall a package or packages on your system\n`);
            return out.done(1);
          }
          if (!online()) return out.done(1);
          const r = resolve(env.guest, pkgs, enabledRepos(env, extraRepos));
          for (const m of r.missing) out.write(`No package ${m} available.\n`);
          for (const a of r.already) out.write(`Package ${a.name}-${installed.get(a.name)}.x86_64 already installed and latest version\n`);
          if (r.install.length === 0) {
            if (r.missing.length) {
              out.error('Error: Nothing to do\n');
              return out.done(1);
            }
            out.write('Nothing to do\n');
            return out.done(0);
          }
          const requested = new Set(pkgs);
          const main = r.install.filter((p) => requested.has(p.name));
          const deps = r.install.filter((p) => !requested.has(p.name));
          out.write('Resolving Dependencies\n');
          await sleep(200);
          out.write('--> Running transaction check\n');
          for (const p of main) out.write(`---> Package ${p.name}.x86_64 0:${fullVersion(p)} will be installed\n`);
          for (const p of main) for (const d of p.requires ?? []) out.write(`--> Processing Dependency: ${d} for package: ${p.name}-${fullVersion(p)}.x86_64\n`);
          if (deps.length) {
            out.write('--> Running transaction check\n');
            for (const p of deps) out.write(`---> Package ${p.name}.x86_64 0:${fullVersion(p)} will be installed\n`);
          }
          out.write(`--> Finished Dependency Resolution\n\nDependencies Resolved\n\n${RULE}\n Package${' '.repeat(15)}Arch${' '.repeat(8)}Version${' '.repeat(21)}Repository${' '.repeat(8)}Size\n${RULE}\nInstalling:\n`);
          const row = (p: PackageInfo): string => ` ${p.name.padEnd(21)} x86_64      ${fullVersion(p).padEnd(27)} ${repoOf(p).padEnd(15)} ${size(p.size).padStart(7)}\n`;
          for (const p of main) out.write(row(p));
          if (deps.length) {
            out.write('Installing for dependencies:\n');
            for (const p of deps) out.write(row(p));
          }
          const total = r.install.reduce((s, p) => s + p.size, 0);
          out.write(`\nTransaction Summary\n${RULE}\nInstall  ${main.length} Package${main.length > 1 ? 's' : ''}${deps.length ? ` (+${deps.length} Dependent package${deps.length > 1 ? 's' : ''})` : ''}\n\nTotal download size: ${size(total)}\nInstalled size: ${size(total * 2.6)}\n`);
          if (!(await confirm(env, out, assumeYes))) return out.done(1);
          out.write('Downloading packages:\n');
          const n = r.install.length;
          for (const [i, p] of r.install.entries()) {
            await sleep(Math.max(50, (p.size / 20e6) * 1000));
            const file = `${p.name}-${fullVersion(p)}.x86_64.rpm`;
            out.write(`(${i + 1}/${n}): ${file.padEnd(50).slice(0, 50)} | ${size(p.size).replace(' ', ' ').padStart(6)}B  00:00:00     \n`);
          }
          out.write(`${'-'.repeat(80)}\nTotal${' '.repeat(46)}20 MB/s | ${size(total)}B  00:00:00     \nRunning transaction check\nRunning transaction test\nTransaction test succeeded\nRunning transaction\n`);
          for (const [i, p] of r.install.entries()) {
            await sleep(150);
            if (ctx.signal?.aborted) return out.done(130);
            installPackage(env.guest, p);
            const id = `${p.name}-${fullVersion(p)}.x86_64`;
            out.write(`  Installing : ${id.padEnd(58)} ${i + 1}/${n} \n`);
          }
          for (const [i, p] of r.install.entries()) out.write(`  Verifying  : ${`${p.name}-${fullVersion(p)}.x86_64`.padEnd(58)} ${i + 1}/${n} \n`);
          out.write(`\nInstalled:\n  ${main.map((p) => `${p.name}.x86_64 0:${fullVersion(p)}`).join('  ')}\n\n`);
          if (deps.length) out.write(`Dependency Installed:\n  ${deps.map((p) => `${p.name}.x86_64 0:${fullVersion(p)}`).join('  ')}\n\n`);
          out.write('Complete!\n');
          return out.done(0);
        }
        default:
          out.error(`No such command: ${verb}. Please use /usr/bin/${name} --help\n`);
          return out.done(1);
      }
    },
  };
}

async function confirm(env: CommandEnv, out: Output, assumeYes: boolean): Promise<boolean> {
  if (assumeYes) return true;
  const io = env.io();
  const answer = io?.streaming ? await io.readLine('Is this ok [y/d/N]: ') : null;
  if (answer && /^y(es)?$/i.test(answer.trim())) return true;
  out.write(answer === null && !io?.streaming ? 'Is this ok [y/d/N]: Exiting on user command\n' : 'Exiting on user command\n');
  out.write('Your transaction was saved, rerun it with:\n yum load-transaction /tmp/yum_save_tx.2018-01-15.10-12.x0Bv3O.yumtx\n');
  return false;
}

export const yumCommand = (env: CommandEnv): ShellCommand => make('yum', env);
export const dnfCommand = (env: CommandEnv): ShellCommand => make('dnf', env);

export function yumConfigManagerCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'yum-config-manager',
    async run(args) {
      if (env.user().uid !== 0) return fail('You need to be root to perform this command.');
      const i = args.indexOf('--enable');
      if (i >= 0 && args[i + 1]) {
        const repo = args[i + 1]!;
        env.guest.rootFs.mkdirSync('/etc/yum.repos.d', true);
        env.guest.rootFs.writeSync(`/etc/yum.repos.d/${repo}.repo`, new TextEncoder().encode(`[${repo}]\nname=${repo}\nenabled=1\n`), false);
        return ok(`Loaded plugins: priorities, update-motd, upgrade-helper\n${'='.repeat(30)} repo: ${repo} ${'='.repeat(30)}\n[${repo}]\nenabled = True\n`);
      }
      return ok('Loaded plugins: priorities, update-motd, upgrade-helper\n');
    },
  };
}
