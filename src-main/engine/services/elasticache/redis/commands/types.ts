/** What a command sees: the server's state, the calling client, its selected database. */
import type { Keyspace } from '../keyspace';
import type { Reply } from '../resp';

export interface ClientState {
  readonly id: number;
  readonly addr: string;
  readonly createdAt: number;
  dbIndex: number;
  resp3: boolean;
  name: string;
  authenticated: boolean;
  /** Queued commands between MULTI and EXEC; null outside a transaction. */
  multi: string[][] | null;
  multiFailed: boolean;
  /** `db:key` → version seen at WATCH time. */
  watching: Map<string, number>;
  channels: Set<string>;
  patterns: Set<string>;
  lastCommand: string;
  send(reply: Reply): void;
  close(): void;
}

export interface ServerState {
  readonly dbs: Keyspace[];
  readonly config: Map<string, string>;
  readonly startedAt: number;
  now(): number;
  clients(): Iterable<ClientState>;
  publish(channel: string, message: string): number;
  stats: { commands: number; connections: number; hits: number; misses: number; evicted: number; expired(): number };
  /** Persists the dataset now (SAVE); resolves when written. */
  save(): void;
  lastSave: number;
  info(section: string | undefined): string;
  /** Wakes clients blocked on a list (BLPOP…) after a push. */
  wakeList?(dbIndex: number, key: string): void;
}

export interface Exec {
  server: ServerState;
  client: ClientState;
  db: Keyspace;
}

export type Flag = 'write' | 'readonly' | 'admin' | 'pubsub' | 'noauth' | 'loading' | 'fast' | 'nomulti' | 'allow-in-subscribe';

export interface Command {
  /** Redis's arity: positive = exact count including the name, negative = at least that many. */
  arity: number;
  flags: Flag[];
  /** First key position, last (negative from the end), step: for WATCH bookkeeping and COMMAND. */
  keys?: [number, number, number];
  run(x: Exec, args: string[]): Reply;
}

export type CommandTable = Record<string, Command>;
