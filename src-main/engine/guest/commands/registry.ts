/**
 * Every guest command, built for one shell session. Which ones exist depends on the image (no
 * systemctl on the SysV Amazon Linux AMI, apt only on Ubuntu, the workstation has ssh and aws but
 * no package manager) and, for packaged programs, on what is installed.
 */
import { BUILTINS, type ShellCommand } from '../shell';
import type { Guest } from '../machine';
import type { GuestShell } from '../session';
import type { GuestUser } from '../users';
import type { TerminalIo } from '../types';
import type { GuestFs } from '../fs/guest-fs';
import { sudoCommand, suCommand } from './sudo/sudo';
import { groupsCommand, idCommand, whoamiCommand } from './whoami/whoami';
import { hostnameCommand } from './hostname/hostname';
import { unameCommand } from './uname/uname';
import { freeCommand, nprocCommand, uptimeCommand } from './uptime/uptime';
import { dateCommand } from './date/date';
import { lsCommand } from './ls/ls';
import { teeCommand } from './tee/tee';
import { chgrpCommand, chownCommand } from './chown/chown';
import { killCommand, psCommand } from './ps/ps';
import { topCommand } from './top/top';
import { dfCommand } from './df/df';
import { fdiskCommand, lsblkCommand } from './lsblk/lsblk';
import { mkfsCommand, mkfsExt4Command, mkfsXfsCommand } from './mkfs/mkfs';
import { fsfreezeCommand, mountCommand, umountCommand } from './mount/mount';
import { ddCommand } from './dd/dd';
import { flockCommand } from './flock/flock';
import { cpCommand } from './cp/cp';
import { dnfCommand, yumCommand, yumConfigManagerCommand } from './yum/yum';
import { aptCommand, aptGetCommand } from './apt/apt';
import { chkconfigCommand, serviceCommand, systemctlCommand } from './service/service';
import { curlCommand } from './curl/curl';
import { wgetCommand } from './wget/wget';
import { pingCommand } from './ping/ping';
import { ncCommand } from './nc/nc';
import { ifconfigCommand, ipCommand } from './ip/ip';
import { digCommand, hostCommand, nslookupCommand } from './nslookup/nslookup';
import { sshAddCommand, sshAgentCommand, sshCommand, sshKeygenCommand } from './ssh/ssh';
import { haltCommand, poweroffCommand, rebootCommand, shutdownCommand } from './shutdown/shutdown';
import { atCommand, atqCommand, atrmCommand } from './at/at';
import { crontabCommand } from './crontab/crontab';
import { historyCommand } from './history/history';
import { ABSENT, PACKAGED, absentCommand, packagedCommand } from './packaged/packaged';
import { GUARDED_READERS, readerCommand } from './cat/cat';
import { programRunnerCommand } from './program/program';
import { viCommand } from './vi/vi';
import { python3Command } from './python3/python3';
import { nanoCommand } from './nano/nano';
import { pagerCommand } from './less/less';
import { opensslCommand } from './openssl/openssl';
import { unzipCommand } from './unzip/unzip';
import { rsyncCommand } from './rsync/rsync';
import { whichCommand } from './which/which';
import { abCommand } from './ab/ab';
import { telnetCommand } from './telnet/telnet';
import { mysqlCommand } from './mysql/mysql';
import { psqlCommand } from './psql/psql';
import { gitCommand } from './git/git';
import { redisCliCommand } from './redis-cli/redis-cli';
import { providerOf } from '../packages';

/** What every guest command is built with. */
export interface CommandEnv {
  guest: Guest;
  shell: GuestShell;
  /** The effective user (sudo changes it while its command runs). */
  user(): GuestUser;
  asUser<T>(user: GuestUser, fn: () => Promise<T>): Promise<T>;
  /** The terminal, while a line typed there runs; undefined for scripts, cron and remote commands. */
  io(): TerminalIo | undefined;
  /** The filesystem as the effective user sees it. */
  fs: GuestFs;
}

type Factory = (env: CommandEnv) => ShellCommand;

