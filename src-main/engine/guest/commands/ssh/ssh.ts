/**
 * ssh from the workstation or between guests: the network model decides whether tcp/22 gets there
 * (else OpenSSH's timeout, fast-forwarded), the host-key prompt on first contact, key checks against
 * the target user's authorized_keys (key file mode 400 or OpenSSH refuses it; -i, ssh-add and agent
 * forwarding with -A; -J through a bastion, §6.4.5), then a login shell on the same terminal, or a
 * remote command.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand, CommandOutput } from '../../shell';
import type { Guest } from '../../machine';
import type { SshAgent } from '../../session';
import { reach } from '../../net-client';
import { hostKey, keyBlob, publicKeyOf } from '../../ssh-keys';
import { fail, shellQuote } from '../util';

const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]
           [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]
           [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]
           [-i identity_file] [-J [user@]host[:port]] [-L address]
           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]
           [-Q query_option] [-R address] [-S ctl_path] [-W host:port]
           [-w local_tun[:remote_tun]] destination [command]
`;

interface SshArgs {
  identities: string[];
  forwardAgent: boolean;
  jump?: string;
  tty: boolean;
  port: number;
  options: Map<string, string>;
  user?: string;
  host: string;
  command: string[];
}

function parse(args: string[]): SshArgs | string {
  const out: SshArgs = { identities: [], forwardAgent: false, tty: false, port: 22, options: new Map(), host: '', command: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) break;
    const flag = a.slice(0, 2);
    const inline = a.length > 2 ? a.slice(2) : undefined;
    const value = (): string => inline ?? args[++i] ?? '';
    switch (flag) {
      case '-i': out.identities.push(value()); break;
      case '-A': out.forwardAgent = true; break;
      case '-a': out.forwardAgent = false; break;
      case '-J': out.jump = value(); break;
      case '-t': out.tty = true; break;
      case '-T': out.tty = false; break;
      case '-p': out.port = Number(value()); break;
      case '-l': out.user = value(); break;
      case '-o': {
        const o = value();
        const m = /^([^=\s]+)\s*[=\s]\s*(.*)$/.exec(o);
        if (m) out.options.set(m[1]!.toLowerCase(), m[2]!);
        break;
      }
      case '-q': case '-v': case '-4': case '-C': case '-N': case '-n': case '-x': case '-X': case '-Y': case '-k': case '-g': break;
      default:
        return `unknown option -- ${a.slice(1, 2)}`;
    }
  }
  const dest = args[i];
  if (!dest) return 'usage';
  const at = dest.lastIndexOf('@');
  if (at > 0) {
    out.user = dest.slice(0, at);
    out.host = dest.slice(at + 1);
  } else out.host = dest;
  out.command = args.slice(i + 1);
  if (out.options.get('forwardagent') === 'yes') out.forwardAgent = true;
  if (out.options.has('identityfile')) out.identities.push(out.options.get('identityfile')!);
  return out;
}

interface Hop {
  guest: Guest;
  address: string;
  host: string;
}

export function sshCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'ssh',
    async run(args, ctx) {
      const p = parse(args);
      if (typeof p === 'string') return fail(p === 'usage' ? USAGE : `ssh: ${p}\n${USAGE}`, 255);
      const io = env.io();
      let stderr = '';
      const home = env.user().home;
      const fs = env.fs;
      const expand = (f: string): string => fs.resolvePath(ctx.cwd, f.replace(/^~(?=\/|$)/, home));

      // Identities: -i files (checked for mode), the agent's keys, then ~/.ssh/id_rsa.
      const keys: string[] = [];
      for (const f of p.identities) {
        const path = expand(f);
        let st;
        try {
          st = fs.statSync(path);
        } catch {
          stderr += `Warning: Identity file ${f} not accessible: No such file or directory.\n`;
          continue;
        }
        if ((st.mode & 0o077) !== 0) {
          const perm = (st.mode & 0o777).toString(8).padStart(4, '0');
          stderr += `@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\nPermissions ${perm} for '${f}' are too open.\nIt is required that your private key files are NOT accessible by others.\nThis private key will be ignored.\nLoad key "${f}": bad permissions\n`;
          continue;
        }
        try {
          const pub = publicKeyOf(fs.readSyncText(path));
          if (pub) keys.push(pub);
          else stderr += `Load key "${f}": invalid format\n`;
        } catch {
          stderr += `Load key "${f}": Permission denied\n`;
        }
      }
      const agent = agentFor(env, ctx.env);
      for (const pem of agent?.keys.values() ?? []) {
        const pub = publicKeyOf(pem);
        if (pub) keys.push(pub);
      }
      for (const d of ['id_rsa', 'id_ed25519']) {
        try {
          const path = `${home}/.ssh/${d}`;
          const st = fs.statSync(path);
          if ((st.mode & 0o077) === 0) {
            const pub = publicKeyOf(fs.readSyncText(path));
            if (pub) keys.push(pub);
          }
        } catch {
          // no default key
        }
      }

      const user = p.user ?? env.user().name;
      const strict = (p.options.get('stricthostkeychecking') ?? 'ask').toLowerCase();
      const knownHostsFile = p.options.get('userknownhostsfile') === '/dev/null' ? undefined : `${home}/.ssh/known_hosts`;

      // Each hop: the network check, the host key, authentication.
      const connectHop = async (from: Guest, host: string, hopUser: string): Promise<Hop | CommandOutput> => {
        const { address, result } = reach(from, host, 'tcp', p.port, io);
        if (!address) return fail(`${stderr}ssh: Could not resolve hostname ${host}: Name or service not known`, 255);
        const target = result.ok && result.target.kind === 'guest' ? from.host.net.guest(result.target.guestId) : result.ok && result.target.kind === 'self' ? from : undefined;
        if (!result.ok || !target || target.state !== 'running') {
          const timedOut = !result.ok && result.failure === 'timeout';
          if (timedOut) {
            const t = Number(p.options.get('connecttimeout') ?? 0) * 1000 || 127_000;
            await from.host.waitTimeout(t, ctx.signal);
          }
          return fail(`${stderr}ssh: connect to host ${host} port ${p.port}: ${timedOut || !target ? 'Connection timed out' : 'Connection refused'}`, 255);
        }
        const guest = target as Guest;
        // Host key verification.
        const hk = hostKey(guest.hostKeySeed);
        const names = host === address ? address : `${host},${address}`;
        let known = '';
        if (knownHostsFile) {
          try {
            known = fs.readSyncText(knownHostsFile);
          } catch {
            // no known_hosts yet
          }
        }
        const entry = known.split('\n').find((l) => l.split(' ')[0]!.split(',').some((n) => n === host || n === address));
        if (entry && !entry.includes(hk.line.split(' ')[1]!)) {
          return fail(`${stderr}@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\nIT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\nThe ECDSA host key for ${host} has changed,\nand the key for the corresponding IP address ${address}\nis unknown. Offending ECDSA key in ${knownHostsFile}\nHost key verification failed.`, 255);
        }
        if (!entry) {
          if (strict === 'yes') return fail(`${stderr}No ECDSA host key is known for ${host} and you have requested strict checking.\nHost key verification failed.`, 255);
          if (strict !== 'no' && strict !== 'accept-new' && strict !== 'off') {
            if (!io?.interactive) return fail(`${stderr}Host key verification failed.`, 255);
            if (stderr) io.write(stderr.replace(/\n/g, '\r\n'));
            stderr = '';
            let answer = await io.readLine(`The authenticity of host '${host} (${address})' can't be established.\r\nECDSA key fingerprint is ${hk.fingerprint}.\r\nAre you sure you want to continue connecting (yes/no/[fingerprint])? `);
            while (answer !== null && !/^(yes|no)$/i.test(answer.trim()) && answer.trim() !== hk.fingerprint) answer = await io.readLine('Please type \'yes\', \'no\' or the fingerprint: ');
            if (answer === null || /^no$/i.test(answer.trim())) return fail('Host key verification failed.', 255);
          }
          stderr += `Warning: Permanently added '${names}' (ECDSA) to the list of known hosts.\n`;
          if (knownHostsFile) {
            try {
              fs.mkdirSync(`${home}/.ssh`, true, 0o700);
              fs.writeSync(knownHostsFile, new TextEncoder().encode(`${names} ${hk.line}\n`), true);
            } catch {
              // read-only home: ssh goes on without saving
            }
          }
        }
        // Authentication: a key listed in the user's authorized_keys.
        const remoteUser = guest.user(hopUser);
        let authorized: string[] = [];
        if (remoteUser) {
          try {
            authorized = guest.rootFs.readSyncText(`${remoteUser.home}/.ssh/authorized_keys`).split('\n').filter((l) => l.trim() && !l.startsWith('#')).map(keyBlob);
          } catch {
            authorized = [];
          }
        }
        if (!remoteUser || !keys.some((k) => authorized.includes(keyBlob(k)))) return fail(`${stderr}${hopUser}@${address === host ? host : host}: Permission denied (publickey).`, 255);
        return { guest, address, host };
      };

      let from: Guest = env.guest;
      if (p.jump) {
        const at = p.jump.lastIndexOf('@');
        const jumpUser = at > 0 ? p.jump.slice(0, at) : env.user().name;
        const jumpHost = at > 0 ? p.jump.slice(at + 1) : p.jump;
        const hop = await connectHop(from, jumpHost, jumpUser);
        if (!('guest' in hop)) return hop;
        from = hop.guest;
      }
      const hop = await connectHop(from, p.host, user);
      if (!('guest' in hop)) return hop;
      const remote = hop.guest;
      const remoteUser = remote.user(user)!;
      const lastLogin = recordLogin(remote, user, env.guest.sourceAddress());
      const sshEnv: Record<string, string> = { SSH_CONNECTION: `${env.guest.sourceAddress()} 50122 ${hop.address} 22`, SSH_CLIENT: `${env.guest.sourceAddress()} 50122 22` };
      const forwarded = p.forwardAgent && agent ? agent : undefined;
      if (forwarded) sshEnv.SSH_AUTH_SOCK = `/tmp/ssh-${Math.random().toString(36).slice(2, 12)}/agent.${remote.allocPid()}`;
      const shellOpts = { env: sshEnv, from: env.guest.sourceAddress(), ...(forwarded ? { agent: forwarded } : {}) };

      if (p.command.length) {
        const line = p.command.length === 1 ? p.command[0]! : p.command.map(shellQuote).join(' ');
        const session = env.shell.spawn(remote, remoteUser, shellOpts);
        try {
          const r = await session.exec(line, { ...(p.tty && io ? { io } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}), stdin: ctx.stdin });
          const closed = p.tty ? `Connection to ${p.host} closed.\n` : '';
          return { stdout: r.stdout, stderr: stderr + r.stderr + closed, exitCode: r.exitCode };
        } finally {
          session.close();
        }
      }
      if (!io) return fail(`${stderr}Pseudo-terminal will not be allocated because stdin is not a terminal.`, 255);
      // Commands piped in (nimbus shell without a TTY): ssh says so, and the remote shell reads them.
      if (!io.interactive && !p.tty) stderr += 'Pseudo-terminal will not be allocated because stdin is not a terminal.\n';
      if (stderr) io.write(stderr.replace(/\n/g, '\r\n'));
      const session = env.shell.spawn(remote, remoteUser, { ...shellOpts, login: true, ...(lastLogin ? { lastLogin } : {}) });
      const status = await io.attach(session);
      session.close();
      const closedBy = remote.state !== 'running' ? `Connection to ${p.host} closed by remote host.\r\n` : '';
      if (io.interactive || p.tty || closedBy) io.write(`${closedBy}Connection to ${p.host} closed.\r\n`);
      return { stdout: '', stderr: '', exitCode: status };
    },
  };
}

/** "Last login: ..." from the previous login, and records this one. */
function recordLogin(guest: Guest, user: string, from: string): string | undefined {
  const file = `/var/lib/nimbus/lastlog-${user}`;
  let previous: string | undefined;
  try {
    previous = guest.rootFs.readSyncText(file).trim();
  } catch {
    previous = undefined;
  }
  const when = new Date(guest.host.clock.now());
  const stamp = when.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_m, d: string, day: string, mon: string, y: string, t: string) => `${d} ${mon} ${day.padStart(2)} ${t} ${y}`);
  try {
    guest.rootFs.writeSync(file, new TextEncoder().encode(`Last login: ${stamp} from ${from}\n`), false);
  } catch {
    // the root volume is full; login goes on
  }
  return previous || undefined;
}

