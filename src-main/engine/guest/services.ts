/**
 * Service management behind `service`, `systemctl` and `chkconfig`: start/stop/restart/status of the
 * services installed packages provide, enabled-at-boot state kept on disk, a log line per start.
 */
import type { Guest } from './machine';
import { serviceCatalog, installedPackages } from './packages';

const ENABLED = '/var/lib/nimbus/enabled-services';

/** Services every image runs (they always exist; sshd keeps ssh working). */
const BUILTIN: Record<string, { kind: string; command: string; port?: number }> = {
  sshd: { kind: 'generic', command: '/usr/sbin/sshd', port: 22 },
  crond: { kind: 'crond', command: 'crond' },
  cron: { kind: 'crond', command: '/usr/sbin/cron -f' },
  atd: { kind: 'atd', command: '/usr/sbin/atd -f' },
  rsyslog: { kind: 'generic', command: '/usr/sbin/rsyslogd -n' },
  network: { kind: 'generic', command: '' },
};

export type ServiceLookup = {
  name: string;
  kind: string;
  installed: boolean;
  port?: number;
  command: string;
  user: string;
  periodic?: { run: string; every: { file: string; key: string; minutes: number } };
};

export function lookupService(guest: Guest, name: string): ServiceLookup | undefined {
  const n = name.replace(/\.service$/, '');
  const b = BUILTIN[n];
  if (b) {
    if ((n === 'cron') !== (guest.image.promptStyle === 'debian') && (n === 'cron' || n === 'crond')) return undefined;
    return { name: n, kind: b.kind, installed: true, command: b.command, user: 'root', ...(b.port ? { port: b.port } : {}) };
  }
  const s = serviceCatalog(guest).get(n);
  if (!s) return undefined;
  const installed = installedPackages(guest).has(s.pkg.name);
  const periodic = s.kind === 'periodic' && s.run && s.every ? { run: s.run, every: s.every } : undefined;
  const command = s.kind === 'httpd' ? (guest.image.promptStyle === 'debian' ? '/usr/sbin/apache2 -k start' : '/usr/sbin/httpd') : s.kind === 'nginx' ? 'nginx: master process /usr/sbin/nginx' : periodic ? `${periodic.run.split(' ')[0]!}` : `/usr/sbin/${n}`;
  return { name: n, kind: s.kind, installed, command, user: 'root', ...(s.port ? { port: s.port } : {}), ...(periodic ? { periodic } : {}) };
}

export function enabledServices(guest: Guest): Set<string> {
  try {
    return new Set(guest.rootFs.readSyncText(ENABLED).split('\n').filter(Boolean));
  } catch {
    return new Set(guest.image.promptStyle === 'debian' ? ['cron', 'atd', 'sshd'] : ['crond', 'atd', 'sshd']);
  }
}

export function setEnabled(guest: Guest, name: string, on: boolean): void {
  const set = enabledServices(guest);
  if (on) set.add(name);
  else set.delete(name);
  guest.rootFs.writeSync(ENABLED, new TextEncoder().encode([...set].join('\n') + '\n'), false);
}

/** Starts a service (and its extra worker processes for web servers). Returns false if unknown. */
export function startService(guest: Guest, s: ServiceLookup): void {
  if (guest.services.has(s.name)) return;
  const pid = guest.allocPid();
  const user = s.kind === 'httpd' || s.kind === 'nginx' ? 'root' : 'root';
  guest.services.set(s.name, { name: s.name, kind: s.kind, pid, startedAt: guest.host.clock.now(), user, command: s.command, ...(s.port ? { port: s.port } : {}), ...(s.periodic ? { periodic: { ...s.periodic } } : {}) });
  if (s.kind === 'httpd' || s.kind === 'nginx') {
    const logDir = s.kind === 'nginx' ? '/var/log/nginx' : guest.image.promptStyle === 'debian' ? '/var/log/apache2' : '/var/log/httpd';
    try {
      guest.rootFs.mkdirSync(logDir, true);
      const when = new Date(guest.host.clock.now()).toUTCString();
      guest.rootFs.writeSync(`${logDir}/error${s.kind === 'nginx' || guest.image.promptStyle === 'debian' ? '.log' : '_log'}`, new TextEncoder().encode(`[${when}] [notice] ${s.kind === 'nginx' ? 'nginx' : 'Apache'} configured -- resuming normal operations\n`), true);
    } catch {
      // the log is best effort
    }
  }
}

export function stopService(guest: Guest, name: string): boolean {
  return guest.services.delete(name);
}

export function isRunning(guest: Guest, name: string): boolean {
  return guest.services.has(name);
}
