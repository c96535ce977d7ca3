import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { checkInterfaceGroups } from './eni-groups';
import { invalidAttachmentIdNotFound, missingParameter, oneInterfaceAttribute, unsupportedOperation } from './errors';
import { getEni, setDeleteOnTermination, setDescription, setGroups, setSourceDestCheck } from './state/network-interfaces';
import type { Ec2Input, Ec2Output } from './types';

/** One of: security groups, description, source/destination check, delete-on-termination of the attachment. */
export function ModifyNetworkInterfaceAttribute(
  ctx: Ctx,
  input: Ec2Input<'ModifyNetworkInterfaceAttribute'>,
): Ec2Output<'ModifyNetworkInterfaceAttribute'> {
  const eni = getEni(ctx, input.NetworkInterfaceId);
  if (input.EnaSrdSpecification || input.EnablePrimaryIpv6 !== undefined || input.ConnectionTrackingSpecification || input.AssociatePublicIpAddress !== undefined)
    throw unsupportedOperation('That interface attribute is not simulated in Nimbus Lab.');
  const given = [input.Groups, input.Description, input.SourceDestCheck, input.Attachment].filter((v) => v !== undefined);
  if (given.length === 0) throw missingParameter('groupId, description, sourceDestCheck or attachment');
  if (given.length > 1) throw oneInterfaceAttribute();
  if (input.Groups !== undefined) {
    if (input.Groups.length === 0) throw missingParameter('groupId');
    const groups = checkInterfaceGroups(ctx, eni.vpc_id, input.Groups);
    checkDryRun(input);
    setGroups(ctx, eni.eni_id, groups);
  } else if (input.Description !== undefined) {
    checkDryRun(input);
    setDescription(ctx, eni.eni_id, input.Description.Value ?? '');
  } else if (input.SourceDestCheck !== undefined) {
    if (input.SourceDestCheck.Value === undefined) throw missingParameter('sourceDestCheck.value');
    checkDryRun(input);
    setSourceDestCheck(ctx, eni.eni_id, input.SourceDestCheck.Value);
  } else {
    const a = input.Attachment!;
    if (!a.AttachmentId || a.AttachmentId !== eni.attachment_id) throw invalidAttachmentIdNotFound(a.AttachmentId ?? '');
    if (a.DeleteOnTermination === undefined) throw missingParameter('attachment.deleteOnTermination');
    checkDryRun(input);
    setDeleteOnTermination(ctx, eni.eni_id, a.DeleteOnTermination);
  }
  return {};
}
