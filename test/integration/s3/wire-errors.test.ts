import { beforeAll, describe, expect, it } from 'vitest';
import { useLab, type RunningLab } from '../../helpers/lab';
import { signedFetch } from '../../helpers/signed-fetch';

// Requests no SDK would send: the lab must still answer in AWS's own error form.
const useTheLab = useLab();
let lab: RunningLab;
beforeAll(() => {
  lab = useTheLab();
});

const xmlField = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

describe('wire-level errors', () => {
  it('S3: malformed XML in CreateBucketConfiguration → MalformedXML 400, nothing created', async () => {
    const r = await signedFetch(lab, {
      method: 'PUT',
      path: '/bad-xml-bucket',
      service: 's3',
      body: '<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstr',
    });
    expect(r.status).toBe(400);
    expect(xmlField(r.body, 'Code')).toBe('MalformedXML');
    expect(xmlField(r.body, 'Message')).toBe(
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
    expect(xmlField(r.body, 'RequestId')).toMatch(/^[0-9A-F]{16}$/);
    expect(r.headers.get('x-amz-request-id')).toBe(xmlField(r.body, 'RequestId'));
    const list = await signedFetch(lab, { method: 'GET', path: '/', service: 's3' });
    expect(list.body).not.toContain('bad-xml-bucket');
  });

  it('STS: a missing required parameter → ValidationError in the query error form', async () => {
    const r = await signedFetch(lab, {
      method: 'POST',
      path: '/',
      service: 'sts',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=AssumeRole&Version=2011-06-15&RoleSessionName=s1',
    });
    expect(r.status).toBe(400);
    expect(xmlField(r.body, 'Type')).toBe('Sender');
    expect(xmlField(r.body, 'Code')).toBe('ValidationError');
    expect(xmlField(r.body, 'Message')).toBe(
      "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
    expect(xmlField(r.body, 'RequestId')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('STS: an unknown action → InvalidAction', async () => {
    const r = await signedFetch(lab, {
      method: 'POST',
      path: '/',
      service: 'sts',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=GetTheMoon&Version=2011-06-15',
    });
    expect(r.status).toBe(400);
    expect(xmlField(r.body, 'Code')).toBe('InvalidAction');
  });

  it('unsigned requests are refused', async () => {
    const r = await fetch(`${lab.endpoint}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(r.status).toBe(403);
    const s3 = await fetch(`${lab.endpoint}/some-bucket/key`);
    expect(s3.status).toBe(403);
    expect(xmlField(await s3.text(), 'Code')).toBe('AccessDenied');
  });
});
