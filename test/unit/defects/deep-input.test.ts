// Defect 5: a 50,000-deep JSON body and a YAML alias bomb in a template answered 500
// InternalFailure; each must answer the protocol's own validation error, quickly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessLab, type InProcessLab } from '../../helpers/inproc-lab';
import { signedFetch } from '../../helpers/signed-fetch';

let lab: InProcessLab;
beforeAll(async () => {
  lab = await startInProcessLab();
});
afterAll(() => lab.stop());

const send = (service: string, body: string, headers: Record<string, string>) =>
  signedFetch(lab as never, { method: 'POST', path: '/', service, headers, body });
const json10 = (target: string) => ({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target });
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const cfn = (action: string, params: Record<string, string>) =>
  send('cloudformation', new URLSearchParams({ Action: action, Version: '2010-05-15', ...params }).toString(), form);

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
// Ten levels of nine aliases each: 9^10 strings if expanded.
const aliasBomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefghij'.split('').map((c, i) => {
    const prev = 'abcdefghij'[i]!;
    return `${c}: &${c} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
  'Resources:',
  '  H:',
  '    Type: AWS::CloudFormation::WaitConditionHandle',
  '    Metadata: *j',
].join('\n');

describe('absurd nesting answers validation errors, not 500', () => {
  it('json protocol: a 50,000-deep body is a SerializationException', async () => {
    const r = await send('dynamodb', `{"TableName":"t","Item":${deepArray(50_000)}}`, json10('DynamoDB_20120810.PutItem'));
    expect(r.status).toBe(400);
    const nested = `{"TableName":"t","Item":{"a":${'{"M":{"a":'.repeat(20_000)}{"S":"x"}${'}}'.repeat(20_000)}}}`;
    const d = await send('dynamodb', nested, json10('DynamoDB_20120810.PutItem'));
    expect(d.status).toBe(400);
    expect(JSON.parse(d.body)).toMatchObject({ __type: expect.stringContaining('SerializationException') });
  });

  it('CloudFormation: a 50,000-deep JSON template is a template format error', async () => {
    const r = await cfn('ValidateTemplate', { TemplateBody: `{"Resources":${deepArray(50_000)}}` });
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>ValidationError</Code>');
    expect(r.body).toContain('Template format error');
  });

  it('CloudFormation: a YAML alias bomb is refused at once, in ValidateTemplate and CreateStack', async () => {
    const t0 = Date.now();
    for (const r of [await cfn('ValidateTemplate', { TemplateBody: aliasBomb }), await cfn('CreateStack', { StackName: 'bomb', TemplateBody: aliasBomb })]) {
      expect(r.status).toBe(400);
      expect(r.body).toContain('<Code>ValidationError</Code>');
    }
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('CloudFormation: deeply nested YAML flow collections are a format error', async () => {
    const r = await cfn('ValidateTemplate', { TemplateBody: `Resources: ${deepArray(20_000)}` });
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>ValidationError</Code>');
  });
});
