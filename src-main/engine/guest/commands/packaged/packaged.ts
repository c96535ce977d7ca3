/**
 * Programs that exist only once their package is installed (httpd, git, mysql, redis-cli,
 * linkchecker...). Before that the shell says "command not found", as on a fresh AMI. Once
 * installed they answer their version, and the network clients connect through the network model.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { providerOf } from '../../packages';
import { httpRequest, reach } from '../../net-client';
import { fail, ok } from '../util';

export const PACKAGED = ['httpd', 'apachectl', 'apache2ctl', 'nginx', 'git', 'node', 'nodejs', 'npm', 'php', 'mysql', 'mysqldump', 'mysqladmin', 'psql', 'pg_dump', 'redis-cli', 'redis-server', 'ab', 'htpasswd', 'linkchecker', 'varnishd', 'telnet', 'python3'] as const;

async function dbClient(env: CommandEnv, name: string, args: string[], port: number, signal?: AbortSignal): Promise<ReturnType<ShellCommand['run']>> {
  let host = 'localhost';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h' || a === '--host') host = args[++i] ?? host;
    else if (a.startsWith('--host=')) host = a.slice(7);
    else if (a.startsWith('-h') && a.length > 2) host = a.slice(2);
  }
  if (name === 'mysql' && args.some((a) => a === '-p' || a === '--password')) {
    const io = env.io();
    if (io) await io.readLine('Enter password: ', { secret: true });
  }
  const { address, result } = reach(env.guest, host, 'tcp', port, env.io());
  const refused = result.ok && (result.target.kind === 'self' ? !env.guest.listens(port) : result.target.kind === 'guest' ? !env.guest.host.net.guest(result.target.guestId)?.listens(port) : true);
  if (!address || !result.ok || refused) {
    const timedOut = !result.ok && result.failure === 'timeout';
    if (timedOut) await env.guest.host.waitTimeout(name === 'mysql' ? 130_000 : 127_000, signal);
    if (name === 'mysql' || name === 'mysqldump' || name === 'mysqladmin') {
      if (!address) return fail(`ERROR 2005 (HY000): Unknown MySQL server host '${host}' (0)`);
      if (host === 'localhost') return fail("ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/lib/mysql/mysql.sock' (2)");
      return fail(`ERROR 2003 (HY000): Can't connect to MySQL server on '${host}' (${timedOut ? 110 : 111})`);
    }
    if (name === 'redis-cli') return fail(`Could not connect to Redis at ${host}:${port}: ${!address ? 'Name or service not known' : timedOut ? 'Connection timed out' : 'Connection refused'}`);
    return fail(`psql: could not connect to server: ${timedOut ? 'Connection timed out' : 'Connection refused'}\n\tIs the server running on host "${host}" (${address ?? host}) and accepting\n\tTCP/IP connections on port ${port}?`, 2);
  }
  return fail(`${name}: connected to ${host}:${port}, but the lab's database protocols are not available in this terminal`);
}

/** LinkChecker 9 copies its default settings to ~/.linkchecker/linkcheckerrc the first time it runs. */
const LINKCHECKER_RC = '# LinkChecker configuration, copied from /etc/linkchecker/linkcheckerrc on the first run.\n[checking]\n#threads=10\n#timeout=60\n';

