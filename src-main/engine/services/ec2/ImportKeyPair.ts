import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidKeyPairDuplicate } from './errors';
import { checkKeyName } from './CreateKeyPair';
import { findKeyPair, insertKeyPair, parsePublicKeyMaterial } from './state/key-pairs';
import { applyTagSpecifications, checkTagSpecifications, tagOutput } from './state/tags';

/** Registers the public half of a key the learner made (ssh-keygen); EC2 never sees the private key. */
export function ImportKeyPair(ctx: Ctx, input: Ec2Input<'ImportKeyPair'>): Ec2Output<'ImportKeyPair'> {
  checkKeyName(input.KeyName);
  checkTagSpecifications(ctx, input.TagSpecifications, ['key-pair']);
  const material = parsePublicKeyMaterial(input.PublicKeyMaterial as Uint8Array | string);
  if (findKeyPair(ctx, input.KeyName)) throw invalidKeyPairDuplicate(input.KeyName);
  checkDryRun(input);
  const row = insertKeyPair(ctx, { key_name: input.KeyName, key_type: material.keyType, fingerprint: material.fingerprint, public_key: material.publicKey });
  const tags = applyTagSpecifications(ctx, input.TagSpecifications, 'key-pair', row.key_pair_id);
  return { KeyFingerprint: row.fingerprint, KeyName: row.key_name, KeyPairId: row.key_pair_id, Tags: tagOutput(tags) };
}
