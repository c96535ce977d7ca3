/**
 * §8.6's static website: PutBucketWebsite, then unsigned GETs of the website endpoint from the
 * workstation and from an instance through the virtual network, allowed only by a public bucket policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { GuestShell } from '../../../../src-main/engine/guest/session';

/* eslint-disable @typescript-eslint/no-explicit-any */
let engine: Engine;
let ws: GuestShell;
const call = (op: string, input: Record<string, unknown>): Promise<any> => engine.call(engine.account.root, 's3', op, input, { region: 'us-east-1', source: 'api' });
const policy = (bucket: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'AddPerm', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${bucket}/*`] }] });
const URL = 'http://lab-site.s3-website-us-east-1.amazonaws.com';

beforeAll(async () => {
  engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 5, 1) }) });
  await call('CreateBucket', { Bucket: 'lab-site' });
  await call('PutObject', { Bucket: 'lab-site', Key: 'helloworld.html', Body: Buffer.from('<html><body>Hello from the lab</body></html>'), ContentType: 'text/html' });
  await call('PutObject', { Bucket: 'lab-site', Key: 'docs/index.html', Body: Buffer.from('docs index'), ContentType: 'text/html' });
  const w = await engine.terminals.workstation();
  ws = new GuestShell(w, w.user('learner')!);
});
afterAll(() => engine.close());

describe('S3 static website hosting', () => {
  it('keeps the configuration', async () => {
    await expect(call('GetBucketWebsite', { Bucket: 'lab-site' })).rejects.toMatchObject({ code: 'NoSuchWebsiteConfiguration', status: 404 });
    await expect(call('PutBucketWebsite', { Bucket: 'lab-site', WebsiteConfiguration: {} })).rejects.toMatchObject({ code: 'MalformedXML' });
    await call('PutBucketWebsite', { Bucket: 'lab-site', WebsiteConfiguration: { IndexDocument: { Suffix: 'helloworld.html' } } });
    expect(await call('GetBucketWebsite', { Bucket: 'lab-site' })).toMatchObject({ IndexDocument: { Suffix: 'helloworld.html' } });
  });

  it('answers 403 as an HTML page until the bucket policy makes objects public', async () => {
    const r = await ws.exec(`curl -s -i ${URL}/helloworld.html`);
    expect(r.stdout).toMatch(/^HTTP\/1\.1 403 Forbidden/);
    expect(r.stdout).toContain('<li>Code: AccessDenied</li>');
  });

  it('serves the page, folder index documents and 404s once public', async () => {
    await call('PutBucketPolicy', { Bucket: 'lab-site', Policy: policy('lab-site') });
    expect((await ws.exec(`curl -s ${URL}/helloworld.html`)).stdout).toBe('<html><body>Hello from the lab</body></html>');
    expect((await ws.exec(`curl -s ${URL}`)).stdout).toBe('<html><body>Hello from the lab</body></html>');
    await call('PutBucketWebsite', { Bucket: 'lab-site', WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'helloworld.html' } } });
    expect((await ws.exec(`curl -s ${URL}/docs/`)).stdout).toBe('docs index');
    expect((await ws.exec(`curl -s -i ${URL}/docs`)).stdout).toMatch(/^HTTP\/1\.1 302 Found[\s\S]*location: \/docs\//i);
    // A missing key without s3:ListBucket for everyone: 403, with the error document as the body.
    const missing = await ws.exec(`curl -s -i ${URL}/nope.html`);
    expect(missing.stdout).toMatch(/^HTTP\/1\.1 403 Forbidden[\s\S]*Hello from the lab/);
  });

  it('is reached from an instance only through a route to the internet', async () => {
    const inst = (await engine.call(engine.account.root, 'ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 }, { region: 'us-east-1' })) as any;
    engine.clock.advance(120_000);
    const g = await engine.terminals.guest(inst.Instances[0].InstanceId);
    const sh = new GuestShell(g!, g!.user('ec2-user')!);
    expect((await sh.exec(`curl -s ${URL}/helloworld.html`)).stdout).toContain('Hello from the lab');
    await call('DeleteBucketWebsite', { Bucket: 'lab-site' });
    expect((await ws.exec(`curl -s ${URL}/helloworld.html`)).stdout).toContain('NoSuchWebsiteConfiguration');
  });
});
