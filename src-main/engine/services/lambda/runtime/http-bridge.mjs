// http.request, https.request, http.get, https.get and fetch inside the sandbox, carried over IPC to
// the engine: requests to AWS endpoints reach the lab's dispatcher (signed with the execution role's
// credentials), others the lab's network as seen from AWS (guests' public servers, the offline
// internet). Enough of ClientRequest and IncomingMessage for the AWS SDKs and plain code.
import http from 'node:http';
import https from 'node:https';
import { Readable, Writable } from 'node:stream';

let nextId = 0;
const pending = new Map();

export function onReply(m) {
  const p = pending.get(m.id);
  pending.delete(m.id);
  p?.(m);
}

function send(req) {
  const id = ++nextId;
  return new Promise((ok) => {
    pending.set(id, ok);
    process.send({ type: 'http', id, req });
  });
}

function responseOf(m) {
  const res = Readable.from(m.body ? [Buffer.from(m.body, 'base64')] : []);
  res.statusCode = m.status;
  res.statusMessage = m.statusText ?? '';
  res.headers = Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  res.rawHeaders = Object.entries(res.headers).flat();
  res.httpVersion = '1.1';
  res.setTimeout = () => res;
  return res;
}

class BridgeRequest extends Writable {
  constructor(url, options, scheme) {
    super();
    this.method = (options.method ?? 'GET').toUpperCase();
    this.url = url;
    this.headerList = {};
    for (const [k, v] of Object.entries(options.headers ?? {})) if (v !== undefined) this.headerList[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
    this.chunks = [];
    this.scheme = scheme;
    this.aborted = false;
    this.reusedSocket = false;
    this.path = url.pathname + url.search;
    this.host = url.hostname;
    this.protocol = `${scheme}:`;
  }
  setHeader(k, v) {
    this.headerList[k.toLowerCase()] = String(v);
  }
  getHeader(k) {
    return this.headerList[k.toLowerCase()];
  }
  removeHeader(k) {
    delete this.headerList[k.toLowerCase()];
  }
  getHeaders() {
    return { ...this.headerList };
  }
  hasHeader(k) {
    return k.toLowerCase() in this.headerList;
  }
  setTimeout(ms, cb) {
    if (cb) this.once('timeout', cb);
    return this;
  }
  setNoDelay() {}
  setSocketKeepAlive() {}
  flushHeaders() {}
  abort() {
    this.aborted = true;
    this.destroy();
  }
  _write(chunk, enc, cb) {
    this.chunks.push(Buffer.from(chunk, enc));
    cb();
  }
  _final(cb) {
    cb();
    const body = Buffer.concat(this.chunks);
    const headers = { host: this.url.host, ...this.headerList };
    send({ method: this.method, url: this.url.href, headers, body: body.length ? body.toString('base64') : '' }).then((m) => {
      if (this.aborted) return;
      if (m.error) {
        const e = new Error(m.error);
        e.code = m.code ?? 'ECONNREFUSED';
        this.emit('error', e);
        return;
      }
      const res = responseOf(m);
      this.res = res;
      this.emit('response', res);
    });
  }
}

function requestFor(scheme) {
  return (a, b, c) => {
    let url;
    let options;
    let cb;
    if (typeof a === 'string' || a instanceof URL) {
      url = new URL(String(a));
      options = typeof b === 'function' ? {} : (b ?? {});
      cb = typeof b === 'function' ? b : c;
    } else {
      options = a ?? {};
      cb = b;
      const host = options.hostname ?? options.host ?? 'localhost';
      const port = options.port ? `:${options.port}` : '';
      url = new URL(`${options.protocol ?? `${scheme}:`}//${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}${port}${options.path ?? '/'}`);
    }
    const req = new BridgeRequest(url, options, url.protocol.replace(':', ''));
    if (cb) req.once('response', cb);
    return req;
  };
}

async function bridgeFetch(input, init = {}) {
  const req = input instanceof Request ? input : new Request(input, init);
  const body = req.body ? Buffer.from(await req.arrayBuffer()) : Buffer.alloc(0);
  const m = await send({ method: req.method, url: req.url, headers: Object.fromEntries(req.headers), body: body.toString('base64') });
  if (m.error) throw new TypeError('fetch failed', { cause: Object.assign(new Error(m.error), { code: m.code }) });
  const noBody = m.status === 204 || m.status === 304 || req.method === 'HEAD';
  return new Response(noBody ? null : Buffer.from(m.body ?? '', 'base64'), { status: m.status, statusText: m.statusText ?? '', headers: m.headers });
}

export function installHttpBridge() {
  for (const [mod, scheme] of [
    [http, 'http'],
    [https, 'https'],
  ]) {
    const request = requestFor(scheme);
    mod.request = request;
    mod.get = (...args) => {
      const req = request(...args);
      req.end();
      return req;
    };
  }
  globalThis.fetch = bridgeFetch;
}
