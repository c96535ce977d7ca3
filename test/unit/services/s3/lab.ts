/** A real in-memory engine for S3 handler tests, plus exact-error and body helpers. */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { AwsError } from '../../../../src-main/engine/protocol/errors';
import { HTTP_STATUS } from '../../../../src-main/engine/protocol/types';
import type { Principal } from '../../../../src-main/engine/protocol/types';

export { HTTP_STATUS };

export interface S3Lab {
  engine: Engine;
  s3(op: string, input: Record<string, unknown>, region?: string): Promise<Record<string | symbol, unknown>>;
  as(principal: Principal): (op: string, input: Record<string, unknown>, region?: string) => Promise<Record<string | symbol, unknown>>;
  count(table: string): number;
}

export function s3Lab(engine: Engine = createEngine()): S3Lab {
  const as = (p: Principal) => (op: string, input: Record<string, unknown>, region = 'us-east-1') =>
    engine.call(p, 's3', op, input, { region }) as Promise<Record<string | symbol, unknown>>;
  return {
    engine,
    s3: as(engine.account.root),
    as,
    count: (table) => (engine.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
}

export async function expectAwsError(
  p: Promise<unknown>,
  code: string,
  message: string,
  status: number,
  extra?: Record<string, string>,
): Promise<AwsError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(AwsError);
  const err = e as AwsError;
  expect({ code: err.code, message: err.message, status: err.status }).toEqual({ code, message, status });
  if (extra) expect({ ...err.extra }).toEqual(extra);
  return err;
}

export async function readBody(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const parts: Buffer[] = [];
  for await (const c of body as AsyncIterable<Uint8Array>) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

export const md5hex = (b: Buffer | string) => createHash('md5').update(b).digest('hex');
export const md5b64 = (b: Buffer | string) => createHash('md5').update(b).digest('base64');
export const etagOf = (b: Buffer | string) => `"${md5hex(b)}"`;
