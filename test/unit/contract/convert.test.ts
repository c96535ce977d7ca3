import { describe, expect, it } from 'vitest';
import { toJson } from '../../../src-main/engine/contract-host/to-json';
import { fromJson } from '../../../src-main/engine/contract-host/from-json';
import { HTTP_STATUS } from '../../../src-main/engine/protocol/types';
import type { Shape } from '../../../src-main/engine/models/types';

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield Buffer.from(p);
}

describe('toJson (engine output → console)', () => {
  it('turns dates, bytes and streams into strings and drops what JSON cannot hold', async () => {
    const out = await toJson({
      When: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
      Bytes: new Uint8Array([1, 2, 3]),
      Body: chunks('hel', 'lo'),
      Gone: undefined,
      Fn: () => 1,
      Nan: Number.NaN,
      List: [new Date(0), undefined],
      Meta: new Map([['k', 'v']]),
      [HTTP_STATUS]: 206,
    });
    expect(out).toEqual({
      When: '2026-01-02T03:04:05.000Z',
      Bytes: 'AQID',
      Body: Buffer.from('hello').toString('base64'),
      Nan: null,
      List: ['1970-01-01T00:00:00.000Z', null],
      Meta: { k: 'v' },
    });
  });

  it("keeps a user key named '__proto__' as data", async () => {
    const input = JSON.parse('{"Metadata":{"__proto__":"x"}}') as unknown;
    const out = (await toJson(input)) as { Metadata: Record<string, unknown> };
    expect(Object.keys(out.Metadata)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out.Metadata)).toBe(null);
  });
});

describe('fromJson (console input → model values)', () => {
  const shape: Shape = {
    type: 'structure',
    members: {
      Body: { type: 'blob' },
      Expires: { type: 'timestamp' },
      Name: { type: 'string' },
      Tags: { type: 'list', member: { type: 'structure', members: { At: { type: 'timestamp' } } } },
      Meta: { type: 'map', key: { type: 'string' }, value: { type: 'string' } },
    },
  };

  it('decodes base64 blobs and ISO timestamps, leaving other members alone', () => {
    const out = fromJson(shape, {
      Body: Buffer.from('hi').toString('base64'),
      Expires: '2026-01-02T03:04:05Z',
      Name: '2026-01-02T03:04:05Z',
      Tags: [{ At: '1970-01-01T00:00:00Z' }],
      Meta: { a: 'b' },
    }) as Record<string, unknown>;
    expect(Buffer.isBuffer(out.Body) && out.Body.toString()).toBe('hi');
    expect(out.Expires).toEqual(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    expect(out.Name).toBe('2026-01-02T03:04:05Z');
    expect(out.Tags).toEqual([{ At: new Date(0) }]);
    expect(out.Meta).toEqual({ a: 'b' });
  });

  it('leaves an unparseable timestamp for the model validator to report', () => {
    expect((fromJson(shape, { Expires: 'soon' }) as Record<string, unknown>).Expires).toBe('soon');
  });
});
