/**
 * The node:http side of the AWS endpoint: IncomingMessage → HttpRequest for the gateway, and its
 * HttpResponse back onto the socket, streaming with backpressure and stopping when the client leaves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { HttpRequest, HttpResponse } from '../engine/index';

export function toHttpRequest(req: IncomingMessage): HttpRequest {
  let url = req.url ?? '/';
  // Absolute-form request targets (a client that thinks we are a proxy): keep path and query only.
  if (url.charCodeAt(0) !== 47 /* '/' */) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i.exec(url);
    url = m ? url.slice(m[0].length) || '/' : '/' + url;
  }
  const q = url.indexOf('?');
  const headers = req.headers as Record<string, string | string[] | undefined>;
  // Only set-cookie arrives as an array; nobody signs it, but the protocol layer wants strings.
  if (Array.isArray(headers['set-cookie'])) headers['set-cookie'] = headers['set-cookie'].join(',');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers: headers as Record<string, string>,
    body: req,
    remoteAddress: req.socket.remoteAddress,
  };
}

export async function writeResponse(res: ServerResponse, out: HttpResponse): Promise<void> {
  const body = out.body;
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
    // A known length spares the client chunked decoding (HEAD answers carry the object's own length).
    if (out.headers['content-length'] === undefined && out.status !== 204 && out.status !== 304)
      out.headers['content-length'] = String(body === undefined ? 0 : Buffer.byteLength(body));
    res.writeHead(out.status, out.headers);
    res.end(body);
    return;
  }
  res.writeHead(out.status, out.headers);
  const src = body instanceof Readable ? body : Readable.from(body, { objectMode: false });
  try {
    // pipeline waits on 'drain' and destroys the source (ending the handler's iterator) on a client abort.
    await pipeline(src, res);
  } catch (err) {
    if (!res.destroyed && !res.writableFinished) {
      console.error('[nimbus] response stream failed', err);
      res.destroy();
    }
  }
}

/** Last resort when the gateway itself throws: a bug, logged, answered without details. */
export function writeInternalError(res: ServerResponse, err: unknown): void {
  console.error('[nimbus] endpoint error', err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalFailure</Code><Message>The request processing has failed because of an unknown error, exception or failure.</Message></Error>';
  res.writeHead(500, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}
