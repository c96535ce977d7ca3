import { describe, expect, it } from 'vitest';
import {
  awsCallRequest,
  contractEvents,
  contractRequests,
  eventsRecentRequest,
  historyEvent,
  isEventName,
  isRequestName,
  labInfoResponse,
  requestEnvelope,
  responseEnvelope,
  serverMessage,
} from '../../../src-main/contract';

describe('envelopes', () => {
  it('accepts a request with a numeric or string id and any payload', () => {
    expect(requestEnvelope.parse({ id: 1, type: 'lab.info', payload: {} })).toEqual({
      id: 1,
      type: 'lab.info',
      payload: {},
    });
    expect(requestEnvelope.parse({ id: 'a1', type: 'clock.get' })).toEqual({ id: 'a1', type: 'clock.get' });
  });

  it('refuses requests without an id or type, or with a bad id', () => {
    expect(requestEnvelope.safeParse({ type: 'lab.info' }).success).toBe(false);
    expect(requestEnvelope.safeParse({ id: 1 }).success).toBe(false);
    expect(requestEnvelope.safeParse({ id: -1, type: 'lab.info' }).success).toBe(false);
    expect(requestEnvelope.safeParse({ id: 1.5, type: 'lab.info' }).success).toBe(false);
    expect(requestEnvelope.safeParse('lab.info').success).toBe(false);
    expect(requestEnvelope.safeParse(null).success).toBe(false);
  });

  it('tells answers from failures by ok, and failures carry code, message and status', () => {
    expect(responseEnvelope.parse({ id: 3, ok: true, result: { a: 1 } })).toEqual({
      id: 3,
      ok: true,
      result: { a: 1 },
    });
    const failure = { id: null, ok: false, error: { code: 'InvalidContractMessage', message: 'm', status: 400 } };
    expect(responseEnvelope.parse(failure)).toEqual(failure);
    expect(responseEnvelope.safeParse({ id: 3, ok: false, error: { code: 'X', message: 'm' } }).success).toBe(false);
  });

  it('parses pushed events as server messages', () => {
    const ev = { event: 'events.appended', payload: { x: 1 } };
    expect(serverMessage.parse(ev)).toEqual(ev);
  });
});

describe('requests', () => {
  it('lists every request with a request and a response schema', () => {
    // The foundation's requests are always there; areas (terminals, chapters, console) add their own.
    expect(Object.keys(contractRequests)).toEqual(expect.arrayContaining(['aws.call', 'clock.get', 'events.recent', 'lab.info']));
    for (const [name, def] of Object.entries(contractRequests)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(typeof (def as { request: { safeParse: unknown } }).request.safeParse, name).toBe('function');
      expect(typeof (def as { response: { safeParse: unknown } }).response.safeParse, name).toBe('function');
    }
    expect(Object.keys(contractEvents)).toEqual(expect.arrayContaining(['events.appended']));
    expect(isRequestName('aws.call')).toBe(true);
    expect(isRequestName('toString')).toBe(false); // no prototype keys
    expect(isEventName('events.appended')).toBe(true);
    expect(isEventName('constructor')).toBe(false);
  });

  it('aws.call defaults input to {} and checks service, operation and region shapes', () => {
    expect(awsCallRequest.parse({ service: 's3', operation: 'ListBuckets' })).toEqual({
      service: 's3',
      operation: 'ListBuckets',
      input: {},
    });
    expect(
      awsCallRequest.parse({ service: 's3', operation: 'CreateBucket', input: { Bucket: 'b' }, region: 'eu-west-1' }),
    ).toEqual({
      service: 's3',
      operation: 'CreateBucket',
      input: { Bucket: 'b' },
      region: 'eu-west-1',
    });
    expect(awsCallRequest.safeParse({ service: 'S3', operation: 'ListBuckets' }).success).toBe(false);
    expect(awsCallRequest.safeParse({ service: 's3', operation: 'List Buckets' }).success).toBe(false);
    expect(awsCallRequest.safeParse({ service: 's3', operation: 'ListBuckets', region: 'mars' }).success).toBe(false);
    expect(awsCallRequest.safeParse({ service: 's3', operation: 'ListBuckets', input: [] }).success).toBe(false);
    // Only JSON crosses the boundary: no functions, no undefined.
    expect(awsCallRequest.safeParse({ service: 's3', operation: 'ListBuckets', input: { a: () => 1 } }).success).toBe(
      false,
    );
  });

  it('events.recent defaults to 50 and caps at 500', () => {
    expect(eventsRecentRequest.parse({})).toEqual({ limit: 50 });
    expect(eventsRecentRequest.safeParse({ limit: 501 }).success).toBe(false);
    expect(eventsRecentRequest.safeParse({ limit: 0 }).success).toBe(false);
  });

  it('lab.info wants a 12-digit account id', () => {
    const info = { accountId: '123456789012', defaultRegion: 'us-east-1', regions: [], services: [], version: '0.1.0' };
    expect(labInfoResponse.parse(info)).toEqual(info);
    expect(labInfoResponse.safeParse({ ...info, accountId: '1234' }).success).toBe(false);
  });

  it('history events have ISO times and optional error fields', () => {
    const e = {
      time: '2026-01-02T03:04:05.000Z',
      requestId: 'r',
      accountId: '123456789012',
      region: 'us-east-1',
      source: 'api',
      principalArn: 'arn:aws:iam::123456789012:root',
      service: 's3',
      operation: 'ListBuckets',
    };
    expect(historyEvent.parse(e)).toEqual(e);
    expect(historyEvent.safeParse({ ...e, time: 12 }).success).toBe(false);
  });
});
