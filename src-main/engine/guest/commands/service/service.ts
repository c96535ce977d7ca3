/**
 * service (SysV style on the Amazon Linux AMI; a redirect to systemctl elsewhere), systemctl and
 * chkconfig, over guest/services.ts.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { enabledServices, isRunning, lookupService, setEnabled, startService, stopService } from '../../services';
import { Output, fail, ok } from '../util';

const okCol = (text: string, good = true): string => `${text.padEnd(59)}[${good ? '  OK  ' : 'FAILED'}]\n`;
const ago = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s}s ago` : s < 3600 ? `${Math.floor(s / 60)}min ${s % 60}s ago` : `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min ago`;
};
const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

function sysvAction(env: CommandEnv, name: string, action: string, out: Output): number {
  const svc = lookupService(env.guest, name);
  if (!svc || !svc.installed) {
    out.error(`${name}: unrecognized service\n`);
    return 1;
  }
  if (env.user().uid !== 0 && action !== 'status') {
    out.error(`env: /etc/init.d/${name}: Permission denied\n`);
    return 126;
  }
  const running = isRunning(env.guest, svc.name);
  const label = svc.kind === 'crond' ? 'crond' : svc.name;
  switch (action) {
    case 'start':
      if (!running) startService(env.guest, svc);
      out.write(okCol(`Starting ${label}: `));
      return 0;
    case 'stop':
      out.write(okCol(`Stopping ${label}: `, running));
      stopService(env.guest, svc.name);
      return running ? 0 : 1;
    case 'restart':
    case 'reload':
    case 'graceful':
      if (action === 'restart') {
        out.write(okCol(`Stopping ${label}: `, running));
        stopService(env.guest, svc.name);
        startService(env.guest, svc);
        out.write(okCol(`Starting ${label}: `));
      } else {
        if (!running) {
          out.write(okCol(`Reloading ${label}: `, false));
          return 7;
        }
        out.write(okCol(`Reloading ${label}: `));
      }
      return 0;
    case 'status': {
      const r = env.guest.services.get(svc.name);
      out.write(r ? `${label} (pid  ${r.pid}) is running...\n` : `${label} is stopped\n`);
      return r ? 0 : 3;
    }
    default:
      out.error(`Usage: ${name} {start|stop|restart|condrestart|try-restart|force-reload|reload|status|fullstatus|graceful|help|configtest}\n`);
      return 2;
  }
}

function systemdAction(env: CommandEnv, verb: string, units: string[], out: Output): number {
  if (!verb) {
    out.write('  UNIT                        LOAD   ACTIVE SUB     DESCRIPTION\n');
    for (const s of env.guest.services.values()) out.write(`  ${`${s.name}.service`.padEnd(27)} loaded active running ${s.name}\n`);
    return 0;
  }
  let code = 0;
  for (const unit of units) {
    const name = unit.replace(/\.service$/, '');
    const svc = lookupService(env.guest, name);
    if (!svc || !svc.installed) {
      if (verb === 'status') out.error(`Unit ${name}.service could not be found.\n`);
      else if (verb === 'is-active') out.write('inactive\n');
      else out.error(`Failed to ${verb} ${name}.service: Unit ${name}.service not found.\n`);
      code = verb === 'status' || verb === 'is-active' ? 3 : 5;
      continue;
    }
    const mutating = !['status', 'is-active', 'is-enabled'].includes(verb);
    if (mutating && env.user().uid !== 0) {
      out.error(`Failed to ${verb} ${name}.service: Interactive authentication required.\nSee system logs and 'systemctl status ${name}.service' for details.\n`);
      code = 1;
      continue;
    }
    const enabled = enabledServices(env.guest).has(name);
    switch (verb) {
      case 'start':
        startService(env.guest, svc);
        break;
      case 'stop':
        stopService(env.guest, name);
        break;
      case 'restart':
      case 'reload':
        stopService(env.guest, name);
        startService(env.guest, svc);
        break;
      case 'enable':
        setEnabled(env.guest, name, true);
        out.error(`Created symlink /etc/systemd/system/multi-user.target.wants/${name}.service → /usr/lib/systemd/system/${name}.service.\n`);
        break;
      case 'disable':
        setEnabled(env.guest, name, false);
        out.error(`Removed /etc/systemd/system/multi-user.target.wants/${name}.service.\n`);
        break;
      case 'is-active':
        out.write(isRunning(env.guest, name) ? 'active\n' : 'inactive\n');
        if (!isRunning(env.guest, name)) code = 3;
        break;
      case 'is-enabled':
        out.write(enabled ? 'enabled\n' : 'disabled\n');
        if (!enabled) code = 1;
        break;
      case 'status': {
        const r = env.guest.services.get(name);
        const since = r ? new Date(r.startedAt).toUTCString().replace(/GMT/, 'UTC') : '';
        out.write(`${r ? '●' : '○'} ${name}.service - ${cap(name)}\n   Loaded: loaded (/usr/lib/systemd/system/${name}.service; ${enabled ? 'enabled' : 'disabled'}; vendor preset: disabled)\n   Active: ${r ? `active (running) since ${since}; ${ago(env.guest.host.clock.now() - r.startedAt)}` : 'inactive (dead)'}\n${r ? ` Main PID: ${r.pid} (${name})\n` : ''}`);
        if (!r) code = 3;
        break;
      }
      default:
        out.error(`Unknown operation '${verb}'.\n`);
        return 1;
    }
  }
  return code;
}

export function serviceCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'service',
    async run(args) {
      const out = new Output(env.io());
      if (args[0] === '--status-all') {
        for (const s of env.guest.services.values()) out.write(`${s.name} (pid  ${s.pid}) is running...\n`);
        return out.done(0);
      }
      const [name, action] = args;
      if (!name || !action) return fail('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]');
      if (env.guest.image.initSystem === 'sysv') return out.done(sysvAction(env, name, action, out));
      if (env.guest.image.promptStyle === 'redhat') out.error(`Redirecting to /bin/systemctl ${action} ${name}.service\n`);
      return out.done(systemdAction(env, action, [name], out));
    },
  };
}

export function systemctlCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'systemctl',
    async run(args) {
      const out = new Output(env.io());
      const words = args.filter((a) => !a.startsWith('-'));
      const [verb = '', ...units] = words;
      if (verb && units.length === 0 && !['list-units', 'daemon-reload'].includes(verb)) return fail(`Too few arguments.`);
      if (verb === 'daemon-reload' || verb === 'list-units') return out.done(systemdAction(env, '', [], out));
      if (args.includes('--now') && (verb === 'enable' || verb === 'disable')) systemdAction(env, verb === 'enable' ? 'start' : 'stop', units, out);
      return out.done(systemdAction(env, verb, units, out));
    },
  };
}

export function chkconfigCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'chkconfig',
    async run(args) {
      const list = args[0] === '--list';
      const name = list ? args[1] : args[0];
      const line = (n: string, on: boolean): string => `${n.padEnd(15)}\t0:off\t1:off\t2:${on ? 'on' : 'off'}\t3:${on ? 'on' : 'off'}\t4:${on ? 'on' : 'off'}\t5:${on ? 'on' : 'off'}\t6:off\n`;
      const enabled = enabledServices(env.guest);
      if (list) {
        if (name) {
          if (!lookupService(env.guest, name)?.installed) return fail(`error reading information on service ${name}: No such file or directory`);
          return ok(line(name, enabled.has(name)));
        }
        return ok([...enabled].sort().map((n) => line(n, true)).join(''));
      }
      if (!name) return fail('chkconfig version 1.3.49.3 - Copyright (C) 1997-2000 Red Hat, Inc.\nusage:   chkconfig [--list] [--type <type>] [name]\n         chkconfig --add <name>\n         chkconfig --del <name>\n         chkconfig [--level <levels>] [--type <type>] <name> <on|off|reset|resetpriorities>', 2);
      const svc = lookupService(env.guest, name);
      if (!svc?.installed) return fail(`error reading information on service ${name}: No such file or directory`);
      const state = args[args.length - 1];
      if (state !== 'on' && state !== 'off') return ok(enabled.has(name) ? '' : '');
      if (env.user().uid !== 0) return fail('You do not have enough privileges to perform this operation.');
      setEnabled(env.guest, name, state === 'on');
      return ok();
    },
  };
}