const COMMON: Factory[] = [
  sudoCommand, suCommand, whoamiCommand, idCommand, groupsCommand, hostnameCommand, unameCommand, uptimeCommand,
  nprocCommand, freeCommand, dateCommand, lsCommand, teeCommand, chownCommand, chgrpCommand, psCommand, killCommand,
  topCommand, dfCommand, lsblkCommand, fdiskCommand, mkfsCommand, mkfsExt4Command, mkfsXfsCommand, mountCommand,
  umountCommand, fsfreezeCommand, flockCommand, cpCommand, ddCommand, curlCommand, wgetCommand, pingCommand, ncCommand, ipCommand,
  ifconfigCommand, nslookupCommand, hostCommand, digCommand, sshCommand, sshAgentCommand, sshAddCommand,
  sshKeygenCommand, shutdownCommand, haltCommand, poweroffCommand, rebootCommand, atCommand, atqCommand, atrmCommand,
  crontabCommand, historyCommand, serviceCommand,
  (env) => viCommand('vi', env), (env) => viCommand('vim', env), nanoCommand, (env) => pagerCommand('less', env),
  (env) => pagerCommand('more', env), opensslCommand, unzipCommand, rsyncCommand, whichCommand,
];

/** Packaged programs that have a command of their own (the rest answer from packaged.ts). */
const OWN_PACKAGED: Record<string, (env: CommandEnv, installed: () => boolean) => ShellCommand> = {
  ab: abCommand,
  telnet: telnetCommand,
  // The learner's workstation has git, as the book expects of their computer; instances get it from a package.
  git: (env, installed) =>
    gitCommand(env, () => (env.guest.image.packageManager === 'none' ? '2.39.2' : installed() ? providerOf(env.guest, 'git')!.version.replace(/^\d+:/, '').replace(/[-~+].*$/, '') : undefined)),
  'redis-cli': redisCliCommand,
  mysql: (env, installed) => mysqlCommand('mysql', env, installed, () => providerOf(env.guest, 'mysql')?.version ?? ''),
  psql: psqlCommand,
  python3: python3Command,
};

export function createCommands(env: CommandEnv): ShellCommand[] {
  const image = env.guest.image;
  const list: ShellCommand[] = COMMON.map((f) => f(env));
  if (image.packageManager === 'yum' || image.packageManager === 'dnf') list.push(yumCommand(env), yumConfigManagerCommand(env), chkconfigCommand(env));
  if (image.packageManager === 'dnf') list.push(dnfCommand(env));
  if (image.packageManager === 'apt') list.push(aptGetCommand(env), aptCommand(env));
  if (image.initSystem === 'systemd') list.push(systemctlCommand(env));
  for (const name of PACKAGED) {
    const own = OWN_PACKAGED[name];
    list.push(own ? own(env, () => providerOf(env.guest, name) !== undefined) : packagedCommand(name, env));
  }
  for (const name of ABSENT) list.push(absentCommand(name));
  for (const name of GUARDED_READERS) list.push(readerCommand(name, env));
  const aws = env.guest.host.awsCommand?.(env.guest, env.shell);
  if (aws) list.push(aws);
  if (env.guest.host.programs) list.push(programRunnerCommand(env));
  return list;
}

/** Names that get a stub in /usr/bin on a fresh image (packaged programs appear on install). */
export function baseCommandNames(image: Guest['image']): string[] {
  const builtins: string[] = [...BUILTINS];
  const ours = ['sudo', 'su', 'whoami', 'id', 'groups', 'hostname', 'uname', 'uptime', 'nproc', 'free', 'date', 'chown', 'chgrp', 'ps', 'kill', 'top', 'df', 'lsblk', 'fdisk', 'mkfs', 'mkfs.ext4', 'mkfs.xfs', 'mount', 'umount', 'fsfreeze', 'flock', 'dd', 'curl', 'wget', 'ping', 'nc', 'ip', 'ifconfig', 'nslookup', 'host', 'dig', 'ssh', 'ssh-agent', 'ssh-add', 'ssh-keygen', 'shutdown', 'halt', 'poweroff', 'reboot', 'at', 'atq', 'atrm', 'crontab', 'service', 'aws', 'vi', 'vim', 'nano', 'less', 'more', 'openssl', 'unzip', 'rsync'];
  if (image.packageManager === 'none') ours.push('git', 'python3');
  // Job control (guest/jobs): just-bash finds a command through its file.
  ours.push('jobs', 'disown', 'nohup');
  const pm = image.packageManager === 'apt' ? ['apt-get', 'apt'] : image.packageManager === 'none' ? [] : ['yum', 'yum-config-manager', 'chkconfig', ...(image.packageManager === 'dnf' ? ['dnf'] : [])];
  return [...new Set([...builtins, ...ours, ...pm]), ...(image.initSystem === 'systemd' ? ['systemctl'] : [])];
}
