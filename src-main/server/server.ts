/**
 * `nimbus serve`'s HTTP server: the AWS endpoint and the console share one port. `/_lab/…` is the
 * console (health, static files, WebSocket); everything else goes to the gateway, because S3 bucket
 * names cannot start with '_'.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { WebSocketServer } from 'ws';
import { createAuthenticator, createGateway, listModelServices, type Engine } from '../engine/index';
import { createContractHost } from '../engine/contract-host';
import { createGuard } from './guard';
import { serveStatic } from './static-files';
import { startConsoleBuild } from './console-build';
import { toHttpRequest, writeInternalError, writeResponse } from './aws-endpoint';
import { bridge, heartbeat } from './ws-bridge';
import { TUNNEL_PREFIX, tunnelUpgrade } from './tunnel';

export interface LabServerOptions {
  engine: Engine;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The console token; a random one per start when omitted. */
  token?: string;
  /** Console without a token (Host/Origin are still checked). */
  noToken?: boolean;
  /** Built console (default: <repo>/out/web). */
  webRoot?: string;
  version?: string;
  /** Build the console in the background when out/web has none (nimbus serve on a fresh clone). */
  buildConsole?: boolean;
  /** How often console sockets are pinged; one that misses a ping is dropped (default 30 s). */
  heartbeatMs?: number;
}

export interface LabServer {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly token: string | undefined;
  /** The console URL with its token, as printed and written to DIR/console-url. */
  readonly consoleUrl: string;
  close(): Promise<void>;
}

const LAB_PREFIX = '/_lab';

/** Starts listening; rejects with the listen error (EADDRINUSE…) so the CLI can say it in one line. */
export async function createLabServer(opts: LabServerOptions): Promise<LabServer> {
  const { engine } = opts;
  const host = opts.host ?? '127.0.0.1';
  const token = opts.noToken ? undefined : (opts.token ?? randomBytes(24).toString('base64url'));
  const webRoot = opts.webRoot ?? join(dirname(engine.resourcesDir), 'out', 'web');
  const consoleBuild = opts.buildConsole ? startConsoleBuild({ repoRoot: dirname(engine.resourcesDir), webRoot }) : undefined;
  const health = JSON.stringify({ status: 'ready', version: opts.version ?? 'dev' });

  let services: string[] | undefined;
  const gateway = createGateway({
    model: (s) => engine.model(s),
    listServices: () => (services ??= listModelServices(engine.resourcesDir)),
    call: engine.call,
    authenticate: createAuthenticator({ lookup: (id) => engine.lookupAccessKey(id), simNow: () => engine.clock.now() }),
  });
  const listening: { url?: string } = {};
  const contractHost = createContractHost(engine, { version: opts.version, endpoint: () => listening.url });

  const server = createServer({ keepAlive: true, requestTimeout: 0 });
  // SDKs keep connections in a pool; outliving their idle timeout avoids resets on reuse.
  server.keepAliveTimeout = 65_000;
  const port = (): number => {
    const a = server.address();
    return a && typeof a === 'object' ? a.port : opts.port;
  };
  const guard = createGuard({ token, port, host });

  async function handleAws(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A body the handler did not read must still be drained, or the keep-alive connection stalls.
    res.once('finish', () => {
      if (!req.readableEnded) req.resume();
    });
    try {
      await writeResponse(res, await gateway.handle(toHttpRequest(req)));
    } catch (err) {
      writeInternalError(res, err);
    }
  }

  async function handleLab(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (path === '/_lab/health') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(health);
      return;
    }
    if (path === LAB_PREFIX) {
      res.writeHead(301, { location: `/_lab/${q < 0 ? '' : url.slice(q)}` });
      res.end();
      return;
    }
    const queryToken = q < 0 ? undefined : (new URLSearchParams(url.slice(q + 1)).get('token') ?? undefined);
    const refused = guard.check(req, queryToken);
    if (refused) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${refused}\n`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(path.slice(LAB_PREFIX.length + 1));
    } catch {
      rel = '\0';
    }
    const file = rel.includes('\0')
      ? { status: 400, headers: { 'content-type': 'text/plain' }, body: 'Bad path\n' }
      : await serveStatic(webRoot, rel, consoleBuild?.building() ?? false);
    const headers: Record<string, string> = { ...file.headers, 'content-length': String(Buffer.byteLength(file.body)) };
    if (queryToken && token) headers['set-cookie'] = guard.cookie();
    res.writeHead(file.status, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url.startsWith(LAB_PREFIX) && (url.length === 5 || url[5] === '/' || url[5] === '?')) {
      handleLab(req, res, url).catch((err: unknown) => writeInternalError(res, err));
    } else {
      void handleAws(req, res);
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  const stopHeartbeat = heartbeat(wss, opts.heartbeatMs ?? 30_000);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const queryToken = q < 0 ? undefined : (new URLSearchParams(url.slice(q + 1)).get('token') ?? undefined);
    if (path.startsWith(TUNNEL_PREFIX)) {
      const denied = guard.check(req, queryToken);
      if (denied) socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${denied}\n`);
      else void tunnelUpgrade(engine, req, socket, head, path).catch(() => socket.destroy());
      return;
    }
    const refused = path === '/_lab/ws' ? guard.check(req, queryToken) : 'Not found';
    if (refused) {
      const status = path === '/_lab/ws' ? '403 Forbidden' : '404 Not Found';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${refused}\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => bridge(ws, contractHost));
  });
  // Clients that never finish their request line must not keep the process busy forever.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(opts.port, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  server.on('error', (err) => console.error('[nimbus] server error', err));

  const actualPort = port();
  const urlHost =
    host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const base = `http://${urlHost}:${actualPort}`;
  listening.url = base;
  return {
    server,
    host,
    port: actualPort,
    url: base,
    token,
    consoleUrl: `${base}/_lab/${token ? `?token=${token}` : ''}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        stopHeartbeat();
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
