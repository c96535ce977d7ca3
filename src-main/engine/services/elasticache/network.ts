/**
 * Where Redis nodes sit in the guests' network: each node's endpoint name resolves to its network
 * interface's private address, and a connection to port 6379 (once the network model let it pass)
 * becomes a byte stream to the node's Redis under the supervisor. The stream re-sends the simulated
 * clock to the node whenever the lab stepped or warped it, before the bytes that follow.
 */
import { Duplex } from 'node:stream';
import type { ServiceEndpoint, ServiceNetwork } from '../../core/data-planes';
import { anchors, runtime, whenDefined } from './lifecycle';
import { regionTag } from './node-types';
import { engineId, nodeAddress } from './state/rows';

interface NodeAt {
  account_id: string;
  region: string;
  cluster_id: string;
  node_id: string;
  eni_id: string;
  ip: string;
  port: number;
  vpc_id: string;
  endpoint_tag: string;
}

const NODES_SQL = `SELECT n.account_id, n.region, n.cluster_id, n.node_id, n.eni_id, n.ip, c.port, c.vpc_id, c.endpoint_tag, c.status
  FROM elasticache_nodes n JOIN elasticache_clusters c ON c.account_id = n.account_id AND c.region = n.region AND c.id = n.cluster_id
  WHERE n.eni_id IS NOT NULL`;
/** Nodes that answer on the network: their cluster is usable. */
const NODE_SQL = `${NODES_SQL} AND c.status IN ('available', 'modifying', 'snapshotting')`;

let lastSync = { anchorSim: 0, anchorReal: 0, warp: -1 };

function clockMoved(): boolean {
  const now = anchors();
  const expected = lastSync.anchorSim + (now.anchorReal - lastSync.anchorReal) * lastSync.warp;
  return now.warp !== lastSync.warp || Math.abs(expected - now.anchorSim) > 20;
}

/** A duplex that forwards to the node's socket, syncing the node's clock first when it moved. */
async function openNode(n: NodeAt, source: { ip: string; port?: number }): Promise<Duplex> {
  const rt = runtime();
  if (!rt?.supervisor) throw new Error('no supervisor');
  const id = engineId(n.account_id, n.region, n.cluster_id, n.node_id);
  await whenDefined(n.account_id, n.region, n.cluster_id);
  const sync = async () => {
    if (!clockMoved()) return;
    lastSync = anchors();
    await rt.supervisor!.request(id, 'clock', lastSync);
  };
  await sync();
  const socket = await rt.supervisor.connect(id, { sourceIp: source.ip, ...(source.port ? { sourcePort: source.port } : {}), destIp: n.ip, destPort: n.port });
  const wrapper = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _enc, done) {
      sync().then(
        () => socket.write(chunk, done),
        (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
      );
    },
    final(done) {
      socket.end();
      done();
    },
    destroy(err, done) {
      socket.destroy();
      done(err);
    },
  });
  socket.on('data', (d: Buffer) => {
    if (!wrapper.push(d)) socket.pause();
  });
  socket.on('end', () => wrapper.push(null));
  socket.on('close', () => wrapper.destroy());
  socket.on('error', (e) => wrapper.destroy(e));
  return wrapper;
}

function endpoint(n: NodeAt): ServiceEndpoint {
  return {
    service: 'elasticache',
    accountId: n.account_id,
    region: n.region,
    vpcId: n.vpc_id,
    eniId: n.eni_id,
    ports: [n.port],
    open: (_port, source) => openNode(n, source),
  };
}

export const elasticacheNetwork: ServiceNetwork = {
  async tunnel(resourceId) {
    const rt = runtime();
    if (!rt) return undefined;
    // A cluster id or a node endpoint name; with several accounts or regions, the first match.
    const id = resourceId.toLowerCase().split('.')[0]!;
    const n = rt.store.stmt(`${NODES_SQL} AND n.cluster_id = ? ORDER BY n.node_id`).get(id) as (NodeAt & { status: string }) | undefined;
    if (!n) return undefined;
    if (n.status !== 'available') return `cache cluster ${n.cluster_id} is ${n.status}, not available`;
    return { stream: await openNode(n, { ip: '127.0.0.1' }), label: `cache cluster ${n.cluster_id} (Redis, node ${n.node_id})`, port: n.port, client: 'redis-cli -h 127.0.0.1 -p {port}' };
  },
  resolve(name) {
    const m = /^([a-z][a-z0-9-]*)\.([a-z0-9]+)\.(\d{4})\.([a-z0-9]+)\.cache\.amazonaws\.com$/.exec(name);
    const rt = runtime();
    if (!m || !rt) return undefined;
    const rows = rt.store.stmt(`${NODE_SQL} AND n.cluster_id = ? AND n.node_id = ? AND c.endpoint_tag = ?`).all(m[1], m[3], m[2]) as NodeAt[];
    return rows.find((r) => regionTag(r.region) === m[4] && nodeAddress({ id: r.cluster_id, endpoint_tag: r.endpoint_tag }, r.node_id, m[4]!) === name)?.ip;
  },
  at(address, scope) {
    const rt = runtime();
    if (!rt) return undefined;
    const rows = rt.store.stmt(`${NODE_SQL} AND n.ip = ?`).all(address) as NodeAt[];
    const n = rows.find((r) => !scope || (r.account_id === scope.accountId && r.region === scope.region)) ?? rows[0];
    return n ? endpoint(n) : undefined;
  },
};
