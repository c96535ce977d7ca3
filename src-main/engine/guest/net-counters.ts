/**
 * Bytes and packets each instance sent and received over the virtual network, counted where guests
 * talk HTTP to each other, to the lab's internet and to load balancers (net-client.ts). Counters only
 * grow; CloudWatch's NetworkIn/Out and NetworkPacketsIn/Out are their change over a period. Packets
 * are TCP segments of at most one MSS (1448 bytes of payload) per message, a model of the wire.
 */

export interface NetCounters {
  bytesIn: number;
  bytesOut: number;
  packetsIn: number;
  packetsOut: number;
}

const MSS = 1448;
const counters = new Map<string, NetCounters>();

export function countTraffic(instanceId: string, direction: 'in' | 'out', bytes: number): void {
  let c = counters.get(instanceId);
  if (!c) counters.set(instanceId, (c = { bytesIn: 0, bytesOut: 0, packetsIn: 0, packetsOut: 0 }));
  const packets = Math.max(1, Math.ceil(bytes / MSS));
  if (direction === 'in') {
    c.bytesIn += bytes;
    c.packetsIn += packets;
  } else {
    c.bytesOut += bytes;
    c.packetsOut += packets;
  }
}

/** The instance's counters so far (zeros for one that never talked). */
export function netCountersOf(instanceId: string): NetCounters {
  return { ...(counters.get(instanceId) ?? { bytesIn: 0, bytesOut: 0, packetsIn: 0, packetsOut: 0 }) };
}

/** Size of an HTTP message on the wire: start line, headers, blank line, body. */
export function httpMessageBytes(startLine: string, headers: Record<string, string>, body?: string): number {
  let n = Buffer.byteLength(startLine) + 2;
  for (const [k, v] of Object.entries(headers)) n += Buffer.byteLength(k) + 2 + Buffer.byteLength(v) + 2;
  return n + 2 + (body ? Buffer.byteLength(body) : 0);
}
