/** The lab's Redis server alone on a loopback port, in a process of its own (as a node runs under the supervisor). */
import { RedisServer } from '../src-main/engine/services/elasticache/redis/server';
import { listenTcp } from '../src-main/engine/services/elasticache/redis/tcp';

const server = new RedisServer({ now: () => Date.now(), maxmemoryPolicy: 'noeviction' });
setInterval(() => server.tick(), 100).unref();
const { port } = await listenTcp(server, 0);
console.log(`port ${port}`);
