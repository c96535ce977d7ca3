/**
 * The guest's web servers (httpd, apache2, nginx) answering requests from the virtual network: the
 * document root or a virtual host's (§3.7: <VirtualHost IP:80> blocks, ServerName for name-based
 * hosts), index.html, the distribution's test page when there is none, and the access log.
 */
import type { Guest } from './machine';
import type { HttpRequestIn, HttpResponseOut } from './types';

interface VHost {
  address?: string;
  serverName?: string;
  documentRoot: string;
}

const STATUS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found' };

function confFiles(guest: Guest, dir: string): string[] {
  try {
    return guest.rootFs
      .listSync(dir)
      .filter((n) => n.endsWith('.conf'))
      .map((n) => guest.rootFs.readSyncText(`${dir}/${n}`));
  } catch {
    return [];
  }
}

function parseVHosts(text: string): VHost[] {
  const out: VHost[] = [];
  const re = /<VirtualHost\s+([^>]+)>([\s\S]*?)<\/VirtualHost>/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const addr = m[1]!.trim().split(/\s+/)[0]!.replace(/:\d+$/, '');
    const body = m[2]!;
    const root = /^\s*DocumentRoot\s+"?([^"\s]+)"?/im.exec(body)?.[1];
    const name = /^\s*ServerName\s+(\S+)/im.exec(body)?.[1];
    out.push({
      ...(addr !== '*' && addr !== '_default_' ? { address: addr } : {}),
      ...(name ? { serverName: name.replace(/:\d+$/, '') } : {}),
      documentRoot: root ?? '/var/www/html',
    });
  }
  return out;
}

function documentRoot(guest: Guest, kind: string, req: HttpRequestIn): string {
  if (kind === 'nginx') {
    const conf = [...confFiles(guest, '/etc/nginx/conf.d'), safeRead(guest, '/etc/nginx/nginx.conf')].join('\n');
    const root = /^\s*root\s+([^;\s]+);/m.exec(conf)?.[1];
    return root ?? '/usr/share/nginx/html';
  }
  const confs = [
    ...confFiles(guest, '/etc/httpd/conf.d'),
    ...confFiles(guest, '/etc/apache2/sites-enabled'),
  ];
  const vhosts = confs.flatMap(parseVHosts);
  const host = req.host.replace(/:\d+$/, '');
  const local = guest.identity.interfaces.find((i) => i.publicIp === req.host || i.privateIp === host);
  const localIp = local?.privateIp ?? host;
  const byName = vhosts.find((v) => v.serverName === host);
  if (byName) return byName.documentRoot;
  const byIp = vhosts.find((v) => v.address === localIp);
  if (byIp) return byIp.documentRoot;
  const main = safeRead(guest, '/etc/httpd/conf/httpd.conf');
  const root = /^\s*DocumentRoot\s+"?([^"\s]+)"?/m.exec(main)?.[1];
  return root ?? '/var/www/html';
}

function safeRead(guest: Guest, path: string): string {
  try {
    return guest.rootFs.readSyncText(path);
  } catch {
    return '';
  }
}

function testPage(guest: Guest, kind: string): string {
  if (kind === 'nginx') return '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>\n';
  if (guest.image.promptStyle === 'debian')
    return '<!DOCTYPE html>\n<html><head><title>Apache2 Ubuntu Default Page: It works</title></head><body><h1>It works!</h1></body></html>\n';
  return `<!DOCTYPE html>\n<html><head><title>Test Page for the Apache HTTP Server on the ${guest.image.prettyName.replace(/ \d.*$/, '')}</title></head>\n<body><h1>${guest.image.prettyName.replace(/ \d.*$/, '')} Test Page</h1>\n<p>This page is used to test the proper operation of the Apache HTTP server after it has been installed. If you can read this page, it means that the web server installed at this site is working properly, but has not yet been configured.</p></body></html>\n`;
}

export async function serveHttp(guest: Guest, req: HttpRequestIn): Promise<HttpResponseOut | undefined> {
  const web = [...guest.services.values()].find((s) => (s.kind === 'httpd' || s.kind === 'nginx') && (s.port ?? 80) === req.port);
  if (!web) return undefined;
  const root = documentRoot(guest, web.kind, req);
  let path = decodeURIComponent(req.path.split('?')[0] ?? '/');
  if (path.includes('\0')) path = '/';
  const fs = guest.rootFs;
  let full = fs.resolvePath(root, `.${path}`);
  let status = 200;
  let body: string;
  let contentType = 'text/html; charset=UTF-8';
  try {
    const st = fs.statSync(full);
    if (st.isDirectory) {
      const index = ['index.html', 'index.htm', 'index.php', 'index.nginx-debian.html'].find((n) => fs.existsSync(`${full}/${n}`));
      if (!index) {
        if (path === '/') {
          status = web.kind === 'nginx' ? 200 : 403;
          body = testPage(guest, web.kind);
        } else {
          status = 403;
          body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don't have permission to access ${path} on this server.</p>\n</body></html>\n`;
        }
      } else {
        full = `${full.replace(/\/$/, '')}/${index}`;
        body = fs.readSyncText(full);
      }
    } else {
      body = fs.readSyncText(full);
      if (full.endsWith('.css')) contentType = 'text/css';
      else if (full.endsWith('.js')) contentType = 'application/javascript';
      else if (full.endsWith('.json')) contentType = 'application/json';
      else if (full.endsWith('.txt')) contentType = 'text/plain; charset=UTF-8';
    }
  } catch {
    status = 404;
    body = web.kind === 'nginx'
      ? '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
      : `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL ${path} was not found on this server.</p>\n</body></html>\n`;
  }
  const when = new Date(guest.host.clock.now());
  const stamp = `${String(when.getUTCDate()).padStart(2, '0')}/${when.toUTCString().slice(8, 11)}/${when.getUTCFullYear()}:${when.toISOString().slice(11, 19)} +0000`;
  const logDir = web.kind === 'nginx' ? '/var/log/nginx' : guest.image.promptStyle === 'debian' ? '/var/log/apache2' : '/var/log/httpd';
  const size = Buffer.byteLength(body);
  const ua = req.headers['user-agent'] ?? '-';
  try {
    guest.rootFs.writeSync(`${logDir}/access${web.kind === 'nginx' || guest.image.promptStyle === 'debian' ? '.log' : '_log'}`, new TextEncoder().encode(`${req.sourceIp} - - [${stamp}] "${req.method} ${req.path} HTTP/1.1" ${status} ${size} "-" "${ua}"\n`), true);
  } catch {
    // a missing log directory does not stop the server answering
  }
  const server = web.kind === 'nginx' ? 'nginx/1.12.1' : guest.image.promptStyle === 'debian' ? 'Apache/2.4.18 (Ubuntu)' : 'Apache/2.2.34 (Amazon)';
  return {
    status,
    statusText: STATUS[status] ?? 'OK',
    headers: {
      date: when.toUTCString(),
      server,
      'content-type': contentType,
      'content-length': String(size),
    },
    body: req.method === 'HEAD' ? '' : body,
  };
}
