/**
 * Where a function's HTTP requests go (they arrive from the sandbox over the supervisor's stream,
 * never as sockets): an AWS endpoint (`*.amazonaws.com`) is answered by the lab's own wire layer, with
 * SigV4 checked against the execution role's session keys, so the role's policies apply; any other
 * host goes to the lab's network as seen from AWS, which the terminals register with
 * `setLambdaInternet` (guests' public servers and the offline internet).
 */
import { lookupAccessKey } from '../../../core/account';
import type { Store } from '../../../store/store';
import type { Clock } from '../../../clock/clock';
import { listModelServices, loadModel } from '../../../models/load';
import { findResourcesDir } from '../../../models/paths';
import { createGateway, type Gateway } from '../../../protocol/gateway';
import { createAuthenticator } from '../../../protocol/sigv4';
import type { Call } from '../../../protocol/types';
import type { HttpRequestLike, HttpResponseLike } from '../../../core/data-planes';
import { bytesOf } from '../code';

export interface BridgeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** base64 */
  body: string;
}

export type BridgeReply = { status: number; statusText: string; headers: Record<string, string>; body: string } | { error: string; code: string };

/** The internet as a Lambda function in `region` sees it: an answer, or why there is none (ENOTFOUND, ETIMEDOUT...). */
export type LambdaInternet = (req: HttpRequestLike & { scheme: string; region: string }) => Promise<HttpResponseLike | { error: string; code: string }>;

let internet: LambdaInternet | undefined;
export const setLambdaInternet = (fn: LambdaInternet | undefined): void => {
  internet = fn;
};

export function createBridge(deps: { store: Store; clock: Clock; call: Call }): (req: BridgeRequest, region: string) => Promise<BridgeReply> {
  let gateway: Gateway | undefined;
  let services: string[] | undefined;
  const gw = (): Gateway => {
    const resources = findResourcesDir();
    gateway ??= createGateway({
      model: (s) => loadModel(resources, s),
      listServices: () => (services ??= listModelServices(resources)),
      call: deps.call,
      authenticate: createAuthenticator({ lookup: (id) => lookupAccessKey(deps.store, id), simNow: () => deps.clock.now() }),
    });
    return gateway;
  };
  return async (req, region) => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return { error: `Invalid URL ${req.url}`, code: 'ERR_INVALID_URL' };
    }
    const body = Buffer.from(req.body ?? '', 'base64');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    // The HTTP client adds Host itself (botocore signs it without putting it in its header list).
    headers.host ??= url.host;
    if (/(^|\.)amazonaws\.com$/.test(url.hostname) && !/s3-website/.test(url.hostname)) {
      const res = await gw().handle({ method: req.method, path: url.pathname, rawQuery: url.search.slice(1), headers, body, remoteAddress: '3.80.0.1' });
      const out = await bytesOf(res.body);
      return { status: res.status, statusText: '', headers: res.headers, body: out.toString('base64') };
    }
    const answer = await internet?.({ method: req.method, path: url.pathname + url.search, host: url.host, headers, body: body.toString('utf8'), scheme: url.protocol.replace(':', ''), region });
    if (!answer) return { error: `getaddrinfo ENOTFOUND ${url.hostname}`, code: 'ENOTFOUND' };
    if ('error' in answer) return answer;
    return { status: answer.status, statusText: answer.statusText, headers: answer.headers, body: Buffer.from(answer.body).toString('base64') };
  };
}
