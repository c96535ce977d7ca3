import { streaming, type Ctx } from '../../core/provider';
import { alreadyExists, validationError } from './errors';
import { beginCreate, newStackId } from './lifecycle/operations';
import { prepare, type PrepareInput } from './lifecycle/prepare';
import { checkStackName, checkTags } from './settings';
import { findStack } from './state/stacks';

interface CreateStackInput extends PrepareInput {
  StackName: string;
  DisableRollback?: boolean;
  OnFailure?: string;
  TimeoutInMinutes?: number;
  NotificationARNs?: string[];
  Tags?: { Key?: string; Value?: string }[];
  RoleARN?: string;
  EnableTerminationProtection?: boolean;
}

export const CreateStack = streaming(async (ctx: Ctx, input: CreateStackInput) => {
  checkStackName(input.StackName);
  if (input.DisableRollback !== undefined && input.OnFailure !== undefined) {
    throw validationError('You may not specify both OnFailure and DisableRollback');
  }
  if (findStack(ctx.store, ctx.accountId, ctx.region, input.StackName)) throw alreadyExists(input.StackName);
  const tags = checkTags(input.Tags);
  const id = { stackId: newStackId(ctx, input.StackName), stackName: input.StackName, accountId: ctx.accountId, region: ctx.region, notificationArns: input.NotificationARNs ?? [] };
  const p = await prepare(ctx, input, id);
  return ctx.commit(() => {
    if (findStack(ctx.store, ctx.accountId, ctx.region, input.StackName)) throw alreadyExists(input.StackName);
    beginCreate(ctx, id, p, {
      tags,
      notificationArns: id.notificationArns,
      disableRollback: input.DisableRollback === true,
      onFailure: input.OnFailure ?? (input.DisableRollback ? 'DO_NOTHING' : 'ROLLBACK'),
      timeoutMinutes: input.TimeoutInMinutes,
      terminationProtection: input.EnableTerminationProtection === true,
      roleArn: input.RoleARN,
    });
    return { StackId: id.stackId };
  });
});
