/**
 * telnet HOST [PORT]: opens a TCP connection through the virtual network and, for a web server,
 * carries a hand-typed HTTP request (the classic "GET / HTTP/1.0" check). Other services show
 * their greeting (sshd's banner) and close when the learner sends a line they cannot speak.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { httpRequest, reach } from '../../net-client';
import { fail, Output } from '../util';

export function telnetCommand(env: CommandEnv, installed: () => boolean): ShellCommand {
  return {
    name: 'telnet',
    async run(args, ctx) {
      if (!installed()) return { stdout: '', stderr: '-bash: telnet: command not found\n', exitCode: 127 };
      const ops = args.filter((a) => !a.startsWith('-'));
      const [host, portText = '23'] = ops;
      if (!host) return fail('usage: telnet [-l user] [-a] host-name [port]');
      const port = Number(portText) || ({ http: 80, ssh: 22, smtp: 25, https: 443, mysql: 3306 } as Record<string, number>)[portText] || NaN;
      if (!Number.isInteger(port)) return fail(`telnet: ${portText}: bad port`);
      const io = env.io();
      const out = new Output(io);
      const { address, result } = reach(env.guest, host, 'tcp', port, io);
      if (!address) return fail(`telnet: ${host}: Name or service not known\n${host}: Unknown host`);
      out.write(`Trying ${address}...\n`);
      let open = result.ok;
      if (result.ok && result.target.kind === 'guest') open = env.guest.host.net.guest(result.target.guestId)?.listens(port) ?? false;
      if (result.ok && result.target.kind === 'self') open = env.guest.listens(port);
      if (!open) {
        if (!result.ok && result.failure === 'timeout') {
          await env.guest.host.waitTimeout(127_000, ctx.signal);
          out.error(`telnet: connect to address ${address}: Connection timed out\n`);
        } else out.error(`telnet: connect to address ${address}: Connection refused\n`);
        return out.done(1);
      }
      out.write(`Connected to ${host}.\nEscape character is '^]'.\n`);
      if (port === 22) out.write('SSH-2.0-OpenSSH_7.4\n');
      // The request: typed at the terminal until an empty line, or read from standard input.
      const lines: string[] = [];
      if (io?.interactive && io.streaming) {
        for (;;) {
          const l = await io.readLine('');
          if (l === null) {
            out.write('^]\ntelnet> quit\nConnection closed.\n');
            return out.done(1);
          }
          lines.push(l);
          if (port !== 80 && port !== 8080) break;
          if (l === '' && lines.length > 1) break;
          if (/^[A-Z]+ \S+$/.test(lines[0] ?? '')) break; // HTTP/0.9 style: one line
        }
      } else lines.push(...ctx.stdin.split(/\r?\n/));
      const request = /^([A-Z]+) (\S+)(?: HTTP\/\d\.\d)?$/.exec(lines[0] ?? '');
      if (request) {
        const headers: Record<string, string> = {};
        for (const l of lines.slice(1)) {
          const colon = l.indexOf(':');
          if (colon > 0) headers[l.slice(0, colon).trim().toLowerCase()] = l.slice(colon + 1).trim();
        }
        const r = await httpRequest(env.guest, `http://${host}:${port}${request[2]}`, { method: request[1]!, headers: { 'user-agent': '', ...headers }, ...(ctx.signal ? { signal: ctx.signal } : {}) });
        if (r.ok) {
          const head = [`HTTP/1.1 ${r.res.status} ${r.res.statusText}`, ...Object.entries(r.res.headers).map(([k, v]) => `${k}: ${v}`)].join('\n');
          out.write(`${head}\n\n${request[1] === 'HEAD' ? '' : r.res.body}`);
        }
      } else if (port === 22) out.write('Protocol mismatch.\n');
      out.write('Connection closed by foreign host.\n');
      return out.done(1);
    },
  };
}
