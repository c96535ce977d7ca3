import { describe, expect, it } from 'vitest';
import { serveWebsite } from '../../../../src-main/engine/services/s3/website';
import { ALL_USERS } from '../../../../src-main/engine/services/s3/state/acls';
import { expectAwsError, s3Lab } from './lab';

const B = 'acl-site';
const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }] });

async function siteLab() {
  const lab = s3Lab();
  await lab.s3('CreateBucket', { Bucket: B });
  await lab.s3('PutBucketWebsite', { Bucket: B, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } });
  const get = (key: string) => lab.engine.store.read(() => serveWebsite(lab.engine.store, { method: 'GET', path: `/${key}`, host: `${B}.s3-website-us-east-1.amazonaws.com`, now: lab.engine.clock.now() })).status;
  return { ...lab, get };
}

describe('ACLs', () => {
  it('canned public-read on upload makes an object readable by anyone; private is the default', async () => {
    const lab = await siteLab();
    await lab.s3('PutObject', { Bucket: B, Key: 'pub.png', Body: Buffer.from('img'), ACL: 'public-read' });
    await lab.s3('PutObject', { Bucket: B, Key: 'priv.png', Body: Buffer.from('img') });
    expect([lab.get('pub.png'), lab.get('priv.png')]).toEqual([200, 403]);
    const acl = await lab.s3('GetObjectAcl', { Bucket: B, Key: 'pub.png' });
    expect(acl.Grants).toEqual([
      { Grantee: { Type: 'CanonicalUser', ID: (acl.Owner as { ID: string }).ID, DisplayName: 'nimbus-lab' }, Permission: 'FULL_CONTROL' },
      { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' },
    ]);
    expect((await lab.s3('GetObjectAcl', { Bucket: B, Key: 'priv.png' })).Grants).toHaveLength(1);
    await lab.s3('PutObjectAcl', { Bucket: B, Key: 'priv.png', GrantRead: `uri="${ALL_USERS}"` });
    expect(lab.get('priv.png')).toBe(200);
    await lab.s3('PutBucketAcl', { Bucket: B, ACL: 'public-read' });
    expect(((await lab.s3('GetBucketAcl', { Bucket: B })).Grants as unknown[]).length).toBe(2);
    await expectAwsError(lab.s3('PutObjectAcl', { Bucket: B, Key: 'pub.png', ACL: 'public-read', GrantRead: 'id="x"' }), 'InvalidRequest', 'Specifying both Canned ACLs and Header Grants is not allowed', 400);
  });

  it('Block Public Access: refuses public ACLs and public policies, ignores and restricts what is there', async () => {
    const lab = await siteLab();
    await lab.s3('PutObject', { Bucket: B, Key: 'a.html', Body: Buffer.from('a'), ACL: 'public-read' });
    await lab.s3('PutBucketPolicy', { Bucket: B, Policy: policy });
    await lab.s3('PutObject', { Bucket: B, Key: 'b.html', Body: Buffer.from('b') });
    expect([lab.get('a.html'), lab.get('b.html')]).toEqual([200, 200]);
    await expectAwsError(lab.s3('GetPublicAccessBlock', { Bucket: B }), 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);

    await lab.s3('PutPublicAccessBlock', { Bucket: B, PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true } });
    expect((await lab.s3('GetPublicAccessBlock', { Bucket: B })).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: false,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: false,
    });
    await expectAwsError(lab.s3('PutObject', { Bucket: B, Key: 'c.html', Body: Buffer.from('c'), ACL: 'public-read' }), 'AccessDenied', 'Access Denied', 403);
    await expectAwsError(lab.s3('PutBucketPolicy', { Bucket: B, Policy: policy }), 'AccessDenied', 'Access Denied', 403);
    expect([lab.get('a.html'), lab.get('b.html')]).toEqual([200, 200]); // blocking new grants leaves old ones

    await lab.s3('PutPublicAccessBlock', { Bucket: B, PublicAccessBlockConfiguration: { IgnorePublicAcls: true, RestrictPublicBuckets: true } });
    expect([lab.get('a.html'), lab.get('b.html')]).toEqual([403, 403]);
    await lab.s3('DeletePublicAccessBlock', { Bucket: B });
    expect(lab.get('b.html')).toBe(200);
  });

  it('Object Ownership: BucketOwnerEnforced turns ACLs off', async () => {
    const lab = await siteLab();
    await expectAwsError(lab.s3('GetBucketOwnershipControls', { Bucket: B }), 'OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404);
    await lab.s3('PutBucketOwnershipControls', { Bucket: B, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
    await expectAwsError(lab.s3('PutObject', { Bucket: B, Key: 'x', Body: Buffer.from('x'), ACL: 'public-read' }), 'AccessControlListNotSupported', 'The bucket does not allow ACLs', 400);
    await lab.s3('PutObject', { Bucket: B, Key: 'x', Body: Buffer.from('x'), ACL: 'bucket-owner-full-control' });
  });
});

describe('CORS', () => {
  it('keeps the rules and answers preflights and cross-origin GETs on the website endpoint', async () => {
    const lab = await siteLab();
    const web = (method: string, headers: Record<string, string>) =>
      lab.engine.store.read(() => serveWebsite(lab.engine.store, { method, path: '/a.html', host: `${B}.s3-website-us-east-1.amazonaws.com`, headers, now: lab.engine.clock.now() }));
    await expectAwsError(lab.s3('GetBucketCors', { Bucket: B }), 'NoSuchCORSConfiguration', 'The CORS configuration does not exist', 404);
    await expectAwsError(
      lab.s3('PutBucketCors', { Bucket: B, CORSConfiguration: { CORSRules: [{ AllowedMethods: ['PATCH'], AllowedOrigins: ['*'] }] } }),
      'InvalidRequest',
      'Found unsupported HTTP method in CORS config. Unsupported method is PATCH',
      400,
    );
    const rule = { AllowedMethods: ['GET', 'PUT'], AllowedOrigins: ['http://localhost:*'], AllowedHeaders: ['content-type'], MaxAgeSeconds: 600 };
    await lab.s3('PutBucketCors', { Bucket: B, CORSConfiguration: { CORSRules: [rule] } });
    expect((await lab.s3('GetBucketCors', { Bucket: B })).CORSRules).toEqual([rule]);
    const ok = web('OPTIONS', { origin: 'http://localhost:8080', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'Content-Type' });
    expect(ok.status).toBe(200);
    expect(ok.headers).toMatchObject({ 'access-control-allow-origin': 'http://localhost:8080', 'access-control-allow-methods': 'GET, PUT', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
    expect(web('OPTIONS', { origin: 'http://evil.example', 'access-control-request-method': 'GET' }).status).toBe(403);
    await lab.s3('PutObject', { Bucket: B, Key: 'a.html', Body: Buffer.from('a'), ACL: 'public-read' });
    expect(web('GET', { origin: 'http://localhost:3000' }).headers['access-control-allow-origin']).toBe('http://localhost:3000');
    await lab.s3('DeleteBucketCors', { Bucket: B });
    expect(web('GET', { origin: 'http://localhost:3000' }).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('archived objects on the website endpoint', () => {
  it('answer 403 InvalidObjectState until restored', async () => {
    const lab = await siteLab();
    await lab.s3('PutObject', { Bucket: B, Key: 'old.html', Body: Buffer.from('old'), ACL: 'public-read', StorageClass: 'GLACIER' });
    expect(lab.get('old.html')).toBe(403);
    await lab.s3('RestoreObject', { Bucket: B, Key: 'old.html', RestoreRequest: { Days: 1, Tier: 'Expedited' } });
    lab.engine.clock.advance(5 * 60_000);
    expect(lab.get('old.html')).toBe(200);
  });
});
