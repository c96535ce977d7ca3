/**
 * A Redis server with Redis's semantics, transport-agnostic: `connect()` gives a connection that
 * takes bytes in and writes replies out, so the same server answers a TCP socket (`nimbus tunnel`,
 * tests) and a guest's `redis-cli` through the virtual network. Time is the lab's simulated clock.
 */
import { Keyspace, type Value } from './keyspace';
import { Deque } from './deque';
import { NIL_ARRAY, QUEUED, RedisError, RequestParser, arr, encode, err, type Reply } from './resp';
import { connectionCommands, SERVER_VERSION } from './commands/connection';
import { hashCommands } from './commands/hashes';
import { keyCommands } from './commands/keys';
import { listCommands } from './commands/lists';
import { NO_REPLY, pubsubCommands } from './commands/pubsub';
import { setCommands } from './commands/sets';
import { stringCommands } from './commands/strings';
import { zsetCommands } from './commands/zsets';
import { globMatch } from './commands/parse';
import type { ClientState, Command, CommandTable, Exec, ServerState } from './commands/types';
import { estimateBytes } from './memory';

export const COMMANDS: CommandTable = {
  ...stringCommands,
  ...keyCommands,
  ...listCommands,
  ...hashCommands,
  ...setCommands,
  ...zsetCommands,
  ...connectionCommands,
  ...pubsubCommands,
};

export interface RedisServerOptions {
  now(): number;
  password?: string;
  /** Bytes; 0 = unlimited. ElastiCache sets it from the node type. */
  maxmemory?: number;
  maxmemoryPolicy?: string;
  databases?: number;
  /** Called by SAVE/BGSAVE and the periodic save with the serialized dataset. */
  persist?(snapshot: Buffer): void;
  initial?: Buffer;
  port?: number;
}

export interface Connection {
  feed(chunk: Buffer): void;
  /** The peer went away. */
  end(): void;
}

const SUBSCRIBE_ALLOWED = 'ERR Can\'t execute \'%s\': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context';

export class RedisServer implements ServerState {
  readonly dbs: Keyspace[];
  readonly config = new Map<string, string>();
  readonly startedAt: number;
  lastSave: number;
  readonly stats = { commands: 0, connections: 0, hits: 0, misses: 0, evicted: 0, expired: () => this.dbs.reduce((n, d) => n + d.expiredCount, 0) };
  private readonly live = new Set<ClientState>();
  private nextId = 1;
  private dirty = 0;
  /** Cached memory estimate: recomputed exactly every few thousand writes, nudged in between. */
  private memEstimate = 0;
  private writesSinceMeasure = Infinity;

  constructor(private readonly opts: RedisServerOptions) {
    const n = opts.databases ?? 16;
    this.dbs = Array.from({ length: n }, () => new Keyspace(opts.now));
    this.startedAt = opts.now();
    this.lastSave = this.startedAt;
    const defaults: Record<string, string> = {
      requirepass: opts.password ?? '',
      maxmemory: String(opts.maxmemory ?? 0),
      'maxmemory-policy': opts.maxmemoryPolicy ?? 'volatile-lru',
      databases: String(n),
      port: String(opts.port ?? 6379),
      timeout: '0',
      save: '3600 1 300 100 60 10000',
      appendonly: 'no',
      'notify-keyspace-events': '',
    };
    for (const [k, v] of Object.entries(defaults)) this.config.set(k, v);
    if (opts.initial) this.load(opts.initial);
  }

  now(): number {
    return this.opts.now();
  }

  clients(): Iterable<ClientState> {
    return this.live;
  }

  publish(channel: string, message: string): number {
    let n = 0;
    for (const c of this.live) {
      if (c.channels.has(channel)) {
        c.send(c.resp3 ? { t: 'push', a: [bulkOf('message'), bulkOf(channel), bulkOf(message)] } : arr([bulkOf('message'), bulkOf(channel), bulkOf(message)]));
        n++;
      }
      for (const p of c.patterns) {
        if (globMatch(p, channel)) {
          const items = [bulkOf('pmessage'), bulkOf(p), bulkOf(channel), bulkOf(message)];
          c.send(c.resp3 ? { t: 'push', a: items } : arr(items));
          n++;
        }
      }
    }
    return n;
  }

