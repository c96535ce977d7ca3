/** S3's view of an account: a 64-hex canonical user id, stable per account, and a display name. */
import { createHash } from 'node:crypto';
import type { Principal } from '../../protocol/types';

export interface S3Owner {
  ID: string;
  DisplayName: string;
}

const cache = new Map<string, S3Owner>();

export function ownerOf(accountId: string): S3Owner {
  let owner = cache.get(accountId);
  if (!owner) {
    // Derived, not stored: the same account always gets the same id, and no table is needed.
    owner = { ID: createHash('sha256').update(`nimbus-canonical-user:${accountId}`).digest('hex'), DisplayName: 'nimbus-lab' };
    cache.set(accountId, owner);
  }
  return owner;
}

/** Multipart "Initiator": the canonical id for root, the ARN for IAM identities (as S3 shows them). */
export function initiatorOf(principal: Principal): S3Owner {
  if (principal.type === 'root') return ownerOf(principal.accountId);
  const name = principal.arn.slice(principal.arn.lastIndexOf('/') + 1);
  return { ID: principal.arn, DisplayName: name };
}
