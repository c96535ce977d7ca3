import { streaming, type Ctx } from '../../core/provider';
import { ec2Caller, type Ec2Answer } from './ec2';
import { arm, DURATION } from './lifecycle';
import { dbInstanceNotFound, invalidDBInstanceState, invalidParameterCombination } from './errors';
import { extraOf, instanceOutput } from './output';
import { withGroupApplied } from './parameter-apply';
import { defineEngine, runtimeOf } from './runtime';
import { recordEvent } from './state/events';
import { effectiveStatus, findInstance, getInstance, setStatus, updateInstance } from './state/instances';
import type { RdsInput, RdsOutput } from './types';

/**
 * The engine process really restarts (its crash recovery runs); `rebooting` for a simulated minute.
 * With ForceFailover on a Multi-AZ instance the standby takes over: the instance's network interface
 * moves to the standby's subnet and zone, so the same endpoint name now resolves there.
 */
export const RebootDBInstance = streaming(async (ctx: Ctx, input: RdsInput<'RebootDBInstance'>): Promise<RdsOutput<'RebootDBInstance'>> => {
  const row0 = ctx.store.read(() => findInstance(ctx, input.DBInstanceIdentifier));
  if (!row0) throw dbInstanceNotFound(input.DBInstanceIdentifier);
  if (effectiveStatus(row0, ctx.clock.now()) !== 'available') throw invalidDBInstanceState(`DB instance ${row0.id} is not in available state.`);
  const standby = extraOf(row0).standby;
  if (input.ForceFailover && (!row0.multi_az || !standby)) throw invalidParameterCombination('Cannot reboot with failover: the DB instance is not Multi-AZ.');
  let moved: { eniId: string; ip: string; oldEni: string | null; oldSubnet: string; oldAz: string } | undefined;
  if (input.ForceFailover && standby) {
    const ec2 = ec2Caller(ctx.call, ctx.accountId, ctx.region);
    const old = row0.eni_id ? ((await ec2('DescribeNetworkInterfaces', { NetworkInterfaceIds: [row0.eni_id] })).NetworkInterfaces?.[0] as Ec2Answer | undefined) : undefined;
    const eni = (
      await ec2('CreateNetworkInterface', { SubnetId: standby.subnetId, Description: 'RDSNetworkInterface', Groups: JSON.parse(row0.security_groups) as string[] })
    ).NetworkInterface as Ec2Answer;
    moved = { eniId: eni.NetworkInterfaceId as string, ip: eni.PrivateIpAddress as string, oldEni: row0.eni_id, oldSubnet: (old?.SubnetId as string) ?? standby.subnetId, oldAz: row0.availability_zone ?? standby.az };
  }
  const row = ctx.commit(() => {
    let r = getInstance(ctx, input.DBInstanceIdentifier);
    if (moved && standby) {
      r = updateInstance(ctx, r, {
        eni_id: moved.eniId,
        private_ip: moved.ip,
        availability_zone: standby.az,
        extra: JSON.stringify({ ...extraOf(r), standby: { subnetId: moved.oldSubnet, az: moved.oldAz }, failover: true }),
      });
      recordEvent(ctx, ctx, { sourceId: r.id, sourceType: 'db-instance', message: 'Multi-AZ instance failover started', categories: ['failover'], eventId: 'RDS-EVENT-0013' });
    }
    // A restart applies the parameter group's values that were waiting for it.
    r = updateInstance(ctx, r, { extra: withGroupApplied(ctx, r) });
    return setStatus(ctx, r, 'rebooting', { status: 'available', afterMs: DURATION.reboot });
  });
  const rt = runtimeOf(ctx.store);
  arm(rt, row);
  defineEngine(rt, row);
  if (rt.supervisor.has(row.resource_id)) void rt.supervisor.stop(row.resource_id);
  if (moved?.oldEni) {
    const oldEni = moved.oldEni;
    void ec2Caller(ctx.call, ctx.accountId, ctx.region)('DeleteNetworkInterface', { NetworkInterfaceId: oldEni }).catch((e: unknown) => rt.log(`could not delete ${oldEni}: ${String(e)}`));
  }
  return { DBInstance: instanceOutput(ctx, row) };
});
