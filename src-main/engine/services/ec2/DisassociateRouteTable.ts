import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { cannotDisassociateMain, invalidAssociationIdNotFound } from './errors';
import { deleteAssociation, findAssociation, listRouteTables } from './state/route-tables';
import type { Ec2Input, Ec2Output } from './types';

/** The subnet falls back to its VPC's main route table. */
export function DisassociateRouteTable(ctx: Ctx, input: Ec2Input<'DisassociateRouteTable'>): Ec2Output<'DisassociateRouteTable'> {
  if (listRouteTables(ctx).some((t) => t.main_assoc_id === input.AssociationId)) throw cannotDisassociateMain(input.AssociationId);
  const assoc = findAssociation(ctx, input.AssociationId);
  if (!assoc) throw invalidAssociationIdNotFound(input.AssociationId);
  checkDryRun(input);
  deleteAssociation(ctx, assoc.assoc_id);
  return {};
}