/** The agent this shell reaches through SSH_AUTH_SOCK (ssh-agent's, or one forwarded with -A). */
export function agentFor(env: CommandEnv, vars: ReadonlyMap<string, string>): SshAgent | undefined {
  if (!vars.get('SSH_AUTH_SOCK')) return undefined;
  return env.shell.agent;
}

export function sshAgentCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'ssh-agent',
    async run(args) {
      const pid = env.guest.allocPid();
      const sock = `/tmp/ssh-${Math.random().toString(36).slice(2, 14)}/agent.${pid - 1}`;
      if (args.includes('-k')) return { stdout: 'unset SSH_AUTH_SOCK;\nunset SSH_AGENT_PID;\necho Agent pid killed;\n', stderr: '', exitCode: 0 };
      const csh = args.includes('-c');
      return {
        stdout: csh
          ? `setenv SSH_AUTH_SOCK ${sock};\nsetenv SSH_AGENT_PID ${pid};\necho Agent pid ${pid};\n`
          : `SSH_AUTH_SOCK=${sock}; export SSH_AUTH_SOCK;\nSSH_AGENT_PID=${pid}; export SSH_AGENT_PID;\necho Agent pid ${pid};\n`,
        stderr: '',
        exitCode: 0,
      };
    },
  };
}

