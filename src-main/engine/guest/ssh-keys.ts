/** Key material for ssh: the OpenSSH public key of a PEM private key, and per-host host keys. */
import { createHash, createPublicKey } from 'node:crypto';

function sshString(buf: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(buf.length);
  return Buffer.concat([len, buf]);
}
function mpint(b64url: string): Buffer {
  let b = Buffer.from(b64url, 'base64url');
  while (b.length > 1 && b[0] === 0) b = b.subarray(1);
  if (b[0]! & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return sshString(b);
}

/** 'ssh-rsa AAAA…' for a private key file's text; undefined if it is not a key. */
export function publicKeyOf(privatePem: string): string | undefined {
  try {
    const jwk = createPublicKey(privatePem).export({ format: 'jwk' }) as { kty?: string; n?: string; e?: string; crv?: string; x?: string };
    if (jwk.kty === 'RSA' && jwk.n && jwk.e) {
      const blob = Buffer.concat([sshString(Buffer.from('ssh-rsa')), mpint(jwk.e), mpint(jwk.n)]);
      return `ssh-rsa ${blob.toString('base64')}`;
    }
    if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.x) {
      const blob = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(Buffer.from(jwk.x, 'base64url'))]);
      return `ssh-ed25519 ${blob.toString('base64')}`;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The key type and base64 blob of an OpenSSH public key line (comment dropped). */
export const keyBlob = (line: string): string => line.trim().split(/\s+/).slice(0, 2).join(' ');

/** A host's ECDSA host key, stable per instance. */
export function hostKey(seed: string): { line: string; fingerprint: string } {
  const body = createHash('sha512').update(`nimbus-host-key:${seed}`).digest();
  const blob = Buffer.concat([sshString(Buffer.from('ecdsa-sha2-nistp256')), sshString(Buffer.from('nistp256')), sshString(Buffer.concat([Buffer.from([4]), body]))]);
  const fingerprint = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
  return { line: `ecdsa-sha2-nistp256 ${blob.toString('base64')}`, fingerprint };
}
