import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidKeyPairDuplicate, invalidParameterCombination, invalidParameterValue } from './errors';
import { findKeyPair, generateKeyMaterial, insertKeyPair } from './state/key-pairs';
import { applyTagSpecifications, checkTagSpecifications, tagOutput } from './state/tags';

/** AWS allows up to 255 ASCII characters in a key name. */
export function checkKeyName(name: string): void {
  if (name.length === 0) throw invalidParameterValue('Empty key name not allowed');
  if (name.length > 255) throw invalidParameterValue(`Value (${name}) for parameter keyName is invalid. Length exceeds maximum of 255.`);
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(name)) throw invalidParameterValue(`Value (${name}) for parameter keyName is invalid. Character sets beyond ASCII are not supported.`);
}

export function checkKeyType(keyType: string | undefined): 'rsa' | 'ed25519' {
  if (keyType === undefined || keyType === 'rsa') return 'rsa';
  if (keyType === 'ed25519') return 'ed25519';
  throw invalidParameterValue(`Value (${keyType}) for parameter keyType is invalid. Valid values are: rsa, ed25519`);
}

/** Makes a new key pair; the private key is returned once and never stored (§1.8.3). */
export function CreateKeyPair(ctx: Ctx, input: Ec2Input<'CreateKeyPair'>): Ec2Output<'CreateKeyPair'> {
  checkKeyName(input.KeyName);
  const keyType = checkKeyType(input.KeyType);
  const format = input.KeyFormat ?? 'pem';
  if (format !== 'pem' && format !== 'ppk') throw invalidParameterValue(`Value (${format}) for parameter keyFormat is invalid. Valid values are: pem, ppk`);
  if (format === 'ppk' && keyType === 'ed25519') throw invalidParameterCombination('The lab writes PuTTY (ppk) files for rsa keys only; create an ed25519 key in pem format.');
  checkTagSpecifications(ctx, input.TagSpecifications, ['key-pair']);
  if (findKeyPair(ctx, input.KeyName)) throw invalidKeyPairDuplicate(input.KeyName);
  checkDryRun(input);
  const material = generateKeyMaterial(keyType, format, input.KeyName);
  const row = insertKeyPair(ctx, { key_name: input.KeyName, key_type: keyType, fingerprint: material.fingerprint, public_key: material.publicKey });
  const tags = applyTagSpecifications(ctx, input.TagSpecifications, 'key-pair', row.key_pair_id);
  return {
    KeyFingerprint: row.fingerprint,
    KeyMaterial: material.privateKey,
    KeyName: row.key_name,
    KeyPairId: row.key_pair_id,
    Tags: tagOutput(tags),
  };
}
