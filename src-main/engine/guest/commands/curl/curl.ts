/**
 * curl through the virtual network: other guests' web servers, the metadata service, the offline
 * internet. Timeouts behave like curl's (exit 7 or 28) and are fast-forwarded.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { httpRequest } from '../../net-client';
import { fail } from '../util';

const WITH_VALUE = ['-o', '-X', '-H', '-d', '-m', '-w', '-u', '-A', '-e', '--data', '--data-binary', '--output', '--request', '--header', '--max-time', '--connect-timeout', '--user-agent', '--retry'];

export function curlCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'curl',
    async run(args, ctx) {
      let silent = false;
      let showErrors = false;
      let include = false;
      let head = false;
      let fail22 = false;
      let follow = false;
      let output: string | undefined;
      let remoteName = false;
      let method: string | undefined;
      let data: string | undefined;
      let maxTime: number | undefined;
      let connectTimeout: number | undefined;
      const headers: Record<string, string> = Object.create(null) as Record<string, string>;
      const urls: string[] = [];
      for (let i = 0; i < args.length; i++) {
        let a = args[i]!;
        const take = (): string => args[++i] ?? '';
        if (a.startsWith('-') && !a.startsWith('--') && a.length > 2 && !WITH_VALUE.includes(a)) {
          // Bundled short flags: -sSL, -fsSL, -sO
          const letters = a.slice(1).split('');
          const last = letters.pop()!;
          for (const l of letters) {
            if (l === 's') silent = true;
            else if (l === 'S') showErrors = true;
            else if (l === 'L') follow = true;
            else if (l === 'f') fail22 = true;
            else if (l === 'i') include = true;
            else if (l === 'I') head = true;
            else if (l === 'O') remoteName = true;
            else if (l === 'v' || l === 'k') continue;
            else return fail(`curl: option -${l}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information`, 2);
          }
          a = `-${last}`;
        }
        switch (a) {
          case '-s': case '--silent': silent = true; break;
          case '-S': case '--show-error': showErrors = true; break;
          case '-i': case '--include': include = true; break;
          case '-I': case '--head': head = true; break;
          case '-f': case '--fail': fail22 = true; break;
          case '-L': case '--location': follow = true; break;
          case '-O': case '--remote-name': remoteName = true; break;
          case '-v': case '-k': case '--insecure': case '--compressed': break;
          case '-o': case '--output': output = take(); break;
          case '-X': case '--request': method = take(); break;
          case '-H': case '--header': {
            const h = take();
            const c = h.indexOf(':');
            if (c > 0) headers[h.slice(0, c).trim().toLowerCase()] = h.slice(c + 1).trim();
            break;
          }
          case '-d': case '--data': case '--data-binary': data = take(); break;
          case '-m': case '--max-time': maxTime = Number(take()) * 1000; break;
          case '--connect-timeout': connectTimeout = Number(take()) * 1000; break;
          case '-A': case '--user-agent': headers['user-agent'] = take(); break;
          case '-w': case '-u': case '-e': case '--retry': take(); break;
          case '--help': return { stdout: 'Usage: curl [options...] <url>\n -s, --silent        Silent mode\n -o, --output <file> Write to file instead of stdout\n -I, --head          Show document info only\n -X, --request <command> Specify request command to use\n -H, --header <header/@file> Pass custom header(s) to server\n', stderr: '', exitCode: 0 };
          default:
            if (a.startsWith('-')) return fail(`curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information`, 2);
            urls.push(a);
        }
      }
      void follow;
      if (urls.length === 0) return fail("curl: try 'curl --help' or 'curl --manual' for more information", 2);
      let stdout = '';
      let stderr = '';
      let code = 0;
      for (const url of urls) {
        const timeout = connectTimeout ?? maxTime;
        const r = await httpRequest(env.guest, url, {
          method: method ?? (head ? 'HEAD' : data !== undefined ? 'POST' : 'GET'),
          headers,
          ...(data !== undefined ? { body: data } : {}),
          ...(timeout !== undefined ? { connectTimeoutMs: timeout } : {}),
          ...(env.io() ? { io: env.io()! } : {}),
          ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
        if (!r.ok) {
          if (!silent || showErrors) stderr += `curl: (${r.code}) ${r.message}\n`;
          code = r.code;
          continue;
        }
        if (fail22 && r.res.status >= 400) {
          if (!silent || showErrors) stderr += `curl: (22) The requested URL returned error: ${r.res.status} ${r.res.statusText}\n`;
          code = 22;
          continue;
        }
        const headText = `HTTP/1.1 ${r.res.status} ${r.res.statusText}\r\n${Object.entries(r.res.headers).map(([k, v]) => `${k.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase())}: ${v}`).join('\r\n')}\r\n\r\n`;
        const body = (include || head ? headText : '') + (head ? '' : r.res.body);
        const file = output ?? (remoteName ? (url.split('?')[0]!.split('/').pop() || 'index.html') : undefined);
        if (file) {
          try {
            env.fs.writeSync(env.fs.resolvePath(ctx.cwd, file), new TextEncoder().encode(body), false);
          } catch (e) {
            stderr += `curl: (23) Failed writing body (${(e as { code?: string }).code === 'EACCES' ? 'Permission denied' : 'error'})\n`;
            code = 23;
          }
          if (!silent) stderr += `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100  ${String(body.length).padStart(4)}  100  ${String(body.length).padStart(4)}    0     0  ${String(body.length * 30).padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${String(body.length * 30).padStart(5)}\n`;
        } else stdout += body;
      }
      return { stdout, stderr, exitCode: code };
    },
  };
}