  /** Active expiry; the host calls it a few times a second. */
  tick(): void {
    for (const db of this.dbs) db.sweep();
  }

  connect(write: (b: Buffer) => void, close: () => void, addr = '127.0.0.1:0'): Connection {
    const parser = new RequestParser();
    let closed = false;
    // Replies to one batch of input are written together: a pipelined client gets one write, not sixteen.
    let batch: Buffer[] | undefined;
    const flush = () => {
      if (batch && batch.length > 0 && !closed) write(batch.length === 1 ? batch[0]! : Buffer.concat(batch));
      batch = undefined;
    };
    const client: ClientState = {
      id: this.nextId++,
      addr,
      createdAt: this.now(),
      dbIndex: 0,
      resp3: false,
      name: '',
      authenticated: !(this.config.get('requirepass') ?? ''),
      multi: null,
      multiFailed: false,
      watching: new Map(),
      channels: new Set(),
      patterns: new Set(),
      lastCommand: 'NULL',
      send: (r) => {
        if (closed) return;
        const bytes = encode(r, client.resp3);
        if (batch) batch.push(bytes);
        else write(bytes);
      },
      close: () => {
        if (closed) return;
        flush();
        closed = true;
        this.live.delete(client);
        close();
      },
    };
    this.live.add(client);
    this.stats.connections++;
    return {
      feed: (chunk) => {
        if (closed) return;
        parser.feed(chunk);
        batch = [];
        try {
          for (;;) {
            let args: string[] | undefined;
            try {
              args = parser.next();
            } catch (e) {
              client.send(err(e instanceof RedisError ? e.message : 'ERR Protocol error'));
              client.close();
              return;
            }
            if (!args) return;
            if (args[0]!.toLowerCase() === 'quit') {
              client.send({ t: 'simple', s: 'OK' });
              client.close();
              return;
            }
            const reply = this.execute(client, args);
            if (reply !== NO_REPLY) client.send(reply);
            if (closed) return;
          }
        } finally {
          flush();
        }
      },
      end: () => {
        closed = true;
        this.live.delete(client);
      },
    };
  }

  /** Runs one command for a client: arity, auth, subscribe mode, MULTI queueing, then the command. */
  execute(client: ClientState, args: string[]): Reply {
    const first = args[0]!;
    const name = first.toLowerCase();
    const cmd: Command | undefined = COMMANDS[name];
    this.stats.commands++;
    client.lastCommand = name;
    if (!cmd) {
      if (client.multi) client.multiFailed = true;
      const rest = args
        .slice(1)
        .slice(0, 128)
        .map((a) => `'${a.slice(0, 128)}' `)
        .join('');
      return err(`ERR unknown command '${args[0]!.slice(0, 128)}', with args beginning with: ${rest}`);
    }
    if ((cmd.arity > 0 && args.length !== cmd.arity) || (cmd.arity < 0 && args.length < -cmd.arity)) {
      if (client.multi) client.multiFailed = true;
      return err(`ERR wrong number of arguments for '${name}' command`);
    }
    const flags = flagsOf(cmd);
    if (!client.authenticated && !flags.noauth) {
      if (client.multi) client.multiFailed = true;
      return err('NOAUTH Authentication required.');
    }
    if (!client.resp3 && client.channels.size + client.patterns.size > 0 && !flags.allowInSubscribe) {
      return err(SUBSCRIBE_ALLOWED.replace('%s', name));
    }
    if (client.multi && name !== 'exec' && name !== 'discard' && name !== 'multi' && name !== 'watch' && name !== 'reset') {
      client.multi.push(args);
      return QUEUED;
    }
    if (name === 'exec') return this.exec(client);
    return this.run(client, cmd, args);
  }

