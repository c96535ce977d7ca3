// Defect 4: a full disk made PUTs answer 400 IncompleteBody. A write the lab cannot store answers
// AWS's retryable 503 in the protocol's form, is logged, and reads keep being answered.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startInProcessLab, type InProcessLab } from '../../helpers/inproc-lab';
import { signedFetch } from '../../helpers/signed-fetch';

let lab: InProcessLab;
const s3 = (method: string, path: string, body?: string) => signedFetch(lab as never, { method, path, service: 's3', body });

beforeAll(async () => {
  lab = await startInProcessLab();
  expect((await s3('PUT', '/full')).status).toBe(200);
  expect((await s3('PUT', '/full/kept', 'stored before the disk filled')).status).toBe(200);
  lab.engine.flushEvents();
  // SQLite answers SQLITE_FULL past max_page_count, as it does when the disk is full.
  const pages = lab.engine.store.db.pragma('page_count', { simple: true }) as number;
  lab.engine.store.db.pragma(`max_page_count = ${pages + 1}`);
});
afterAll(() => lab.stop());

describe('a full disk', () => {
  it('a large streamed PUT answers 503 ServiceUnavailable, not 400 IncompleteBody, and is logged', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await s3('PUT', '/full/big', 'x'.repeat(3 * 1024 * 1024));
    expect(r.status).toBe(503);
    expect(r.body).toContain('<Code>ServiceUnavailable</Code>');
    expect(r.body).not.toContain('IncompleteBody');
    expect(log.mock.calls.flat().join(' ')).toContain('storage failure');
    log.mockRestore();
  });

  it('a small PUT and a query-protocol write answer 503 in their own forms', async () => {
    const small = await s3('PUT', '/full/small', 'y'.repeat(900 * 1024));
    expect(small.status).toBe(503);
    // A write that needs new pages (a 40 KB template); a tiny row may still fit in a page with room.
    const template = JSON.stringify({ Resources: { H: { Type: 'AWS::CloudFormation::WaitConditionHandle', Metadata: { Pad: 'p'.repeat(40_000) } } } });
    const cfn = await signedFetch(lab as never, {
      method: 'POST',
      path: '/',
      service: 'cloudformation',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Action: 'CreateStack', Version: '2010-05-15', StackName: 'full', TemplateBody: template }).toString(),
    });
    expect(cfn.status).toBe(503);
    expect(cfn.body).toContain('<Code>ServiceUnavailable</Code>');
  });

  it('keeps serving reads', async () => {
    for (let i = 0; i < 3; i++) {
      const got = await s3('GET', '/full/kept');
      expect(got.status).toBe(200);
      expect(got.body).toBe('stored before the disk filled');
    }
    expect((await s3('GET', '/full')).status).toBe(200);
    lab.engine.flushEvents(); // the read events cannot be written: dropped, not thrown
  });
});
