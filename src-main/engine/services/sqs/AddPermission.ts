import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { invalidValue } from './errors';
import { partitionOf, queueByUrl, saveAttributes } from './state/queues';

interface PolicyDoc {
  Version: string;
  Id?: string;
  Statement: { Sid?: string; [k: string]: unknown }[];
}

/** Adds a statement labelled `Label` to the queue's policy, as the console's "Add a permission" does. */
export const AddPermission = (ctx: Ctx, input: OperationInput<'sqs', 'AddPermission'>): OperationOutput<'sqs', 'AddPermission'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  const doc: PolicyDoc = q.attrs.Policy ? (JSON.parse(q.attrs.Policy) as PolicyDoc) : { Version: '2012-10-17', Id: `${q.arn}/SQSDefaultPolicy`, Statement: [] };
  if (!Array.isArray(doc.Statement)) doc.Statement = doc.Statement ? [doc.Statement] : [];
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(input.Label)) throw invalidValue(input.Label, 'Label', 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
  if (doc.Statement.some((s) => s.Sid === input.Label)) throw invalidValue(input.Label, 'Label', 'Already exists.');
  const principals = input.AWSAccountIds.map((a) => `arn:${partitionOf(q.region)}:iam::${a}:root`);
  doc.Statement.push({
    Sid: input.Label,
    Effect: 'Allow',
    Principal: { AWS: principals.length === 1 ? principals[0] : principals },
    Action: input.Actions.length === 1 ? `SQS:${input.Actions[0]}` : input.Actions.map((a) => `SQS:${a}`),
    Resource: q.arn,
  });
  saveAttributes(ctx, q, { ...q.attrs, Policy: JSON.stringify(doc) });
  return {};
};
