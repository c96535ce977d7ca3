/**
 * Engine outputs → plain JSON for the console: Dates become ISO strings, bytes become base64, and
 * streamed bodies (S3 GetObject) are read to the end and base64'd (console downloads are small).
 * Symbol keys (HTTP_STATUS) and undefined members are dropped, as JSON.stringify would.
 */
import type { JsonValue } from '../../contract';

const isAsyncIterable = (v: object): v is AsyncIterable<Uint8Array> =>
  typeof (v as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';

async function readAll(body: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export async function toJson(value: unknown): Promise<JsonValue | undefined> {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      return undefined; // functions, symbols, undefined
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const item of value) out.push((await toJson(item)) ?? null);
    return out;
  }
  if (value instanceof Map) return toJson(Object.fromEntries(value));
  if (isAsyncIterable(value)) return (await readAll(value)).toString('base64');
  const out: Record<string, JsonValue> = Object.create(null); // user keys ('__proto__') stay plain keys
  for (const [k, v] of Object.entries(value)) {
    const json = await toJson(v);
    if (json !== undefined) out[k] = json;
  }
  return out;
}
