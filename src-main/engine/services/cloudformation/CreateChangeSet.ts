import { randomUUID } from 'node:crypto';
import { streaming, type Ctx } from '../../core/provider';
import { alreadyExists, changeSetAlreadyExists, stackDoesNotExist, validationError } from './errors';
import { computeChanges } from './lifecycle/changes';
import { baseStackRow, newStackId, sameAsCurrent, stackEvent } from './lifecycle/operations';
import { prepare, type PrepareInput } from './lifecycle/prepare';
import { identity } from './lifecycle/runner';
import { checkStackName, checkTags } from './settings';
import { findChangeSet, insertChangeSet } from './state/change-sets';
import { findStack, insertStack, stackTags } from './state/stacks';
import { checkUpdatable } from './UpdateStack';

interface CreateChangeSetInput extends PrepareInput {
  StackName: string;
  ChangeSetName: string;
  ChangeSetType?: string;
  Description?: string;
  Tags?: { Key?: string; Value?: string }[];
  NotificationARNs?: string[];
}

const NO_CHANGES = "The submitted information didn't contain changes. Submit different information to create a change set.";

export const CreateChangeSet = streaming(async (ctx: Ctx, input: CreateChangeSetInput) => {
  if (!/^[A-Za-z][-A-Za-z0-9]*$/.test(input.ChangeSetName) || input.ChangeSetName.length > 128) {
    throw validationError(`1 validation error detected: Value '${input.ChangeSetName}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`);
  }
  const type = input.ChangeSetType ?? 'UPDATE';
  const existing = findStack(ctx.store, ctx.accountId, ctx.region, input.StackName);
  const reviewing = existing?.status === 'REVIEW_IN_PROGRESS';
  if (type === 'CREATE') {
    checkStackName(input.StackName);
    if (existing && !reviewing) throw alreadyExists(input.StackName);
  } else if (!existing || reviewing) {
    throw validationError(`Stack [${input.StackName}] does not exist`);
  } else checkUpdatable(existing);
  if (existing && findChangeSet(ctx.store, ctx.accountId, ctx.region, input.ChangeSetName, existing.stack_id)) {
    throw changeSetAlreadyExists(input.ChangeSetName);
  }
  const tags = input.Tags !== undefined ? checkTags(input.Tags) : existing ? stackTags(existing) : [];
  const id = existing
    ? identity(existing)
    : { stackId: newStackId(ctx, input.StackName), stackName: input.StackName, accountId: ctx.accountId, region: ctx.region, notificationArns: input.NotificationARNs ?? [] };
  const p = await prepare(ctx, input, id, { stack: type === 'UPDATE' ? existing : undefined, viaChangeSet: true });
  const changes = computeChanges(ctx, p, id, type === 'UPDATE' ? existing : undefined);
  const noChanges = type === 'UPDATE' && existing && changes.length === 0 && sameAsCurrent(existing, p, tags);
  const changeSetId = `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:changeSet/${input.ChangeSetName}/${randomUUID()}`;
  return ctx.commit(() => {
    if (!existing) {
      if (findStack(ctx.store, ctx.accountId, ctx.region, input.StackName)) throw stackDoesNotExist(input.StackName);
      const row = baseStackRow(ctx, id, p, { tags, notificationArns: id.notificationArns, disableRollback: false, onFailure: 'ROLLBACK', terminationProtection: false }, 'REVIEW_IN_PROGRESS');
      insertStack(ctx.store, { ...row, status_reason: 'User Initiated', parameters_json: '[]', capabilities_json: '[]', description: null });
      stackEvent(ctx, { stack_id: id.stackId, name: id.stackName }, ctx.clock.now(), 'REVIEW_IN_PROGRESS', 'User Initiated');
    }
    insertChangeSet(ctx.store, {
      change_set_id: changeSetId,
      account_id: ctx.accountId,
      region: ctx.region,
      stack_id: id.stackId,
      name: input.ChangeSetName,
      type,
      status: noChanges ? 'FAILED' : 'CREATE_COMPLETE',
      status_reason: noChanges ? NO_CHANGES : null,
      execution_status: noChanges ? 'UNAVAILABLE' : 'AVAILABLE',
      description: input.Description ?? null,
      template_body: p.body,
      processed_json: JSON.stringify(p.processed),
      parameters_json: JSON.stringify(p.params),
      tags_json: JSON.stringify(tags),
      capabilities_json: JSON.stringify(input.Capabilities ?? []),
      notification_arns_json: JSON.stringify(input.NotificationARNs ?? []),
      changes_json: JSON.stringify(changes),
      created_at: ctx.clock.now(),
    });
    return { Id: changeSetId, StackId: id.stackId };
  });
});