  private run(client: ClientState, cmd: Command, args: string[]): Reply {
    const x: Exec = { server: this, client, db: this.dbs[client.dbIndex]! };
    try {
      if (flagsOf(cmd).write) {
        const oom = this.checkMemory(args);
        if (oom) return oom;
        this.dirty++;
      }
      return cmd.run(x, args.slice(1));
    } catch (e) {
      if (e instanceof RedisError) return err(e.message);
      throw e;
    }
  }

  private exec(client: ClientState): Reply {
    const queued = client.multi;
    if (!queued) return err('ERR EXEC without MULTI');
    client.multi = null;
    const watching = client.watching;
    client.watching = new Map();
    if (client.multiFailed) {
      client.multiFailed = false;
      return err('EXECABORT Transaction discarded because of previous errors.');
    }
    for (const [dk, v] of watching) {
      const sep = dk.indexOf(':');
      const db = this.dbs[Number(dk.slice(0, sep))]!;
      const key = dk.slice(sep + 1);
      db.get(key);
      if ((db.watched.get(key) ?? 0) !== v) return NIL_ARRAY;
    }
    return arr(queued.map((a) => this.run(client, COMMANDS[a[0]!.toLowerCase()]!, a)));
  }

  /** maxmemory: evicts by policy before a write, or refuses the write under noeviction. */
  private checkMemory(args: string[]): Reply | undefined {
    const max = Number(this.config.get('maxmemory') ?? 0);
    if (!max) return undefined;
    if (++this.writesSinceMeasure > 4096) {
      this.memEstimate = this.usedMemory();
      this.writesSinceMeasure = 0;
    } else this.memEstimate += args.reduce((n, a) => n + a.length, 64);
    if (this.memEstimate <= max) return undefined;
    this.memEstimate = this.usedMemory();
    this.writesSinceMeasure = 0;
    if (this.memEstimate <= max) return undefined;
    const policy = this.config.get('maxmemory-policy') ?? 'noeviction';
    const volatile = policy.startsWith('volatile');
    if (policy === 'noeviction') return err("OOM command not allowed when used memory > 'maxmemory'.");
    // Measured once, then lowered by each evicted key's estimate (not re-measured per key).
    let used = this.memEstimate;
    for (const db of this.dbs) {
      // Oldest-first approximates LRU well enough for a lab; Redis itself samples.
      for (const key of db.keys()) {
        if (used <= max) break;
        if (volatile && db.ttlMs(key) === undefined) continue;
        const v = db.data.get(key);
        if (v) used -= estimateBytes(key, v);
        db.delete(key);
        this.stats.evicted++;
      }
    }
    this.memEstimate = this.usedMemory();
    return this.memEstimate > max ? err("OOM command not allowed when used memory > 'maxmemory'.") : undefined;
  }

  usedMemory(): number {
    let n = 900_000; // a fresh redis-server's baseline
    for (const db of this.dbs) for (const [k, v] of db.data) n += estimateBytes(k, v);
    return n;
  }

  save(): void {
    this.opts.persist?.(this.serialize());
    this.lastSave = this.now();
    this.dirty = 0;
  }

  /** Saves when enough changes piled up (the host calls it on a timer), like `save 60 10000`. */
  maybeSave(): void {
    if (this.dirty > 0) this.save();
  }

  serialize(): Buffer {
    const dbs = this.dbs.map((db) => {
      const keys: [string, unknown, number | null][] = [];
      for (const [k, v] of db.data) {
        const ttl = db.expires.get(k) ?? null;
        const data = v.type === 'string' ? v.v : v.type === 'list' ? v.v.toArray() : v.type === 'hash' ? [...v.v] : v.type === 'set' ? [...v.v] : v.v.entries().map((e) => [e.member, e.score]);
        keys.push([k, [v.type, data], ttl]);
      }
      return keys;
    });
    return Buffer.from(JSON.stringify({ version: 1, dbs }), 'latin1');
  }

