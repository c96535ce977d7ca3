/**
 * The supervisor's vocabulary. A data plane (a database engine, a Redis server, a Lambda sandbox)
 * is a program that runs in a child process of its own and serves byte streams; the lab's main
 * thread only forks it, forwards bytes and answers small control messages, so it never blocks on
 * the data plane's work.
 */
import type { Duplex } from 'node:stream';

export type { EngineSpec, EngineState, EngineStatus, StreamSource, Supervisor } from '../core/data-planes';

/** Messages between the supervisor and a child (Node's IPC channel, JSON). */
export type ToChild =
  | { type: 'open'; dataDir: string; config: Record<string, unknown> }
  | { type: 'rpc'; id: number; method: string; args: unknown }
  | { type: 'stop' };

export type FromChild =
  | { type: 'ready'; port: number }
  | { type: 'failed'; message: string }
  | { type: 'stats'; rss: number }
  | { type: 'rpc-reply'; id: number; result?: unknown; error?: string }
  | { type: 'stopped' };

export type { Duplex };
