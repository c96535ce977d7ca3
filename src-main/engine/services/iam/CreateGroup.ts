import type { Ctx } from '../../core/provider';
import { awsUniqueId } from '../../ids';
import { entityAlreadyExists } from './errors';
import { checkName, checkPath } from './names';
import { groupOutput } from './output';
import { entityArn, findEntity, type EntityRow } from './state/entities';

export const CreateGroup = (ctx: Ctx, input: { GroupName: string; Path?: string }) => {
  checkName(input.GroupName, 'groupName', 128);
  const path = checkPath(input.Path);
  if (findEntity(ctx.store, ctx.accountId, 'group', input.GroupName)) throw entityAlreadyExists(`Group with name ${input.GroupName} already exists.`);
  const g: EntityRow = {
    account_id: ctx.accountId,
    id: awsUniqueId('AGPA'),
    name: input.GroupName,
    name_lower: input.GroupName.toLowerCase(),
    path,
    arn: entityArn(ctx.accountId, 'group', path, input.GroupName),
    created_at: ctx.clock.now(),
  };
  ctx.store
    .stmt('INSERT INTO iam_groups (account_id, id, name, name_lower, path, arn, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(g.account_id, g.id, g.name, g.name_lower, g.path, g.arn, g.created_at);
  return { Group: groupOutput(g) };
};
