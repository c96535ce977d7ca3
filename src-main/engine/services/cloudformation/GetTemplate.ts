import type { Ctx } from '../../core/provider';
import { changeSetNotFound } from './errors';
import { findChangeSet } from './state/change-sets';
import { requireStack } from './state/stacks';

interface GetTemplateInput {
  StackName?: string;
  ChangeSetName?: string;
  TemplateStage?: string;
}

export const GetTemplate = (ctx: Ctx, input: GetTemplateInput) => {
  let body: string;
  let processed: string;
  if (input.ChangeSetName !== undefined) {
    const cs = findChangeSet(ctx.store, ctx.accountId, ctx.region, input.ChangeSetName, input.StackName);
    if (!cs) throw changeSetNotFound(input.ChangeSetName);
    body = cs.template_body;
    processed = cs.processed_json;
  } else {
    const stack = requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName ?? '');
    body = stack.template_body;
    processed = stack.processed_json;
  }
  return {
    TemplateBody: input.TemplateStage === 'Processed' ? JSON.stringify(JSON.parse(processed), null, 2) : body,
    StagesAvailable: ['Original', 'Processed'],
  };
};
