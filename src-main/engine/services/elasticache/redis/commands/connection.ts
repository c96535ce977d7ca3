/** Connection and server commands: PING, AUTH, HELLO, SELECT, CLIENT, INFO, CONFIG, TIME, COMMAND, SAVE. */
import { RedisError, OK, arr, bulk, int, map, simple, type Reply } from '../resp';
import { E_SYNTAX, globMatch, toInt, upper } from './parse';
import type { CommandTable, Exec } from './types';

export const SERVER_VERSION = '7.0.15';

function helloReply(x: Exec): Reply {
  return map([
    [bulk('server'), bulk('redis')],
    [bulk('version'), bulk(SERVER_VERSION)],
    [bulk('proto'), int(x.client.resp3 ? 3 : 2)],
    [bulk('id'), int(x.client.id)],
    [bulk('mode'), bulk('standalone')],
    [bulk('role'), bulk('master')],
    [bulk('modules'), arr([])],
  ]);
}

function auth(x: Exec, user: string, pass: string): void {
  const required = x.server.config.get('requirepass') ?? '';
  if ((user !== 'default' || required === '' || pass !== required) && !(user === 'default' && required === '')) {
    throw new RedisError('WRONGPASS invalid username-password pair or user is disabled.');
  }
  x.client.authenticated = true;
}

function clientLine(c: Exec['client'], now: number): string {
  const age = Math.floor((now - c.createdAt) / 1000);
  return `id=${c.id} addr=${c.addr} laddr=0.0.0.0:6379 fd=${7 + c.id} name=${c.name} age=${age} idle=0 flags=${c.multi ? 'x' : 'N'} db=${c.dbIndex} sub=${c.channels.size} psub=${c.patterns.size} ssub=0 multi=${c.multi ? c.multi.length : -1} qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=0 omem=0 tot-mem=1024 events=r cmd=${c.lastCommand} user=default redir=-1 resp=${c.resp3 ? 3 : 2}`;
}

