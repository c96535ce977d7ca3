/**
 * How the rest of the lab finds a service's data plane without knowing the service: a service
 * registers, per engine (store), who answers a DNS name in the virtual network, which network
 * interfaces carry its endpoints, and a byte stream to one of them. The guests' network (names,
 * connections) and `nimbus tunnel` ask here; RDS registers first, ElastiCache and Lambda next.
 */
import type { Duplex } from 'node:stream';
import type { StreamSource } from './types';

export interface DataPlane {
  /** Service key, for messages. */
  service: string;
  /** The private address a DNS name stands for (`mydb.abc.us-east-1.rds.amazonaws.com`), if it is this service's. */
  resolve(name: string): string | undefined;
  /** Whether this network interface is one of the service's endpoints. */
  ownsInterface(eniId: string): boolean;
  /**
   * A stream to the endpoint behind an interface and port. Resolves to a string when nothing listens
   * there (the DB is stopped, another port): the client sees "connection refused".
   */
  stream(eniId: string, port: number, source: StreamSource): Promise<Duplex | string>;
  /** A stream for `nimbus tunnel` to a resource by its id (DB identifier, cache cluster id), or why not. */
  tunnel?(resourceId: string): Promise<Duplex | string> | undefined;
}

const planes = new WeakMap<object, DataPlane[]>();

/** Called from a service's `start`, keyed by the engine's store (one lab = one store). */
export function registerDataPlane(key: object, plane: DataPlane): void {
  const list = planes.get(key) ?? [];
  planes.set(key, [...list.filter((p) => p.service !== plane.service), plane]);
}

export function dataPlanesOf(key: object): readonly DataPlane[] {
  return planes.get(key) ?? [];
}
