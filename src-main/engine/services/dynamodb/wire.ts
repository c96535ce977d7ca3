/**
 * Items are stored with binaries as base64 text (JSON in SQLite); the json protocol's serializer
 * wants bytes for blob members. This turns every stored B / BS back into bytes on the way out.
 */
import type { Ctx } from '../../core/provider';

function toBytes(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toBytes);
  if (!v || typeof v !== 'object' || v instanceof Uint8Array) return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (k === 'B' && typeof x === 'string') out[k] = Buffer.from(x, 'base64');
    else if (k === 'BS' && Array.isArray(x))
      out[k] = x.map((b) => (typeof b === 'string' ? Buffer.from(b, 'base64') : b));
    else out[k] = toBytes(x);
  }
  return out;
}

export const withBinaryOutput =
  <I, O>(handler: (ctx: Ctx, input: I) => O) =>
  (ctx: Ctx, input: I): O =>
    toBytes(handler(ctx, input)) as O;