export const connectionCommands: CommandTable = {
  ping: {
    arity: -1,
    flags: ['fast', 'allow-in-subscribe'],
    run: (x, [msg]) => {
      if (x.client.channels.size + x.client.patterns.size > 0 && !x.client.resp3) return arr([bulk('pong'), bulk(msg ?? '')]);
      return msg === undefined ? simple('PONG') : bulk(msg);
    },
  },
  echo: { arity: 2, flags: ['fast'], run: (_x, [m]) => bulk(m) },
  select: {
    arity: 2,
    flags: ['fast', 'loading'],
    run: (x, [n]) => {
      const i = toInt(n!, 'ERR value is not an integer or out of range');
      if (i < 0 || i >= x.server.dbs.length) throw new RedisError('ERR DB index is out of range');
      x.client.dbIndex = i;
      return OK;
    },
  },
  auth: {
    arity: -2,
    flags: ['noauth', 'fast'],
    run: (x, args) => {
      if (args.length > 2) throw new RedisError(E_SYNTAX);
      if (args.length === 1 && !(x.server.config.get('requirepass') ?? '')) {
        throw new RedisError('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
      }
      const [user, pass] = args.length === 2 ? [args[0]!, args[1]!] : ['default', args[0]!];
      auth(x, user, pass);
      return OK;
    },
  },
  hello: {
    arity: -1,
    flags: ['noauth', 'fast'],
    run: (x, args) => {
      let proto: number | undefined;
      if (args.length > 0) {
        proto = toInt(args[0]!, 'ERR Protocol version is not an integer or out of range');
        if (proto < 2 || proto > 3) throw new RedisError('NOPROTO unsupported protocol version');
      }
      for (let i = 1; i < args.length; i++) {
        const o = upper(args[i]);
        if (o === 'AUTH' && i + 2 < args.length + 0 + 1) {
          auth(x, args[i + 1]!, args[i + 2]!);
          i += 2;
        } else if (o === 'SETNAME' && i + 1 < args.length) x.client.name = args[++i]!;
        else throw new RedisError(`ERR Syntax error in HELLO option '${args[i]}'`);
      }
      if (!x.client.authenticated) throw new RedisError('NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time');
      if (proto !== undefined) x.client.resp3 = proto === 3;
      return helloReply(x);
    },
  },
  client: {
    arity: -2,
    flags: ['admin'],
    run: (x, [sub, ...rest]) => {
      const s = upper(sub);
      if (s === 'SETNAME' && rest.length === 1) {
        if (/[\s]/.test(rest[0]!)) throw new RedisError('ERR Client names cannot contain spaces, newlines or special characters.');
        x.client.name = rest[0]!;
        return OK;
      }
      if (s === 'GETNAME' && rest.length === 0) return bulk(x.client.name || null);
      if (s === 'ID' && rest.length === 0) return int(x.client.id);
      if (s === 'INFO' && rest.length === 0) return { t: 'verbatim', s: clientLine(x.client, x.server.now()) + '\n' };
      if (s === 'LIST') return { t: 'verbatim', s: [...x.server.clients()].map((c) => clientLine(c, x.server.now()) + '\n').join('') };
      if (s === 'SETINFO' && rest.length === 2) return OK;
      if (s === 'KILL' && rest.length >= 1) {
        let killed = 0;
        const target = rest.length === 1 ? ['ADDR', rest[0]!] : rest;
        for (const c of [...x.server.clients()]) {
          const by = upper(target[0]);
          if ((by === 'ADDR' && c.addr === target[1]) || (by === 'ID' && String(c.id) === target[1])) {
            c.close();
            killed++;
          }
        }
        if (rest.length === 1) {
          if (!killed) throw new RedisError('ERR No such client');
          return OK;
        }
        return int(killed);
      }
      throw new RedisError(`ERR unknown subcommand '${sub}'. Try CLIENT HELP.`);
    },
  },
  info: {
    arity: -1,
    flags: ['loading'],
    run: (x, [section]) => ({ t: 'verbatim', s: x.server.info(section?.toLowerCase()) }),
  },
  config: {
    arity: -2,
    flags: ['admin', 'loading'],
    run: (x, [sub, ...rest]) => {
      const s = upper(sub);
      if (s === 'GET' && rest.length >= 1) {
        const out: [Reply, Reply][] = [];
        for (const [k, v] of x.server.config) if (rest.some((p) => globMatch(p.toLowerCase(), k))) out.push([bulk(k), bulk(v)]);
        return map(out);
      }
      if (s === 'SET' && rest.length >= 2 && rest.length % 2 === 0) {
        for (let i = 0; i < rest.length; i += 2) {
          const k = rest[i]!.toLowerCase();
          if (!x.server.config.has(k)) throw new RedisError(`ERR Unknown option or number of arguments for CONFIG SET - '${rest[i]}'`);
          x.server.config.set(k, rest[i + 1]!);
        }
        return OK;
      }
      if (s === 'RESETSTAT' && rest.length === 0) return OK;
      throw new RedisError(`ERR unknown subcommand '${sub}'. Try CONFIG HELP.`);
    },
  },
  time: {
    arity: 1,
    flags: ['fast', 'loading'],
    run: (x) => {
      const ms = x.server.now();
      return arr([bulk(String(Math.floor(ms / 1000))), bulk(String(Math.floor((ms % 1000) * 1000)))]);
    },
  },
  lastsave: { arity: 1, flags: ['fast'], run: (x) => int(Math.floor(x.server.lastSave / 1000)) },
  save: {
    arity: 1,
    flags: ['admin'],
    run: (x) => {
      x.server.save();
      return OK;
    },
  },
  bgsave: {
    arity: -1,
    flags: ['admin'],
    run: (x) => {
      x.server.save();
      return simple('Background saving started');
    },
  },
};
