import type { Ctx } from '../../core/provider';
import { copyDir } from '../../supervisor';
import { dbSnapshotAlreadyExists, dbSnapshotNotFound, invalidDBSnapshotState, invalidParameterValue } from './errors';
import { newResourceId, validIdentifier } from './naming';
import { snapshotOutput } from './output';
import { enqueue, runtimeOf, snapshotDir } from './runtime';
import { recordEvent } from './state/events';
import type { InstanceRow } from './state/instances';
import { findSnapshot, insertSnapshot, setSnapshotStatus, type SnapshotRow } from './state/snapshots';
import type { RdsInput, RdsOutput } from './types';

/**
 * A manual copy of a snapshot, in this region or from another one (§11.3.4: the source named by its
 * ARN). The data folder is copied off the main thread; the copy is `creating` until then. A copy in
 * another region keeps no subnet group or security groups of the source's VPC.
 */
export function CopyDBSnapshot(ctx: Ctx, input: RdsInput<'CopyDBSnapshot'>): RdsOutput<'CopyDBSnapshot'> {
  const src = input.SourceDBSnapshotIdentifier;
  const arn = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):snapshot:(.+)$/.exec(src);
  if (src.startsWith('arn:') && !arn) throw invalidParameterValue(`Invalid snapshot identifier: ${src}`);
  const region = arn ? arn[1]! : ctx.region;
  const sourceId = arn ? arn[3]! : src;
  const from = findSnapshot({ store: ctx.store, accountId: arn ? arn[2]! : ctx.accountId, region }, sourceId);
  if (!from) throw dbSnapshotNotFound(sourceId);
  if (from.status !== 'available') throw invalidDBSnapshotState(`Snapshot ${from.id} is not in available state.`);
  const target = input.TargetDBSnapshotIdentifier;
  if (!validIdentifier(target))
    throw invalidParameterValue('The parameter TargetDBSnapshotIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.');
  if (findSnapshot(ctx, target)) throw dbSnapshotAlreadyExists(target);
  const instance = JSON.parse(from.instance) as InstanceRow;
  const moved: InstanceRow = region === ctx.region ? instance : { ...instance, region: ctx.region, subnet_group: null, vpc_id: null, security_groups: '[]', availability_zone: null };
  const copy: SnapshotRow = {
    account_id: ctx.accountId,
    region: ctx.region,
    id: target.toLowerCase(),
    resource_id: newResourceId('snap'),
    instance_id: from.instance_id,
    instance_resource_id: from.instance_resource_id,
    snapshot_type: 'manual',
    status: 'creating',
    created_at: ctx.clock.now(),
    instance: JSON.stringify(moved),
    tags: JSON.stringify([...(input.CopyTags ? (JSON.parse(from.tags) as unknown[]) : []), ...(input.Tags ?? [])]),
  };
  insertSnapshot(ctx, copy);
  recordEvent(ctx, ctx, { sourceId: copy.id, sourceType: 'db-snapshot', message: region === ctx.region ? 'Started copy of snapshot' : `Started cross-region copy of snapshot ${src}`, categories: ['notification'], eventId: 'RDS-EVENT-0060' });
  const rt = runtimeOf(ctx.store);
  const store = ctx.store;
  const scope = { accountId: ctx.accountId, region: ctx.region };
  void enqueue(rt, copy.resource_id, async () => {
    await new Promise((r) => setImmediate(r)); // after the handler's commit
    let ok = false;
    try {
      await copyDir(snapshotDir(rt, from.resource_id), snapshotDir(rt, copy.resource_id));
      ok = true;
    } finally {
      if (store.db.open)
        store.tx(() => {
          setSnapshotStatus(store, copy.resource_id, ok ? 'available' : 'failed');
          if (ok) recordEvent(rt, scope, { sourceId: copy.id, sourceType: 'db-snapshot', message: 'Finished copy of snapshot', categories: ['notification'], eventId: 'RDS-EVENT-0061' });
        });
    }
  });
  return { DBSnapshot: { ...snapshotOutput(copy), SourceRegion: region, SourceDBSnapshotIdentifier: arn ? src : `arn:aws:rds:${region}:${ctx.accountId}:snapshot:${from.id}` } };
}
