/**
 * How guest programs reach the network: resolve a name, ask the network model whether the packet
 * gets there (routes, NACLs, security groups), then hand the request to the target (another guest's
 * web server, the metadata service, the offline internet). A blocked connection waits for the
 * client's timeout (fast-forwarded) and tells the terminal which rule dropped it.
 */
import type { Guest } from './machine';
import type { ConnectResult, GuestLike, HttpResponseOut, TerminalIo } from './types';
import { metadataRequest } from './metadata';
import { countTraffic, httpMessageBytes } from './net-counters';

export const METADATA_IP = '169.254.169.254';

export type HttpOutcome =
  | { ok: true; res: HttpResponseOut; address: string; host: string; port: number }
  | { ok: false; code: number; message: string; waitedMs?: number };

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
}

export function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(url.trim());
  if (!m) return undefined;
  const scheme = (m[1]?.toLowerCase() ?? 'http') as 'http' | 'https';
  return { scheme, host: m[2]!.toLowerCase(), port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] || '/' };
}

/** Resolves and checks a TCP/ICMP path from this guest. */
export function reach(guest: Guest, host: string, protocol: 'tcp' | 'udp' | 'icmp', port: number, io?: TerminalIo): { address?: string; result: ConnectResult } {
  if (host === 'localhost' || host === '127.0.0.1') return { address: '127.0.0.1', result: { ok: true, target: { kind: 'self' } } };
  if (host === METADATA_IP) {
    if (guest.identity.kind !== 'instance') return { address: host, result: { ok: false, failure: 'timeout' } };
    return { address: host, result: { ok: true, target: { kind: 'metadata' } } };
  }
  const address = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : guest.host.net.resolve(guest, host);
  if (!address) return { result: { ok: false, failure: 'unresolved' } };
  if (guest.identity.interfaces.some((i) => i.privateIp === address || i.publicIp === address)) return { address, result: { ok: true, target: { kind: 'self' } } };
  const result = guest.host.net.connect(guest, address, protocol, port);
  if (!result.ok && result.reason) {
    const e = { from: guest.sourceAddress(), to: host === address ? address : `${host} (${address})`, protocol, port, ...result.reason };
    io?.blocked?.(e);
    guest.host.onBlocked?.(e);
  }
  return { address, result };
}

export type StreamOutcome =
  | { ok: true; stream: import('node:stream').Duplex; address: string }
  | { ok: false; failure: 'unresolved' | 'refused' | 'timeout'; waitedMs?: number };

/**
 * A raw TCP byte stream from this guest (redis-cli, mysql, psql): resolve, pass the network model,
 * then open the service's data plane. A blocked path waits for the client's connect timeout first.
 */
export async function openStream(
  guest: Guest,
  host: string,
  port: number,
  opts: { connectTimeoutMs?: number; io?: TerminalIo; signal?: AbortSignal } = {},
): Promise<StreamOutcome> {
  const { address, result } = reach(guest, host, 'tcp', port, opts.io);
  if (!result.ok) {
    if (result.failure === 'unresolved') return { ok: false, failure: 'unresolved' };
    if (result.failure === 'refused') return { ok: false, failure: 'refused' };
    const wait = opts.connectTimeoutMs ?? 127_000;
    await guest.host.waitTimeout(wait, opts.signal);
    return { ok: false, failure: 'timeout', waitedMs: wait };
  }
  if (result.target.kind !== 'stream') return { ok: false, failure: 'refused' };
  const stream = await result.target.open({ ip: guest.sourceAddress() });
  return { ok: true, stream, address: address ?? host };
}

export async function httpRequest(
  guest: Guest,
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; connectTimeoutMs?: number; io?: TerminalIo; signal?: AbortSignal },
): Promise<HttpOutcome> {
  const u = parseUrl(url);
  if (!u) return { ok: false, code: 3, message: `URL using bad/illegal format or missing URL` };
  const method = opts.method ?? 'GET';
  const headers = { host: u.host, 'user-agent': 'curl/7.53.1', accept: '*/*', ...(opts.headers ?? {}) };
  const { address, result } = reach(guest, u.host, 'tcp', u.port, opts.io);
  if (!result.ok) {
    if (result.failure === 'unresolved') return { ok: false, code: 6, message: `Could not resolve host: ${u.host}` };
    if (result.failure === 'refused') return { ok: false, code: 7, message: `Failed to connect to ${u.host} port ${u.port}: Connection refused` };
    const wait = opts.connectTimeoutMs ?? 127_000;
    await guest.host.waitTimeout(wait, opts.signal);
    return { ok: false, code: opts.connectTimeoutMs ? 28 : 7, message: opts.connectTimeoutMs ? `Connection timed out after ${wait + 1} milliseconds` : `Failed to connect to ${u.host} port ${u.port}: Connection timed out`, waitedMs: wait };
  }
  const target = result.target;
  const req = { method, path: u.path, host: u.host, port: u.port, headers, ...(opts.body !== undefined ? { body: opts.body } : {}), sourceIp: guest.sourceAddress() };
  let res: HttpResponseOut | undefined;
  if (target.kind === 'metadata') res = metadataRequest(guest, method, u.path, headers);
  else if (target.kind === 'self') res = await guest.serveHttp(req);
  else if (target.kind === 'guest') {
    const other = guest.host.net.guest(target.guestId);
    res = await other?.serveHttp({ ...req, sourceIp: guest.identity.kind === 'workstation' ? guest.sourceAddress() : req.sourceIp });
  } else if (target.kind === 'site') res = guest.host.internet?.({ ...req, scheme: u.scheme });
  else if (target.kind === 'proxy') res = await target.serve(req);
  if (!res) return { ok: false, code: 7, message: `Failed to connect to ${u.host} port ${u.port}: Connection refused` };
  // The metadata service answers from the hypervisor: its traffic never shows in the network metrics.
  if (target.kind !== 'metadata') countHttp(guest, target.kind === 'self' ? guest : target.kind === 'guest' ? guest.host.net.guest(target.guestId) : undefined, req, res);
  return { ok: true, res, address: address ?? u.host, host: u.host, port: u.port };
}

/** CloudWatch's network counters (net-counters.ts): the client instance and, between guests, the server. */
function countHttp(client: GuestLike, server: GuestLike | undefined, req: { method: string; path: string; headers: Record<string, string>; body?: string }, res: HttpResponseOut): void {
  const sent = httpMessageBytes(`${req.method} ${req.path} HTTP/1.1`, req.headers, req.body);
  const received = httpMessageBytes(`HTTP/1.1 ${res.status} ${res.statusText}`, res.headers, res.body);
  if (client.identity.kind === 'instance') {
    countTraffic(client.identity.id, 'out', sent);
    countTraffic(client.identity.id, 'in', received);
  }
  if (server && server !== client && server.identity.kind === 'instance') {
    countTraffic(server.identity.id, 'in', sent);
    countTraffic(server.identity.id, 'out', received);
  }
}
