import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ec2Lab, expectAwsError } from './lab';

const colonHex = (b: Buffer) => b.toString('hex').match(/../g)!.join(':');

describe('key pairs', () => {
  describe('behaviour', () => {
    it('CreateKeyPair returns a PKCS#1 RSA key whose fingerprint is the SHA-1 of its PKCS#8 DER', async () => {
      const { ec2 } = ec2Lab();
      const out = await ec2('CreateKeyPair', { KeyName: 'mykey' });
      expect(out.KeyName).toBe('mykey');
      expect(out.KeyPairId).toMatch(/^key-0[0-9a-f]{16}$/);
      expect(out.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----$/);
      const key = createPrivateKey(out.KeyMaterial);
      expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
      const der = key.export({ type: 'pkcs8', format: 'der' });
      expect(out.KeyFingerprint).toBe(colonHex(createHash('sha1').update(der).digest()));
      const listed = await ec2('DescribeKeyPairs', { KeyNames: ['mykey'], IncludePublicKey: true });
      expect(listed.KeyPairs).toHaveLength(1);
      expect(listed.KeyPairs[0]).toMatchObject({ KeyName: 'mykey', KeyType: 'rsa', KeyFingerprint: out.KeyFingerprint, KeyPairId: out.KeyPairId });
      // The stored public key is the private key's public half, in OpenSSH form.
      const pub = createPublicKey(key).export({ format: 'jwk' });
      const blob = Buffer.from(listed.KeyPairs[0].PublicKey.split(' ')[1], 'base64');
      expect(blob.subarray(blob.length - 256).toString('base64url')).toBe(pub.n);
    });

    it('CreateKeyPair with KeyType ed25519 returns an OpenSSH private key and a base64 SHA-256 fingerprint', async () => {
      const { ec2 } = ec2Lab();
      const out = await ec2('CreateKeyPair', { KeyName: 'edkey', KeyType: 'ed25519' });
      expect(out.KeyMaterial).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n/);
      const body = Buffer.from(out.KeyMaterial.split('\n').slice(1, -1).join(''), 'base64');
      expect(body.subarray(0, 15).toString()).toBe('openssh-key-v1\0');
      const listed = await ec2('DescribeKeyPairs', { IncludePublicKey: true });
      const blob = Buffer.from(listed.KeyPairs[0].PublicKey.split(' ')[1], 'base64');
      expect(out.KeyFingerprint).toBe(createHash('sha256').update(blob).digest('base64'));
    });

    it('ImportKeyPair takes an OpenSSH public key; the fingerprint is the MD5 of its DER', async () => {
      const { ec2 } = ec2Lab();
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwk = publicKey.export({ format: 'jwk' });
      const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, 0].map((_, i) => (b.length >>> (24 - 8 * i)) & 255)), b]);
      const mp = (b: Buffer) => str(b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
      const blob = Buffer.concat([str(Buffer.from('ssh-rsa')), mp(Buffer.from(jwk.e!, 'base64url')), mp(Buffer.from(jwk.n!, 'base64url'))]);
      const line = `ssh-rsa ${blob.toString('base64')} me@laptop`;
      const out = await ec2('ImportKeyPair', { KeyName: 'imported', PublicKeyMaterial: Buffer.from(line) });
      expect(out.KeyFingerprint).toBe(colonHex(createHash('md5').update(publicKey.export({ type: 'spki', format: 'der' })).digest()));
      expect(out.KeyMaterial).toBeUndefined();
    });

    it('DeleteKeyPair removes the key and succeeds for a name that does not exist', async () => {
      const { ec2 } = ec2Lab();
      const k = await ec2('CreateKeyPair', { KeyName: 'gone' });
      await expect(ec2('DeleteKeyPair', { KeyName: 'gone' })).resolves.toEqual({ Return: true, KeyPairId: k.KeyPairId });
      await expect(ec2('DeleteKeyPair', { KeyName: 'never' })).resolves.toEqual({ Return: true });
      expect((await ec2('DescribeKeyPairs')).KeyPairs).toEqual([]);
    });

    it('filters by key-name with wildcards and by tag', async () => {
      const { ec2 } = ec2Lab();
      await ec2('CreateKeyPair', { KeyName: 'mykey' });
      await ec2('CreateKeyPair', { KeyName: 'sydney', TagSpecifications: [{ ResourceType: 'key-pair', Tags: [{ Key: 'chapter', Value: '3' }] }] });
      const byName = await ec2('DescribeKeyPairs', { Filters: [{ Name: 'key-name', Values: ['my*'] }] });
      expect(byName.KeyPairs.map((k: { KeyName: string }) => k.KeyName)).toEqual(['mykey']);
      const byTag = await ec2('DescribeKeyPairs', { Filters: [{ Name: 'tag:chapter', Values: ['3'] }] });
      expect(byTag.KeyPairs.map((k: { KeyName: string }) => k.KeyName)).toEqual(['sydney']);
      expect(byTag.KeyPairs[0].Tags).toEqual([{ Key: 'chapter', Value: '3' }]);
    });
  });

  describe('errors', () => {
    it('refuses a duplicate name', async () => {
      const { ec2, count } = ec2Lab();
      await ec2('CreateKeyPair', { KeyName: 'mykey' });
      await expectAwsError(ec2('CreateKeyPair', { KeyName: 'mykey' }), 'InvalidKeyPair.Duplicate', "The keypair 'mykey' already exists.");
      expect(count('ec2_key_pairs')).toBe(1);
    });

    it('DescribeKeyPairs names the missing key', async () => {
      const { ec2 } = ec2Lab();
      await expectAwsError(ec2('DescribeKeyPairs', { KeyNames: ['nope'] }), 'InvalidKeyPair.NotFound', "The key pair 'nope' does not exist");
    });

    it('ImportKeyPair refuses material that is not a public key', async () => {
      const { ec2, count } = ec2Lab();
      await expectAwsError(
        ec2('ImportKeyPair', { KeyName: 'bad', PublicKeyMaterial: Buffer.from('ssh-rsa notbase64!!') }),
        'InvalidKey.Format',
        'Key is not in valid OpenSSH public key format',
      );
      expect(count('ec2_key_pairs')).toBe(0);
    });

    it('DryRun answers DryRunOperation and creates nothing', async () => {
      const { ec2, count } = ec2Lab();
      await expectAwsError(ec2('CreateKeyPair', { KeyName: 'k', DryRun: true }), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
      expect(count('ec2_key_pairs')).toBe(0);
    });
  });
});

describe('PuTTY key files (§1.8.3)', () => {
  it('KeyFormat ppk returns a PuTTY-User-Key-File-2 whose private part is the RSA key behind the stored public key', async () => {
    const { ec2 } = ec2Lab();
    const out = await ec2('CreateKeyPair', { KeyName: 'winkey', KeyFormat: 'ppk' });
    const lines: string[] = out.KeyMaterial.split('\n');
    expect(lines.slice(0, 3)).toEqual(['PuTTY-User-Key-File-2: ssh-rsa', 'Encryption: none', 'Comment: winkey']);
    const pubCount = Number(lines[3]!.split(': ')[1]);
    const pub = Buffer.from(lines.slice(4, 4 + pubCount).join(''), 'base64');
    const listed = await ec2('DescribeKeyPairs', { KeyNames: ['winkey'], IncludePublicKey: true });
    expect(pub.toString('base64')).toBe(listed.KeyPairs[0].PublicKey.split(' ')[1]);
    expect(lines[4 + pubCount]).toMatch(/^Private-Lines: \d+$/);
    expect(lines.at(-1)).toMatch(/^Private-MAC: [0-9a-f]{40}$/);
  });
});