export function sshAddCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'ssh-add',
    async run(args, ctx) {
      const agent = agentFor(env, ctx.env);
      if (!agent) return fail('Could not open a connection to your authentication agent.', 2);
      if (args.includes('-D')) {
        agent.keys.clear();
        return { stdout: '', stderr: 'All identities removed.\n', exitCode: 0 };
      }
      if (args.includes('-l') || args.includes('-L')) {
        if (agent.keys.size === 0) return fail('The agent has no identities.', 1);
        const out = [...agent.keys].map(([name, pem]) => {
          const pub = publicKeyOf(pem) ?? '';
          return args.includes('-L') ? `${pub} ${name}` : `2048 SHA256:${Buffer.from(pub).toString('base64').slice(10, 53)} ${name} (RSA)`;
        });
        return { stdout: `${out.join('\n')}\n`, stderr: '', exitCode: 0 };
      }
      const files = args.filter((a) => !a.startsWith('-'));
      const home = env.user().home;
      if (files.length === 0) files.push(`${home}/.ssh/id_rsa`);
      let stderr = '';
      let code = 0;
      for (const f of files) {
        const path = env.fs.resolvePath(ctx.cwd, f.replace(/^~(?=\/|$)/, home));
        try {
          const st = env.fs.statSync(path);
          if ((st.mode & 0o077) !== 0) {
            stderr += `@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\nPermissions ${(st.mode & 0o777).toString(8).padStart(4, '0')} for '${f}' are too open.\nIt is required that your private key files are NOT accessible by others.\nThis private key will be ignored.\n`;
            code = 1;
            continue;
          }
          const pem = env.fs.readSyncText(path);
          if (!publicKeyOf(pem)) {
            stderr += `Error loading key "${f}": invalid format\n`;
            code = 1;
            continue;
          }
          agent.keys.set(f, pem);
          stderr += `Identity added: ${f} (${f})\n`;
        } catch {
          stderr += `${f}: No such file or directory\n`;
          code = 1;
        }
      }
      return { stdout: '', stderr, exitCode: code };
    },
  };
}

export function sshKeygenCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'ssh-keygen',
    async run(args, ctx) {
      const f = args[args.indexOf('-f') + 1];
      if (args.includes('-y') && f) {
        try {
          const pub = publicKeyOf(env.fs.readSyncText(env.fs.resolvePath(ctx.cwd, f)));
          if (!pub) return fail(`Load key "${f}": invalid format`, 255);
          return { stdout: `${pub}\n`, stderr: '', exitCode: 0 };
        } catch {
          return fail(`${f}: No such file or directory`, 255);
        }
      }
      if (args.includes('-R') && f) return { stdout: '', stderr: '', exitCode: 0 };
      return fail('ssh-keygen: the lab supports -y -f KEYFILE (print the public key) and -R HOST', 1);
    },
  };
}
