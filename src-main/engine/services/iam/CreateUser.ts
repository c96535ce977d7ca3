import type { Ctx } from '../../core/provider';
import { awsUniqueId } from '../../ids';
import { entityAlreadyExists } from './errors';
import { checkName, checkPath, checkTags } from './names';
import { userOutput } from './output';
import { entityArn, findEntity, setTags, type EntityRow } from './state/entities';

export const CreateUser = (ctx: Ctx, input: { UserName: string; Path?: string; Tags?: { Key: string; Value: string }[] }) => {
  checkName(input.UserName, 'userName');
  const path = checkPath(input.Path);
  checkTags(input.Tags);
  if (findEntity(ctx.store, ctx.accountId, 'user', input.UserName)) throw entityAlreadyExists(`User with name ${input.UserName} already exists.`);
  const user: EntityRow = {
    account_id: ctx.accountId,
    id: awsUniqueId('AIDA'),
    name: input.UserName,
    name_lower: input.UserName.toLowerCase(),
    path,
    arn: entityArn(ctx.accountId, 'user', path, input.UserName),
    created_at: ctx.clock.now(),
  };
  ctx.store
    .stmt('INSERT INTO iam_users (account_id, id, name, name_lower, path, arn, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(user.account_id, user.id, user.name, user.name_lower, user.path, user.arn, user.created_at);
  setTags(ctx.store, user.id, input.Tags);
  return { User: userOutput(ctx.store, user, true) };
};
