/**
 * The PROXY protocol v1 line (HAProxy's, one text line before the first byte) that tells an engine
 * who is really connecting: the guest's address, not 127.0.0.1. MySQL's "Access denied for user
 * 'x'@'10.0.1.23'" and Redis's CLIENT LIST both need it. child-harness.mjs reads it back.
 */
import type { StreamSource } from './types';

export function proxyHeader(source: StreamSource): string {
  const v6 = source.sourceIp.includes(':');
  const dest = source.destIp ?? (v6 ? '::1' : '127.0.0.1');
  return `PROXY ${v6 ? 'TCP6' : 'TCP4'} ${source.sourceIp} ${dest} ${source.sourcePort ?? 40000} ${source.destPort ?? 0}\r\n`;
}
