/**
 * `nimbus tunnel [--data DIR] [--port N] RESOURCE-ID`: a port on 127.0.0.1 that leads to a lab
 * resource's data plane (a DB instance: MySQL Workbench, Debian's mysql or psql on the learner's
 * computer connect to it). Each connection is an HTTP upgrade to the running lab (found through
 * DIR/console-url, with its token), then raw bytes both ways.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { defaultDataDir } from './data-dir';

export const TUNNEL_USAGE = `Usage: nimbus tunnel [--data DIR] [--port N] RESOURCE-ID
  Open a port on 127.0.0.1 to a lab resource (a DB instance's identifier or a cache cluster's id), like an ssh tunnel
  through a bastion, so programs on this computer (mysql, psql, MySQL Workbench) can connect.
  --data DIR   the running lab's data folder (default $NIMBUS_DATA or the app-data folder)
  --port N     local port (default: a free one, printed)
`;

export class TunnelUsageError extends Error {}

interface TunnelArgs {
  data: string;
  port: number;
  resource: string;
}

function parseArgs(argv: string[]): TunnelArgs {
  let data = defaultDataDir();
  let port = 0;
  let resource: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      const v = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new TunnelUsageError(`option '${name}' needs a value`);
      return v;
    };
    if (name === '--data') data = value();
    else if (name === '--port') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 65535) throw new TunnelUsageError(`'${v}' is not a port number`);
      port = Number(v);
    } else if (a.startsWith('-')) throw new TunnelUsageError(`unknown option '${a}'`);
    else if (resource) throw new TunnelUsageError(`one resource at a time ('${resource}' and '${a}')`);
    else resource = a;
  }
  if (!resource) throw new TunnelUsageError('which resource? (a DB instance identifier)');
  return { data, port, resource };
}

function labTarget(data: string): { host: string; port: number; token?: string } {
  let url: URL;
  try {
    url = new URL(readFileSync(join(data, 'console-url'), 'utf8').trim());
  } catch {
    throw new Error(`no running lab found in ${data} (start it with: nimbus serve --data ${data})`);
  }
  const token = url.searchParams.get('token') ?? undefined;
  return { host: url.hostname, port: Number(url.port || 80), ...(token ? { token } : {}) };
}

function upgrade(lab: ReturnType<typeof labTarget>, resource: string, probe: boolean): Promise<{ socket?: Socket; status: number; body: string }> {
  const path = `/_lab/tunnel/${encodeURIComponent(resource)}?${probe ? 'probe=1&' : ''}${lab.token ? `token=${encodeURIComponent(lab.token)}` : ''}`;
  return new Promise((resolve, reject) => {
    const req = request({ host: lab.host, port: lab.port, path, headers: { connection: 'Upgrade', upgrade: 'nimbus-tunnel', host: `${lab.host}:${lab.port}` } });
    req.on('upgrade', (_res, socket, head) => {
      if (head.length) socket.unshift(head);
      resolve({ socket, status: 101, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function tunnelCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const lab = labTarget(args.data);
  const probe = await upgrade(lab, args.resource, true);
  if (probe.status !== 200) {
    console.error(`nimbus tunnel: ${probe.body.trim() || `the lab answered ${probe.status}`}`);
    return 1;
  }
  const info = JSON.parse(probe.body) as { instance: string; engine: string; port: number; client?: string };
  const server = createServer((local) => {
    local.pause();
    upgrade(lab, args.resource, false)
      .then((r) => {
        if (!r.socket) {
          console.error(`nimbus tunnel: ${r.body.trim()}`);
          local.destroy();
          return;
        }
        const remote = r.socket;
        local.pipe(remote);
        remote.pipe(local);
        local.on('error', () => remote.destroy());
        remote.on('error', () => local.destroy());
        local.on('close', () => remote.destroy());
        remote.on('close', () => local.destroy());
        local.resume();
      })
      .catch((err: unknown) => {
        console.error(`nimbus tunnel: ${err instanceof Error ? err.message : String(err)}`);
        local.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : args.port;
  const client = info.client ? info.client.replace('{port}', String(port)) : info.engine === 'postgres' ? `psql -h 127.0.0.1 -p ${port} -U <master user>` : `mysql -h 127.0.0.1 -P ${port} -u <master user> -p`;
  console.log(`Forwarding 127.0.0.1:${port} to ${info.instance}${info.client ? '' : ` (${info.engine})`}, port ${info.port}. Connect with: ${client}`);
  console.log('Press Ctrl-C to close the tunnel.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  server.close();
  return 0;
}
