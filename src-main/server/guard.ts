/**
 * Who may use the console (`/_lab/…` and its WebSocket): a browser tab on this machine that was given
 * the per-start token. The Host and Origin checks stop DNS rebinding (a page on evil.example that
 * resolves to 127.0.0.1 sends its own Host); the token stops other local pages and users.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'nimbus_token';

export interface Guard {
  /** Why the request is refused, or undefined when it may go on. `queryToken` is `?token=` if given. */
  check(req: IncomingMessage, queryToken: string | undefined): string | undefined;
  /** Set-Cookie value that remembers the token for the rest of the session. */
  cookie(): string;
}

export function createGuard(opts: { token: string | undefined; port: () => number; host: string }): Guard {
  const token = opts.token;
  const tokenBuf = token ? Buffer.from(token) : undefined;
  let allowedFor = -1;
  let allowed = new Set<string>();
  // Port 0 is only known once listening, so the allowed Host values are built on first use.
  const allowedHosts = (): Set<string> => {
    const port = opts.port();
    if (port !== allowedFor) {
      allowedFor = port;
      allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
      const h = opts.host;
      if (h && h !== '0.0.0.0' && h !== '::') allowed.add(h.includes(':') ? `[${h}]:${port}` : `${h}:${port}`);
    }
    return allowed;
  };

  const tokenMatches = (given: string | undefined): boolean => {
    if (!tokenBuf) return true;
    if (!given) return false;
    const g = Buffer.from(given);
    return g.length === tokenBuf.length && timingSafeEqual(g, tokenBuf);
  };

  return {
    check(req, queryToken) {
      const host = req.headers.host?.toLowerCase();
      if (!host || !allowedHosts().has(host)) return 'This console only answers on 127.0.0.1, localhost or [::1].';
      const origin = req.headers.origin;
      if (origin !== undefined && origin.toLowerCase() !== `http://${host}`)
        return 'Cross-origin requests to the console are refused.';
      if (!tokenMatches(queryToken ?? cookieValue(req.headers.cookie, TOKEN_COOKIE))) {
        return 'Open the console with the URL Nimbus Lab printed (it carries a per-start token).';
      }
      return undefined;
    },
    cookie: () => `${TOKEN_COOKIE}=${token ?? ''}; Path=/_lab; HttpOnly; SameSite=Strict`,
  };
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
