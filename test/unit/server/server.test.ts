import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createEngine, type Engine } from '../../../src-main/engine/index';
import { createLabServer, type LabServer } from '../../../src-main/server/server';

const TOKEN = 'test-token-0123456789';
let engine: Engine;
let lab: LabServer;
let web: string;

/** Raw request so tests control Host, Origin and un-normalized paths. */
function get(path: string, headers: Record<string, string> = {}, port = lab.port) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (ok, fail) => {
      const req = request(
        { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body }));
        },
      );
      req.on('error', fail);
      req.end();
    },
  );
}

beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'nimbus-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(web, 'assets', 'app-1234.js'), 'console.log(1)');
  engine = createEngine();
  lab = await createLabServer({ engine, port: 0, host: '127.0.0.1', token: TOKEN, webRoot: web, version: '9.9.9' });
});

afterAll(async () => {
  await lab.close();
  engine.close();
  rmSync(web, { recursive: true, force: true });
});

describe('/_lab/health', () => {
  it('answers ready without a token and tells nothing secret', async () => {
    const res = await get('/_lab/health', { host: 'evil.example' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ready', version: '9.9.9' });
  });
});

describe('console static files', () => {
  it('refuses a request without the token', async () => {
    const res = await get('/_lab/');
    expect(res.status).toBe(403);
    expect(res.body).toBe('Open the console with the URL Nimbus Lab printed (it carries a per-start token).\n');
  });

  it('serves index.html with ?token= and sets the session cookie', async () => {
    const res = await get(`/_lab/?token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe('<!doctype html><title>console</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['set-cookie']).toEqual([`nimbus_token=${TOKEN}; Path=/_lab; HttpOnly; SameSite=Strict`]);
    expect(lab.consoleUrl).toBe(`http://127.0.0.1:${lab.port}/_lab/?token=${TOKEN}`);
  });

  it('serves assets with the cookie, and nothing outside the web root', async () => {
    const cookie = { cookie: `other=1; nimbus_token=${TOKEN}` };
    const asset = await get('/_lab/assets/app-1234.js', cookie);
    expect([asset.status, asset.body, asset.headers['content-type']]).toEqual([
      200,
      'console.log(1)',
      'text/javascript; charset=utf-8',
    ]);
    expect(asset.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await get('/_lab/../../../etc/passwd', cookie)).status).toBe(404);
    expect((await get('/_lab/%2e%2e/%2e%2e/etc/passwd', cookie)).status).toBe(404);
    expect((await get('/_lab/nope.js', cookie)).status).toBe(404);
  });

  it('refuses a wrong token, a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await get('/_lab/?token=wrong')).status).toBe(403);
    const rebinding = await get(`/_lab/?token=${TOKEN}`, { host: `evil.example:${lab.port}` });
    expect([rebinding.status, rebinding.body]).toEqual([
      403,
      'This console only answers on 127.0.0.1, localhost or [::1].\n',
    ]);
    const cross = await get(`/_lab/?token=${TOKEN}`, { origin: 'http://evil.example' });
    expect([cross.status, cross.body]).toEqual([403, 'Cross-origin requests to the console are refused.\n']);
    expect((await get(`/_lab/?token=${TOKEN}`, { origin: `http://127.0.0.1:${lab.port}` })).status).toBe(200);
    expect(
      (await get(`/_lab/?token=${TOKEN}`, { host: `localhost:${lab.port}`, origin: `http://localhost:${lab.port}` }))
        .status,
    ).toBe(200);
  });
});

describe('/_lab/ws', () => {
  const open = (headers: Record<string, string>) =>
    new Promise<WebSocket>((ok, fail) => {
      const ws = new WebSocket(`ws://127.0.0.1:${lab.port}/_lab/ws`, { headers });
      ws.once('open', () => ok(ws));
      ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', fail);
    });

  it('refuses an upgrade without the token or from a foreign Origin', async () => {
    await expect(open({})).rejects.toThrow('HTTP 403');
    await expect(open({ cookie: `nimbus_token=${TOKEN}`, origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('bridges JSON messages to the contract host', async () => {
    const ws = await open({ cookie: `nimbus_token=${TOKEN}`, origin: `http://127.0.0.1:${lab.port}` });
    const answer = new Promise<{ id: number; ok: boolean; result: { accountId?: string } }>((ok) =>
      ws.on('message', (data) => {
        const msg = JSON.parse(data.toString()) as { id?: number };
        if (msg.id === 1) ok(msg as never);
      }),
    );
    ws.send(JSON.stringify({ id: 1, type: 'lab.info' }));
    const msg = await answer;
    expect(msg.ok).toBe(true);
    expect(msg.result.accountId).toBe(engine.account.accountId);
    ws.close();
  });
});

describe('AWS endpoint', () => {
  it('answers a signed STS call from a real client', async () => {
    const sts = new STSClient({
      endpoint: lab.url,
      region: 'us-east-1',
      credentials: { accessKeyId: engine.account.rootAccessKeyId, secretAccessKey: engine.account.rootSecretAccessKey },
      maxAttempts: 1,
    });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect([out.Account, out.Arn]).toEqual([engine.account.accountId, `arn:aws:iam::${engine.account.accountId}:root`]);
  });

  it('answers an unsigned S3 request with AccessDenied and stays up', async () => {
    const res = await get('/some-bucket/key');
    expect(res.status).toBe(403);
    expect(res.body).toContain('<Code>AccessDenied</Code>');
    expect(res.body).toContain('<Message>Access Denied</Message>');
    expect((await get('/_lab/health')).status).toBe(200);
  });
});

describe('bad requests', () => {
  it('answers a malformed Authorization header in the protocol form', async () => {
    const res = await get('/', {
      authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sts/aws4_request',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('IncompleteSignature');
  });

  it('survives a client that aborts in the middle of a chunked upload', async () => {
    await new Promise<void>((ok) => {
      const req = request({
        host: '127.0.0.1',
        port: lab.port,
        method: 'PUT',
        path: '/bucket/key',
        headers: {
          host: `127.0.0.1:${lab.port}`,
          'content-length': '100000',
          'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
          'content-encoding': 'aws-chunked',
          authorization: `AWS4-HMAC-SHA256 Credential=${engine.account.rootAccessKeyId}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00`,
        },
      });
      req.on('error', () => ok());
      req.on('response', () => ok());
      req.write('400\r\nabc');
      setTimeout(() => req.destroy(), 50);
    });
    expect((await get('/_lab/health')).status).toBe(200);
  });
});

describe('--no-token', () => {
  it('serves the console without a token but still checks Host', async () => {
    const open = await createLabServer({ engine, port: 0, noToken: true, webRoot: join(web, 'missing') });
    try {
      const res = await get('/_lab/', {}, open.port);
      expect(res.status).toBe(200);
      expect(res.body).toContain('the console has not been built yet');
      expect(open.consoleUrl).toBe(`http://127.0.0.1:${open.port}/_lab/`);
      expect((await get('/_lab/', { host: 'evil.example' }, open.port)).status).toBe(403);
    } finally {
      await open.close();
    }
  });
});
