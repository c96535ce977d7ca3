/**
 * CloudTrail's responseElements for calls whose answer later rules and functions read. The history
 * keeps requests only, so what a response said is noted here inside the call's own transaction:
 * RunInstances' instances (§7.3's ec2-owner-tag reads detail.responseElements.instancesSet).
 */
import { instanceInfo, onInstanceStateChange } from '../ec2';

interface LaunchedItem {
  instanceId: string;
  amiLaunchIndex: number;
  launchTime: number;
  subnetId?: string;
  vpcId?: string;
}

onInstanceStateChange(({ ctx, instanceId, previous, current, at }) => {
  if (previous !== null || current !== 'pending' || ctx.operation !== 'RunInstances') return;
  const info = instanceInfo(ctx, instanceId);
  const row = ctx.store.stmt('SELECT body FROM ct_responses WHERE request_id = ?').get(ctx.requestId) as
    { body: string } | undefined;
  const items = row ? (JSON.parse(row.body) as LaunchedItem[]) : [];
  items.push({
    instanceId,
    amiLaunchIndex: items.length,
    launchTime: at,
    ...(info ? { subnetId: info.subnetId, vpcId: info.vpcId } : {}),
  });
  ctx.store
    .stmt('INSERT OR REPLACE INTO ct_responses (request_id, account_id, time, body) VALUES (?, ?, ?, ?)')
    .run(ctx.requestId, ctx.accountId, at, JSON.stringify(items));
});

const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The responseElements of a history row, or null when the lab noted none (as CloudTrail for reads). */
export function responseElements(
  row: {
    operation: string;
    request_id: string;
    account_id: string;
    error_code: string | null;
    response_body?: string | null;
  },
  params: unknown,
): unknown {
  if (row.error_code || !row.response_body) return null;
  if (row.operation === 'RunInstances') {
    const p = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
    const items = (JSON.parse(row.response_body) as LaunchedItem[]).map((i) => ({
      instanceId: i.instanceId,
      imageId: p.imageId,
      instanceState: { code: 0, name: 'pending' },
      amiLaunchIndex: i.amiLaunchIndex,
      instanceType: p.instanceType ?? 'm1.small',
      ...(p.keyName ? { keyName: p.keyName } : {}),
      launchTime: iso(i.launchTime),
      ...(i.subnetId ? { subnetId: i.subnetId, vpcId: i.vpcId } : {}),
    }));
    return { requestId: row.request_id, ownerId: row.account_id, instancesSet: { items } };
  }
  return null;
}