async function linkchecker(env: CommandEnv, args: string[], ctx: Parameters<ShellCommand['run']>[1]): Promise<ReturnType<ShellCommand['run']>> {
  const signal = ctx.signal;
  const url = args.find((a) => !a.startsWith('-'));
  if (!url) return fail('linkchecker: no files or URLs given', 2);
  await ctx.exec(`test -e ~/.linkchecker/linkcheckerrc || { mkdir -p ~/.linkchecker && printf '${LINKCHECKER_RC}' > ~/.linkchecker/linkcheckerrc; }`);
  const start = env.guest.host.clock.now();
  const lines = [`INFO linkcheck.cmdline ${new Date(start).toISOString().slice(0, 19).replace('T', ' ')} Checking intern URLs only; use --check-extern to check extern URLs.`, 'LinkChecker 9.3              Copyright (C) 2000-2014 Bastian Kleineidam', '', `Start checking at ${new Date(start).toISOString().slice(0, 19).replace('T', ' ')}+000`];
  const first = await httpRequest(env.guest, url, { ...(signal ? { signal } : {}), headers: { 'user-agent': 'LinkChecker/9.3' } });
  let errors = 0;
  const report = (u: string, parent: string | undefined, result: string): void => {
    lines.push('', `URL        \`${u}'`, ...(parent ? [`Parent URL ${parent}`] : []), `Real URL   ${u}`, 'Check time 0.120 seconds', `Result     ${result}`);
  };
  let checked = 1;
  if (!first.ok) {
    errors++;
    report(url, undefined, `Error: ${first.message}`);
  } else {
    report(url, undefined, `Valid: ${first.res.status} ${first.res.statusText}`);
    const links = [...first.res.body.matchAll(/href="([^"#]+)"/g)].map((m) => m[1]!).slice(0, 50);
    for (const l of links) {
      const abs = /^https?:\/\//.test(l) ? l : `${url.replace(/\/[^/]*$/, '')}/${l.replace(/^\//, '')}`;
      if (!abs.startsWith(url.split('/').slice(0, 3).join('/'))) continue;
      checked++;
      const r = await httpRequest(env.guest, abs, { ...(signal ? { signal } : {}) });
      if (!r.ok || r.res.status >= 400) {
        errors++;
        report(abs, url, r.ok ? `Error: ${r.res.status} ${r.res.statusText}` : `Error: ${r.message}`);
      }
    }
  }
  lines.push('', 'Statistics:', `Downloaded: ${first.ok ? Buffer.byteLength(first.res.body) : 0}B.`, `Content types: ${checked} text/html.`, '', `That's it. ${checked} link${checked === 1 ? '' : 's'} in ${checked} URL${checked === 1 ? '' : 's'} checked. 0 warnings found. ${errors} error${errors === 1 ? '' : 's'} found.`, `Stopped checking at ${new Date(env.guest.host.clock.now()).toISOString().slice(0, 19).replace('T', ' ')}+000 (1 seconds)`);
  return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: errors ? 1 : 0 };
}

/**
 * Interpreters a guest does not have (the lab runs no guest code on the host): bash answers
 * "command not found", whatever just-bash's optional runtimes would do.
 */
export const ABSENT = ['python', 'python2', 'perl', 'ruby', 'js-exec', 'sqlite3', 'gcc', 'make', 'docker'] as const;

export function absentCommand(name: string): ShellCommand {
  return { name, run: async () => ({ stdout: '', stderr: `-bash: ${name}: command not found\n`, exitCode: 127 }) };
}

export function packagedCommand(name: string, env: CommandEnv): ShellCommand {
  return {
    name,
    async run(args, ctx) {
      const pkg = providerOf(env.guest, name === 'nodejs' ? 'node' : name) ?? providerOf(env.guest, name);
      if (!pkg) return { stdout: '', stderr: `-bash: ${name}: command not found\n`, exitCode: 127 };
      const version = pkg.version.replace(/^\d+:/, '').replace(/[-~+].*$/, '');
      if (args.some((a) => a === '--version' || a === '-v' || a === '-V' || a === 'version')) {
        switch (name) {
          case 'git': return ok(`git version ${version}\n`);
          case 'node': case 'nodejs': return ok(`v${version}\n`);
          case 'npm': return ok('5.6.0\n');
          case 'httpd': case 'apachectl': return ok(`Server version: Apache/${version} (Unix)\nServer built:   Jan 15 2018 18:03:27\n`);
          case 'nginx': return { stdout: '', stderr: `nginx version: nginx/${version}\n`, exitCode: 0 };
          case 'mysql': return ok(`mysql  Ver 14.14 Distrib ${version}, for Linux (x86_64) using  EditLine wrapper\n`);
          case 'redis-cli': return ok(`redis-cli ${version}\n`);
          case 'psql': return ok(`psql (PostgreSQL) ${version}\n`);
          case 'php': return ok(`PHP ${version} (cli) (built: Jan 15 2018 17:36:31) ( NTS )\n`);
          default: return ok(`${name} ${version}\n`);
        }
      }
      switch (name) {
        case 'mysql': case 'mysqldump': case 'mysqladmin': return dbClient(env, name, args, 3306, ctx.signal);
        case 'redis-cli': return dbClient(env, name, args, 6379, ctx.signal);
        case 'psql': case 'pg_dump': return dbClient(env, name, args, 5432, ctx.signal);
        case 'linkchecker': return linkchecker(env, args, ctx);
        case 'httpd': case 'apachectl': case 'apache2ctl':
          if (args[0] === '-t' || args[0] === 'configtest') return { stdout: '', stderr: 'Syntax OK\n', exitCode: 0 };
          return fail(`${name}: use "sudo service ${name === 'apache2ctl' ? 'apache2' : 'httpd'} start" to run the web server in the lab`);
        default:
          return fail(`${name}: installed (${pkg.name} ${version}); the lab does not run ${name} programs in this terminal`);
      }
    },
  };
}