  private load(buf: Buffer): void {
    const parsed = JSON.parse(buf.toString('latin1')) as { dbs: [string, [Value['type'], unknown], number | null][][] };
    parsed.dbs.forEach((keys, i) => {
      const db = this.dbs[i];
      if (!db) return;
      for (const [k, [type, data], ttl] of keys) {
        if (ttl !== null && ttl <= this.now()) continue;
        if (type === 'string') db.set(k, { type, v: data as string });
        else if (type === 'list') db.set(k, { type, v: Deque.from(data as string[]) });
        else if (type === 'hash') db.set(k, { type, v: new Map(data as [string, string][]) });
        else if (type === 'set') db.set(k, { type, v: new Set(data as string[]) });
        else {
          const z = db.getOrCreate(k, 'zset');
          for (const [m, s] of data as [string, number][]) z.v.add(m, s);
        }
        if (ttl !== null) db.setExpireAt(k, ttl);
      }
    });
  }

  info(section: string | undefined): string {
    const all = !section || section === 'all' || section === 'everything' || section === 'default';
    const want = (s: string) => all || section === s;
    const parts: string[] = [];
    const uptime = Math.floor((this.now() - this.startedAt) / 1000);
    const used = this.usedMemory();
    if (want('server')) {
      parts.push(
        [
          '# Server',
          `redis_version:${SERVER_VERSION}`,
          'redis_mode:standalone',
          'os:Linux (Nimbus Lab ElastiCache node)',
          'arch_bits:64',
          `tcp_port:${this.config.get('port')}`,
          `uptime_in_seconds:${uptime}`,
          `uptime_in_days:${Math.floor(uptime / 86400)}`,
          'executable:nimbus-lab-redis',
        ].join('\r\n'),
      );
    }
    if (want('clients')) parts.push(['# Clients', `connected_clients:${this.live.size}`, 'blocked_clients:0', `pubsub_clients:${[...this.live].filter((c) => c.channels.size + c.patterns.size > 0).length}`].join('\r\n'));
    if (want('memory')) {
      const max = Number(this.config.get('maxmemory') ?? 0);
      parts.push(['# Memory', `used_memory:${used}`, `used_memory_human:${(used / 1048576).toFixed(2)}M`, `maxmemory:${max}`, `maxmemory_human:${(max / 1048576).toFixed(2)}M`, `maxmemory_policy:${this.config.get('maxmemory-policy')}`].join('\r\n'));
    }
    if (want('persistence')) parts.push(['# Persistence', 'loading:0', `rdb_changes_since_last_save:${this.dirty}`, `rdb_last_save_time:${Math.floor(this.lastSave / 1000)}`, 'rdb_last_bgsave_status:ok', 'aof_enabled:0'].join('\r\n'));
    if (want('stats')) {
      parts.push(
        [
          '# Stats',
          `total_connections_received:${this.stats.connections}`,
          `total_commands_processed:${this.stats.commands}`,
          `expired_keys:${this.stats.expired()}`,
          `evicted_keys:${this.stats.evicted}`,
          `keyspace_hits:${this.stats.hits}`,
          `keyspace_misses:${this.stats.misses}`,
          `pubsub_channels:${new Set([...this.live].flatMap((c) => [...c.channels])).size}`,
        ].join('\r\n'),
      );
    }
    if (want('replication')) parts.push(['# Replication', 'role:master', 'connected_slaves:0'].join('\r\n'));
    if (want('keyspace')) {
      const lines = ['# Keyspace'];
      this.dbs.forEach((db, i) => {
        const n = db.size();
        if (n > 0) lines.push(`db${i}:keys=${n},expires=${db.expires.size},avg_ttl=0`);
      });
      parts.push(lines.join('\r\n'));
    }
    return parts.join('\r\n\r\n') + '\r\n';
  }
}

const bulkOf = (s: string): Reply => ({ t: 'bulk', s });

/** A command's flags as booleans, computed once (the hot path checks them on every command). */
const FLAGS = new Map<Command, { write: boolean; noauth: boolean; allowInSubscribe: boolean }>();
function flagsOf(cmd: Command): { write: boolean; noauth: boolean; allowInSubscribe: boolean } {
  let f = FLAGS.get(cmd);
  if (!f) {
    f = { write: cmd.flags.includes('write'), noauth: cmd.flags.includes('noauth'), allowInSubscribe: cmd.flags.includes('allow-in-subscribe') };
    FLAGS.set(cmd, f);
  }
  return f;
}
