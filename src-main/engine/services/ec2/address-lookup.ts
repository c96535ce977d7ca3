/** An Elastic IP named by AllocationId (VPC style) or by its PublicIp (the older style). */
import type { Ctx } from '../../core/provider';
import { invalidAddressNotFound, missingParameter } from './errors';
import { findAddressByIp, getAddress, type AddressRow } from './state/addresses';
import { instanceInfo } from './state/instance-lookup';
import { findEni } from './state/network-interfaces';

export function addressByIdOrIp(ctx: Ctx, input: { AllocationId?: string; PublicIp?: string }): AddressRow {
  if (input.AllocationId !== undefined) return getAddress(ctx, input.AllocationId);
  if (input.PublicIp === undefined) throw missingParameter('allocationId');
  const a = findAddressByIp(ctx, input.PublicIp);
  if (!a) throw invalidAddressNotFound(input.PublicIp);
  return a;
}

/** The instance an address reaches through its interface, if any. */
export function instanceOfAddress(ctx: Ctx, a: AddressRow): string | undefined {
  if (!a.network_interface_id) return undefined;
  return findEni(ctx, a.network_interface_id)?.instance_id ?? undefined;
}

export function instanceIsUp(ctx: Ctx, instanceId: string | null): boolean {
  if (!instanceId) return false;
  const state = instanceInfo(ctx, instanceId)?.state;
  return state === 'running' || state === 'pending';
}
