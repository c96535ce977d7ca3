/** wget through the virtual network, with wget's progress report on stderr (-q quiet, -P dir, -O file, -T timeout). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { httpRequest, parseUrl } from '../../net-client';
import { formatDate } from '../date/date';
import { fail } from '../util';

export function wgetCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'wget',
    async run(args, ctx) {
      let quiet = false;
      let dir = '.';
      let outFile: string | undefined;
      let timeout: number | undefined;
      const urls: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-q' || a === '--quiet') quiet = true;
        else if (a === '-P') dir = args[++i] ?? '.';
        else if (a.startsWith('--directory-prefix=')) dir = a.slice(19);
        else if (a === '-O') outFile = args[++i];
        else if (a === '-T') timeout = Number(args[++i]) * 1000;
        else if (a.startsWith('--timeout=')) timeout = Number(a.slice(10)) * 1000;
        else if (a === '-c' || a === '-N' || a === '--no-check-certificate') continue;
        else if (a.startsWith('-')) return fail(`wget: invalid option -- '${a.replace(/^-+/, '')}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.`, 2);
        else urls.push(a);
      }
      if (urls.length === 0) return fail("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.");
      let stderr = '';
      let code = 0;
      const stamp = (): string => formatDate(new Date(env.guest.host.clock.now()), '%Y-%m-%d %H:%M:%S');
      for (const url of urls) {
        const u = parseUrl(url);
        if (!u) {
          stderr += `${url}: Invalid URL ${url}: Unsupported scheme\n`;
          code = 1;
          continue;
        }
        const full = `${u.scheme}://${u.host}${u.port !== (u.scheme === 'https' ? 443 : 80) ? `:${u.port}` : ''}${u.path}`;
        if (!quiet) stderr += `--${stamp()}--  ${full}\n`;
        const r = await httpRequest(env.guest, url, { headers: { 'user-agent': 'Wget/1.18 (linux-gnu)' }, ...(timeout ? { connectTimeoutMs: timeout } : {}), ...(env.io() ? { io: env.io()! } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) });
        if (!r.ok) {
          if (r.code === 6) stderr += quiet ? '' : `Resolving ${u.host} (${u.host})... failed: Name or service not known.\nwget: unable to resolve host address ‘${u.host}’\n`;
          else if (!quiet) stderr += `Connecting to ${u.host} (${u.host})|${u.host}|:${u.port}... failed: ${/refused/.test(r.message) ? 'Connection refused' : 'Connection timed out'}.\n`;
          code = 4;
          continue;
        }
        const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(u.host);
        if (!quiet) stderr += `${isIp ? '' : `Resolving ${u.host} (${u.host})... ${r.address}\n`}Connecting to ${isIp ? u.host : `${u.host} (${u.host})`}|${r.address}|:${u.port}... connected.\nHTTP request sent, awaiting response... ${r.res.status} ${r.res.statusText}\n`;
        if (r.res.status >= 400) {
          if (!quiet) stderr += `${stamp()} ERROR ${r.res.status}: ${r.res.statusText}.\n\n`;
          code = 8;
          continue;
        }
        const name = outFile ?? `${dir.replace(/\/$/, '')}/${u.path.split('?')[0]!.split('/').pop() || 'index.html'}`;
        const path = env.fs.resolvePath(ctx.cwd, name);
        const size = Buffer.byteLength(r.res.body);
        try {
          env.fs.writeSync(path, new TextEncoder().encode(r.res.body), false);
        } catch (e) {
          stderr += `${name}: ${(e as { code?: string }).code === 'EACCES' ? 'Permission denied' : (e as { code?: string }).code === 'ENOENT' ? 'No such file or directory' : 'error'}\n`;
          code = 3;
          continue;
        }
        const shown = outFile ?? (dir === '.' ? name.replace(/^\.\//, '') : name);
        if (!quiet) stderr += `Length: ${size} [${(r.res.headers['content-type'] ?? 'text/html').split(';')[0]}]\nSaving to: ‘${shown}’\n\n100%[${'='.repeat(38)}>] ${String(size).padEnd(11)} --.-K/s   in 0s      \n\n${stamp()} (${(size / 16 / 1024).toFixed(2)} MB/s) - ‘${shown}’ saved [${size}/${size}]\n\n`;
      }
      return { stdout: '', stderr, exitCode: code };
    },
  };
}
