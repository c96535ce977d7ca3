import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { invalidAttachmentIdNotFound, operationNotPermittedPrimaryDetach } from './errors';
import { detachEni, listEnis } from './state/network-interfaces';
import type { Ec2Input, Ec2Output } from './types';

/** The primary interface (device 0) stays with its instance; Elastic IPs stay with the interface. */
export function DetachNetworkInterface(ctx: Ctx, input: Ec2Input<'DetachNetworkInterface'>): Ec2Output<'DetachNetworkInterface'> {
  const eni = listEnis(ctx).find((e) => e.attachment_id === input.AttachmentId);
  if (!eni) throw invalidAttachmentIdNotFound(input.AttachmentId);
  if (eni.device_index === 0) throw operationNotPermittedPrimaryDetach();
  checkDryRun(input);
  detachEni(ctx, eni.eni_id);
  return {};
}
