/** Publish/subscribe and transactions: the commands that change how a connection behaves. */
import { RedisError, OK, arr, bulk, bulks, int, type Reply } from '../resp';
import { globMatch, upper } from './parse';
import type { ClientState, CommandTable } from './types';

const push = (c: ClientState, items: Reply[]): Reply => (c.resp3 ? { t: 'push', a: items } : arr(items));
const subCount = (c: ClientState) => c.channels.size + c.patterns.size;

/** Sends one confirmation per channel, as Redis does; the command's own reply is empty. */
function confirm(c: ClientState, kind: string, names: string[], set: Set<string>, add: boolean): Reply {
  const list = names.length > 0 ? names : add ? [] : [...set];
  if (list.length === 0 && !add) {
    c.send(push(c, [bulk(kind), bulk(null), int(subCount(c))]));
  }
  for (const n of list) {
    if (add) set.add(n);
    else set.delete(n);
    c.send(push(c, [bulk(kind), bulk(n), int(subCount(c))]));
  }
  return NO_REPLY;
}

/** A marker: the command already sent what it had to say. */
export const NO_REPLY: Reply = { t: 'push', a: [] };

export const pubsubCommands: CommandTable = {
  subscribe: { arity: -2, flags: ['pubsub', 'allow-in-subscribe', 'nomulti'], run: (x, chs) => confirm(x.client, 'subscribe', chs, x.client.channels, true) },
  unsubscribe: { arity: -1, flags: ['pubsub', 'allow-in-subscribe', 'nomulti'], run: (x, chs) => confirm(x.client, 'unsubscribe', chs, x.client.channels, false) },
  psubscribe: { arity: -2, flags: ['pubsub', 'allow-in-subscribe', 'nomulti'], run: (x, ps) => confirm(x.client, 'psubscribe', ps, x.client.patterns, true) },
  punsubscribe: { arity: -1, flags: ['pubsub', 'allow-in-subscribe', 'nomulti'], run: (x, ps) => confirm(x.client, 'punsubscribe', ps, x.client.patterns, false) },
  publish: { arity: 3, flags: ['pubsub', 'fast'], run: (x, [ch, msg]) => int(x.server.publish(ch!, msg!)) },
  pubsub: {
    arity: -2,
    flags: ['pubsub'],
    run: (x, [sub, ...rest]) => {
      const s = upper(sub);
      const clients = [...x.server.clients()];
      if (s === 'CHANNELS' && rest.length <= 1) {
        const all = new Set(clients.flatMap((c) => [...c.channels]));
        return bulks([...all].filter((ch) => rest.length === 0 || globMatch(rest[0]!, ch)));
      }
      if (s === 'NUMSUB') return arr(rest.flatMap((ch) => [bulk(ch), int(clients.filter((c) => c.channels.has(ch)).length)]));
      if (s === 'NUMPAT' && rest.length === 0) return int(clients.reduce((n, c) => n + c.patterns.size, 0));
      throw new RedisError(`ERR unknown subcommand '${sub}'. Try PUBSUB HELP.`);
    },
  },
  multi: {
    arity: 1,
    flags: ['fast', 'nomulti'],
    run: (x) => {
      if (x.client.multi) throw new RedisError('ERR MULTI calls can not be nested');
      x.client.multi = [];
      x.client.multiFailed = false;
      return OK;
    },
  },
  // EXEC itself is run by the server (it needs the queue); this entry gives it its arity and flags.
  exec: {
    arity: 1,
    flags: ['nomulti'],
    run: () => {
      throw new RedisError('ERR EXEC without MULTI');
    },
  },
  discard: {
    arity: 1,
    flags: ['fast', 'nomulti'],
    run: (x) => {
      if (!x.client.multi) throw new RedisError('ERR DISCARD without MULTI');
      x.client.multi = null;
      x.client.watching.clear();
      return OK;
    },
  },
  watch: {
    arity: -2,
    flags: ['fast', 'nomulti'],
    run: (x, keys) => {
      if (x.client.multi) throw new RedisError('ERR WATCH inside MULTI is not allowed');
      for (const k of keys) {
        x.db.get(k); // lazily expire first, so an expiry later counts as a change
        const v = x.db.watched.get(k) ?? 0;
        x.db.watched.set(k, v);
        x.client.watching.set(`${x.client.dbIndex}:${k}`, v);
      }
      return OK;
    },
  },
  unwatch: {
    arity: 1,
    flags: ['fast', 'nomulti'],
    run: (x) => {
      x.client.watching.clear();
      return OK;
    },
  },
  reset: {
    arity: 1,
    flags: ['noauth', 'fast', 'allow-in-subscribe', 'nomulti'],
    run: (x) => {
      const c = x.client;
      c.multi = null;
      c.watching.clear();
      c.channels.clear();
      c.patterns.clear();
      c.dbIndex = 0;
      c.resp3 = false;
      c.name = '';
      c.authenticated = !(x.server.config.get('requirepass') ?? '');
      return { t: 'simple', s: 'RESET' };
    },
  },
};

