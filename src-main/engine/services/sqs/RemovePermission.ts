import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { invalidValue } from './errors';
import { queueByUrl, saveAttributes } from './state/queues';

export const RemovePermission = (ctx: Ctx, input: OperationInput<'sqs', 'RemovePermission'>): OperationOutput<'sqs', 'RemovePermission'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  const doc = q.attrs.Policy ? (JSON.parse(q.attrs.Policy) as { Statement?: { Sid?: string }[] }) : undefined;
  const statements = Array.isArray(doc?.Statement) ? doc.Statement : [];
  if (!statements.some((s) => s.Sid === input.Label)) throw invalidValue(input.Label, 'Label', "can't find label on existing policy.");
  const left = statements.filter((s) => s.Sid !== input.Label);
  const attrs = { ...q.attrs };
  if (left.length) attrs.Policy = JSON.stringify({ ...doc, Statement: left });
  else delete attrs.Policy;
  saveAttributes(ctx, q, attrs);
  return {};
};
