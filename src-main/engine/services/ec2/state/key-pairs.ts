/**
 * Key pairs: real keys made with node:crypto, fingerprints computed as EC2 computes them, and the
 * public key kept in OpenSSH form so the guest's sshd can check a learner's private key against it.
 *
 * Fingerprints (as AWS documents them): a key pair EC2 created → SHA-1 of the private key's PKCS#8
 * DER; an imported RSA key → MD5 of the public key's DER (SubjectPublicKeyInfo); ED25519 either way
 * → base64 SHA-256 of the OpenSSH public key blob. Hex ones are colon-separated pairs.
 */
import { createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPair, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import { invalidKeyFormat, invalidKeyPairNotFound } from '../errors';
import { ec2Id } from '../ids';
import { registerTaggable } from './tags';

export interface KeyPairRow {
  id: number;
  account_id: string;
  region: string;
  key_pair_id: string;
  key_name: string;
  key_type: 'rsa' | 'ed25519';
  fingerprint: string;
  public_key: string;
  created_at: number;
}

registerTaggable({
  prefix: 'key',
  resourceType: 'key-pair',
  exists: (ctx, id) => findKeyPairById(ctx, id) !== undefined,
  notFound: (id) => invalidKeyPairNotFound(id),
});

export const findKeyPair = (ctx: Ctx, name: string): KeyPairRow | undefined =>
  ctx.store
    .stmt('SELECT * FROM ec2_key_pairs WHERE account_id = ? AND region = ? AND key_name = ?')
    .get(ctx.accountId, ctx.region, name) as KeyPairRow | undefined;

export const findKeyPairById = (ctx: Ctx, keyPairId: string): KeyPairRow | undefined =>
  ctx.store
    .stmt('SELECT * FROM ec2_key_pairs WHERE account_id = ? AND region = ? AND key_pair_id = ?')
    .get(ctx.accountId, ctx.region, keyPairId) as KeyPairRow | undefined;

export const listKeyPairs = (ctx: Ctx): KeyPairRow[] =>
  ctx.store.stmt('SELECT * FROM ec2_key_pairs WHERE account_id = ? AND region = ? ORDER BY id').all(ctx.accountId, ctx.region) as KeyPairRow[];

export function insertKeyPair(ctx: Ctx, row: Omit<KeyPairRow, 'id' | 'account_id' | 'region' | 'key_pair_id' | 'created_at'>): KeyPairRow {
  const keyPairId = ec2Id('key');
  const createdAt = ctx.clock.now();
  ctx.store
    .stmt(
      `INSERT INTO ec2_key_pairs (account_id, region, key_pair_id, key_name, key_type, fingerprint, public_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(ctx.accountId, ctx.region, keyPairId, row.key_name, row.key_type, row.fingerprint, row.public_key, createdAt);
  return findKeyPairById(ctx, keyPairId)!;
}

export function deleteKeyPairRow(ctx: Ctx, keyPairId: string): void {
  ctx.store.stmt('DELETE FROM ec2_key_pairs WHERE account_id = ? AND region = ? AND key_pair_id = ?').run(ctx.accountId, ctx.region, keyPairId);
}

// SSH wire encoding (RFC 4251): uint32 length + bytes.

const sshString = (b: Buffer | string): Buffer => {
  const data = typeof b === 'string' ? Buffer.from(b) : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, data]);
};

/** mpint: big-endian two's complement, with a leading zero byte when the top bit is set. */
const sshMpint = (unsigned: Buffer): Buffer => {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  const trimmed = unsigned.subarray(i);
  return sshString(trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
};

const colonHex = (digest: Buffer): string => digest.toString('hex').match(/../g)!.join(':');

function publicBlob(key: KeyObject): { type: 'rsa' | 'ed25519'; blob: Buffer } {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty === 'RSA') {
    return { type: 'rsa', blob: Buffer.concat([sshString('ssh-rsa'), sshMpint(Buffer.from(jwk.e!, 'base64url')), sshMpint(Buffer.from(jwk.n!, 'base64url'))]) };
  }
  return { type: 'ed25519', blob: Buffer.concat([sshString('ssh-ed25519'), sshString(Buffer.from(jwk.x!, 'base64url'))]) };
}

const openSshLine = (type: 'rsa' | 'ed25519', blob: Buffer): string => `${type === 'rsa' ? 'ssh-rsa' : 'ssh-ed25519'} ${blob.toString('base64')}`;

const ed25519Fingerprint = (blob: Buffer): string => createHash('sha256').update(blob).digest('base64');

export interface NewKeyMaterial {
  keyType: 'rsa' | 'ed25519';
  /** What CreateKeyPair returns: PKCS#1 PEM for RSA, OpenSSH format for ED25519. */
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}

/**
 * RSA 2048 generation takes tens of milliseconds and would block every other request of the lab:
 * a couple of keys are made ahead on libuv's thread pool, and taken when CreateKeyPair needs one.
 */
const RSA_POOL_SIZE = 2;
const rsaPool: { privateKey: KeyObject; publicKey: KeyObject }[] = [];
let refilling = false;
function refillRsaPool(): void {
  if (refilling || rsaPool.length >= RSA_POOL_SIZE) return;
  refilling = true;
  generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) => {
    refilling = false;
    if (err) return; // the next request falls back to generating in place
    rsaPool.push({ privateKey, publicKey });
    refillRsaPool();
  });
}

function takeRsaKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  const pooled = rsaPool.shift();
  refillRsaPool();
  return pooled ?? generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** A fresh key pair as CreateKeyPair makes it; `ppk` gives PuTTY's format (§1.8.3 converts with PuTTYgen). */
export function generateKeyMaterial(keyType: 'rsa' | 'ed25519', format: 'pem' | 'ppk' = 'pem', comment = ''): NewKeyMaterial {
  if (keyType === 'rsa') {
    const { privateKey, publicKey } = takeRsaKey();
    const { blob } = publicBlob(publicKey);
    return {
      keyType,
      privateKey: format === 'ppk' ? puttyRsaKey(privateKey, blob, comment) : (privateKey.export({ type: 'pkcs1', format: 'pem' }) as string).trimEnd(),
      publicKey: openSshLine('rsa', blob),
      fingerprint: colonHex(createHash('sha1').update(privateKey.export({ type: 'pkcs8', format: 'der' })).digest()),
    };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const { blob } = publicBlob(publicKey);
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { keyType, privateKey: openSshPrivateKey(blob, seed, pub), publicKey: openSshLine('ed25519', blob), fingerprint: ed25519Fingerprint(blob) };
}

/**
 * An unencrypted PuTTY-User-Key-File-2 for an RSA key: public blob, private blob (d, p, q, q⁻¹ mod p)
 * and the MAC PuTTY checks (HMAC-SHA-1 keyed with SHA-1 of the fixed string and an empty passphrase).
 */
function puttyRsaKey(privateKey: KeyObject, publicBlobBytes: Buffer, comment: string): string {
  const jwk = privateKey.export({ format: 'jwk' });
  const mp = (v: string | undefined) => sshMpint(Buffer.from(v!, 'base64url'));
  const priv = Buffer.concat([mp(jwk.d), mp(jwk.p), mp(jwk.q), mp(jwk.qi)]);
  const macKey = createHash('sha1').update('putty-private-key-file-mac-key').digest();
  const macData = Buffer.concat([sshString('ssh-rsa'), sshString('none'), sshString(comment), sshString(publicBlobBytes), sshString(priv)]);
  const mac = createHmac('sha1', macKey).update(macData).digest('hex');
  const lines = (b: Buffer) => b.toString('base64').match(/.{1,64}/g)!;
  const pub = lines(publicBlobBytes);
  const prv = lines(priv);
  return [
    'PuTTY-User-Key-File-2: ssh-rsa',
    'Encryption: none',
    `Comment: ${comment}`,
    `Public-Lines: ${pub.length}`,
    ...pub,
    `Private-Lines: ${prv.length}`,
    ...prv,
    `Private-MAC: ${mac}`,
  ].join('\n');
}

/** The unencrypted `openssh-key-v1` container ssh-keygen writes for an ED25519 key. */
function openSshPrivateKey(publicBlobBytes: Buffer, seed: Buffer, pub: Buffer): string {
  const check = randomBytes(4);
  let priv = Buffer.concat([check, check, sshString('ssh-ed25519'), sshString(pub), sshString(Buffer.concat([seed, pub])), sshString('')]);
  const pad: number[] = [];
  for (let i = 1; (priv.length + pad.length) % 8 !== 0; i++) pad.push(i);
  priv = Buffer.concat([priv, Buffer.from(pad)]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    Buffer.from([0, 0, 0, 1]),
    sshString(publicBlobBytes),
    sshString(priv),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g)!;
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...lines, '-----END OPENSSH PRIVATE KEY-----'].join('\n');
}

/** Reads one SSH wire string at `offset`. */
function readSshString(buf: Buffer, offset: number): { value: Buffer; next: number } {
  if (offset + 4 > buf.length) throw invalidKeyFormat();
  const len = buf.readUInt32BE(offset);
  if (offset + 4 + len > buf.length) throw invalidKeyFormat();
  return { value: buf.subarray(offset + 4, offset + 4 + len), next: offset + 4 + len };
}

function keyFromSshBlob(blob: Buffer): KeyObject {
  const type = readSshString(blob, 0);
  const name = type.value.toString();
  if (name === 'ssh-rsa') {
    const e = readSshString(blob, type.next);
    const n = readSshString(blob, e.next);
    const strip = (b: Buffer) => (b[0] === 0 ? b.subarray(1) : b);
    return createPublicKey({ key: { kty: 'RSA', e: strip(e.value).toString('base64url'), n: strip(n.value).toString('base64url') }, format: 'jwk' });
  }
  if (name === 'ssh-ed25519') {
    const x = readSshString(blob, type.next);
    if (x.value.length !== 32) throw invalidKeyFormat();
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: x.value.toString('base64url') }, format: 'jwk' });
  }
  throw invalidKeyFormat();
}

/**
 * Parses ImportKeyPair's material: the OpenSSH one-line form, the SSH2 public key file format
 * (RFC 4716) or a base64 DER public key. Anything else is AWS's InvalidKey.Format.
 */
export function parsePublicKeyMaterial(material: Uint8Array | string): Omit<NewKeyMaterial, 'privateKey'> {
  const text = (typeof material === 'string' ? material : Buffer.from(material).toString('utf8')).trim();
  let key: KeyObject;
  try {
    const openssh = /^(ssh-rsa|ssh-ed25519)\s+([A-Za-z0-9+/=]+)(?:\s.*)?$/s.exec(text);
    if (openssh) key = keyFromSshBlob(Buffer.from(openssh[2]!, 'base64'));
    else if (text.startsWith('---- BEGIN SSH2 PUBLIC KEY ----')) {
      const body = text
        .split(/\r?\n/)
        .slice(1)
        .filter((l) => !l.startsWith('----') && !/^[A-Za-z-]+:/.test(l))
        .join('');
      key = keyFromSshBlob(Buffer.from(body, 'base64'));
    } else if (/^[A-Za-z0-9+/=\s]+$/.test(text)) key = createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    else if (text.startsWith('-----BEGIN')) {
      key = createPublicKey(text);
      if (key.type === 'private') key = createPublicKey(createPrivateKey(text));
    } else throw invalidKeyFormat();
  } catch {
    throw invalidKeyFormat();
  }
  const { type, blob } = publicBlob(key);
  if (type === 'rsa') {
    const bits = (key.asymmetricKeyDetails?.modulusLength ?? 0);
    if (bits < 1024 || bits > 4096) throw invalidKeyFormat();
    return { keyType: 'rsa', publicKey: openSshLine('rsa', blob), fingerprint: colonHex(createHash('md5').update(key.export({ type: 'spki', format: 'der' })).digest()) };
  }
  return { keyType: 'ed25519', publicKey: openSshLine('ed25519', blob), fingerprint: ed25519Fingerprint(blob) };
}
