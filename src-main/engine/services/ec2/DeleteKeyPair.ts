import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidKeyPairNotFound, missingParameter } from './errors';
import { deleteKeyPairRow, findKeyPair, findKeyPairById } from './state/key-pairs';
import { deleteAllTags } from './state/tags';

/**
 * Deletes a key pair by name or id. Like AWS, deleting a name that does not exist succeeds (the
 * call is idempotent); an unknown KeyPairId is an error. Instances keep their key name.
 */
export function DeleteKeyPair(ctx: Ctx, input: Ec2Input<'DeleteKeyPair'>): Ec2Output<'DeleteKeyPair'> {
  if (input.KeyName === undefined && input.KeyPairId === undefined) throw missingParameter('KeyName');
  const row = input.KeyPairId !== undefined ? findKeyPairById(ctx, input.KeyPairId) : findKeyPair(ctx, input.KeyName!);
  if (!row && input.KeyPairId !== undefined) throw invalidKeyPairNotFound(input.KeyPairId);
  checkDryRun(input);
  if (!row) return { Return: true };
  deleteKeyPairRow(ctx, row.key_pair_id);
  deleteAllTags(ctx, row.key_pair_id);
  return { Return: true, KeyPairId: row.key_pair_id };
}
