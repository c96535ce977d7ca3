import type { Ctx } from '../../core/provider';
import { awsUniqueId } from '../../ids';
import { entityAlreadyExists } from './errors';
import { checkName, checkPath, checkTags } from './names';
import { instanceProfileOutput } from './output';
import { entityArn, findEntity, setTags, type EntityRow } from './state/entities';

export const CreateInstanceProfile = (ctx: Ctx, input: { InstanceProfileName: string; Path?: string; Tags?: { Key: string; Value: string }[] }) => {
  checkName(input.InstanceProfileName, 'instanceProfileName', 128);
  const path = checkPath(input.Path);
  checkTags(input.Tags);
  if (findEntity(ctx.store, ctx.accountId, 'instance-profile', input.InstanceProfileName))
    throw entityAlreadyExists(`Instance Profile ${input.InstanceProfileName} already exists.`);
  const p: EntityRow = {
    account_id: ctx.accountId,
    id: awsUniqueId('AIPA'),
    name: input.InstanceProfileName,
    name_lower: input.InstanceProfileName.toLowerCase(),
    path,
    arn: entityArn(ctx.accountId, 'instance-profile', path, input.InstanceProfileName),
    created_at: ctx.clock.now(),
  };
  ctx.store
    .stmt('INSERT INTO iam_instance_profiles (account_id, id, name, name_lower, path, arn, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(p.account_id, p.id, p.name, p.name_lower, p.path, p.arn, p.created_at);
  setTags(ctx.store, p.id, input.Tags);
  return { InstanceProfile: instanceProfileOutput(ctx.store, p) };
};
