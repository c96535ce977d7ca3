import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidKeyPairNotFound } from './errors';
import { applyFilters, type FilterTable } from './filters';
import { listKeyPairs, type KeyPairRow } from './state/key-pairs';
import { tagOutput, tagsByResource, type Tag } from './state/tags';

type Item = KeyPairRow & { tags: Tag[] };

const KEY_PAIR_FILTERS: FilterTable<Item> = {
  'key-pair-id': (k) => k.key_pair_id,
  'key-name': (k) => k.key_name,
  fingerprint: (k) => k.fingerprint,
  'key-type': (k) => k.key_type,
};

export function DescribeKeyPairs(ctx: Ctx, input: Ec2Input<'DescribeKeyPairs'>): Ec2Output<'DescribeKeyPairs'> {
  const rows = listKeyPairs(ctx);
  // Named keys must all exist; AWS reports the first missing one.
  for (const name of input.KeyNames ?? []) if (!rows.some((r) => r.key_name === name)) throw invalidKeyPairNotFound(name);
  for (const id of input.KeyPairIds ?? []) if (!rows.some((r) => r.key_pair_id === id)) throw invalidKeyPairNotFound(id);
  checkDryRun(input);
  let selected = rows;
  if (input.KeyNames?.length) selected = selected.filter((r) => input.KeyNames!.includes(r.key_name));
  if (input.KeyPairIds?.length) selected = selected.filter((r) => input.KeyPairIds!.includes(r.key_pair_id));
  const tags = tagsByResource(ctx, selected.map((r) => r.key_pair_id));
  const items = applyFilters(
    selected.map((r) => ({ ...r, tags: tags.get(r.key_pair_id) ?? [] })),
    input.Filters,
    { table: KEY_PAIR_FILTERS, tags: (k) => k.tags },
  );
  return {
    KeyPairs: items.map((k) => ({
      KeyPairId: k.key_pair_id,
      KeyFingerprint: k.fingerprint,
      KeyName: k.key_name,
      KeyType: k.key_type,
      Tags: tagOutput(k.tags) ?? [],
      PublicKey: input.IncludePublicKey ? k.public_key : undefined,
      CreateTime: new Date(k.created_at),
    })),
  };
}
