import { describe, expect, it } from 'vitest';
import { resolveModel } from '../../../src-main/engine/models/load';
import type { Protocol, ServiceModel } from '../../../src-main/engine/models/types';
import { validateInput } from '../../../src-main/engine/protocol/validate';
import { model } from './helpers';

/** A tiny model carrying the constraints our patches add (the shipped min.json files have none). */
function constrained(protocol: Protocol, service = 'lab'): ReturnType<typeof resolveModel> {
  const raw: ServiceModel = {
    metadata: { apiVersion: '2020-01-01', endpointPrefix: service, protocol },
    operations: {
      Make: {
        name: 'Make',
        input: {
          type: 'structure',
          required: ['Name', 'Items'],
          members: {
            Name: { shape: 'Name' },
            Count: { type: 'integer', min: 1, max: 10 } as never,
            Mode: { type: 'string', enum: ['fast', 'slow'] } as never,
            Items: { type: 'list', member: { type: 'structure', required: ['Key'], members: { Key: { type: 'string' } } }, max: 2 } as never,
          },
        },
      },
    },
    shapes: { Name: { type: 'string', min: 3, max: 8 } },
  };
  return resolveModel(service, raw);
}

describe('validateInput', () => {
  it('accepts a valid input', () => {
    expect(validateInput(constrained('json'), 'Make', { Name: 'abcd', Items: [{ Key: 'k' }], Count: 3, Mode: 'fast' })).toBeUndefined();
  });

  it('reports length, range, enum and nested required errors in dynalite form', () => {
    const err = validateInput(constrained('json'), 'Make', { Name: 'ab', Count: 11, Mode: 'warp', Items: [{}, {}, {}] });
    expect([err?.code, err?.status]).toEqual(['ValidationException', 400]);
    expect(err?.message).toBe(
      "7 validation errors detected: Value 'ab' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 3; " +
        "Value '11' at 'count' failed to satisfy constraint: Member must have value less than or equal to 10; " +
        "Value 'warp' at 'mode' failed to satisfy constraint: Member must satisfy enum value set: [fast, slow]; " +
        "Value '[{...}, {...}, {...}]' at 'items' failed to satisfy constraint: Member must have length less than or equal to 2; " +
        "Value null at 'items.1.member.key' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'items.2.member.key' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'items.3.member.key' failed to satisfy constraint: Member must not be null",
    );
  });

  it('uses ValidationError for query services (IAM)', () => {
    const err = validateInput(model('iam'), 'CreateUser', {});
    expect([err?.code, err?.message, err?.status]).toEqual([
      'ValidationError',
      "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
      400,
    ]);
  });

  it('uses S3 wording: MalformedXML for a missing body, InvalidRequest for a missing header', () => {
    const s3 = model('s3');
    const body = validateInput(s3, 'DeleteObjects', { Bucket: 'b' });
    expect([body?.code, body?.message, body?.status]).toEqual(['MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400]);
    const header = validateInput(s3, 'CopyObject', { Bucket: 'b', Key: 'k' });
    expect([header?.code, header?.message]).toEqual(['InvalidRequest', 'Missing required header for this request: x-amz-copy-source']);
  });

  it('checks types of handler-supplied inputs (CLI/console) too', () => {
    const err = validateInput(model('dynamodb'), 'ListTables', { Limit: 'ten' });
    expect([err?.code, err?.message]).toEqual(['SerializationException', "Value 'ten' at 'limit' cannot be converted to integer"]);
  });
});
