/**
 * The lab's Redis against Debian's real redis-server: the same scripted commands
 * (test/fixtures/redis/conformance.redis), replies compared byte for byte.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisServer } from '../../../src-main/engine/services/elasticache/redis/server';
import { splitInline } from '../../../src-main/engine/services/elasticache/redis/resp';
import { listenTcp } from '../../../src-main/engine/services/elasticache/redis/tcp';
import { arrayElements, RespClient } from '../../helpers/resp-client';
import { repoRoot } from '../../helpers/lab';

const REDIS = '/usr/bin/redis-server';
const script = readFileSync(join(repoRoot, 'test/fixtures/redis/conformance.redis'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));

async function startReal(): Promise<{ proc: ChildProcess; port: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    const proc = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const ready = await new Promise<boolean>((ok) => {
      proc.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('Ready to accept connections')) ok(true);
      });
      proc.on('exit', () => ok(false));
      setTimeout(() => ok(false), 10_000);
    });
    if (ready) return { proc, port };
    proc.kill();
  }
  throw new Error('redis-server did not start');
}

describe.skipIf(!existsSync(REDIS))('Redis conformance against the real redis-server', () => {
  let real: { proc: ChildProcess; port: number };
  let lab: Awaited<ReturnType<typeof listenTcp>>;
  let a: RespClient;
  let b: RespClient;

  beforeAll(async () => {
    real = await startReal();
    // Real Redis's defaults (noeviction) so CONFIG GET answers alike; ElastiCache's own default is set by the service.
    lab = await listenTcp(new RedisServer({ now: () => Date.now(), maxmemoryPolicy: 'noeviction' }), 0);
    a = await RespClient.open(real.port);
    b = await RespClient.open(lab.port);
  });
  afterAll(() => {
    a?.close();
    b?.close();
    lab?.server.close();
    real?.proc.kill();
  });

  it('answers every scripted command exactly as Redis 7 does', async () => {
    const diffs: string[] = [];
    for (const line of script) {
      const sorted = line.startsWith('@sort ');
      const args = splitInline(sorted ? line.slice(6) : line);
      const [ra, rb] = await Promise.all([a.send(args), b.send(args)]);
      const norm = (r: Buffer) => (sorted && r[0] === 0x2a ? arrayElements(r).map((e) => e.toString('latin1')).sort().join('|') : r.toString('latin1'));
      if (norm(ra) !== norm(rb)) diffs.push(`${line}\n  redis: ${JSON.stringify(norm(ra))}\n  lab:   ${JSON.stringify(norm(rb))}`);
    }
    expect(diffs.join('\n')).toBe('');
    expect(script.length).toBeGreaterThan(250);
  });

  it('speaks RESP3 after HELLO 3 like Redis', async () => {
    for (const args of [['HELLO', '3'], ['ZADD', 'r3', '1.5', 'm'], ['ZSCORE', 'r3', 'm'], ['HSET', 'r3h', 'f', 'v'], ['HGETALL', 'r3h'], ['GET', 'none'], ['SADD', 'r3s', 'x'], ['SMEMBERS', 'r3s'], ['ZRANGE', 'r3', '0', '-1', 'WITHSCORES'], ['HELLO', '2']]) {
      const [ra, rb] = await Promise.all([a.send(args), b.send(args)]);
      if (args[0] === 'HELLO') {
        // The greeting names the server's own id and version details; only its shape is compared.
        expect(rb[0]).toBe(ra[0]);
        continue;
      }
      expect(rb.toString('latin1'), args.join(' ')).toBe(ra.toString('latin1'));
    }
  });

  it('delivers published messages to channel and pattern subscribers like Redis', async () => {
    for (const port of [real.port, lab.port]) {
      const sub = await RespClient.open(port);
      const pub = await RespClient.open(port);
      expect((await sub.send(['SUBSCRIBE', 'news'])).toString()).toBe('*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n');
      expect((await sub.send(['PSUBSCRIBE', 'n*'])).toString()).toBe('*3\r\n$10\r\npsubscribe\r\n$2\r\nn*\r\n:2\r\n');
      expect((await sub.send(['GET', 'x'])).toString()).toMatch(/^-ERR Can't execute 'get'/);
      expect((await pub.send(['PUBLISH', 'news', 'hi'])).toString()).toBe(':2\r\n');
      expect((await sub.next()).toString()).toBe('*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n');
      expect((await sub.next()).toString()).toBe('*4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$2\r\nhi\r\n');
      sub.close();
      pub.close();
    }
  });
});
