/** AddPermission, RemovePermission, GetPolicy: the function's resource policy, one statement per StatementId. */
import { scoped } from '../../core/scoped';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { conflict, invalidParameter, notFound, preconditionFailed } from './errors';
import { getFunctionRow, newRevision, parseFunctionName } from './state/functions';
import { policyDocument, statementsOf, type Statement } from './state/policy';

const save = (ctx: Ctx, name: string, statements: Statement[]) =>
  scoped(ctx).run('UPDATE lambda_functions SET policy = ?, revision_id = ? WHERE name = ?', JSON.stringify(statements), newRevision(), name);

export const AddPermission = (ctx: Ctx, input: OperationInput<'lambda', 'AddPermission'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName, input.Qualifier);
  const row = getFunctionRow(ctx, name);
  if (input.RevisionId && input.RevisionId !== row.revision_id) throw preconditionFailed('The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id');
  const statements = statementsOf(row);
  if (statements.some((s) => s.Sid === input.StatementId)) throw conflict(`The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`);
  if (!/^lambda:[A-Za-z*]+$/.test(input.Action)) throw invalidParameter(`1 validation error detected: Value '${input.Action}' at 'action' failed to satisfy constraint: Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])`);
  const principal = /\.amazonaws\.com$/.test(input.Principal) ? { Service: input.Principal } : { AWS: /^\d{12}$/.test(input.Principal) ? `arn:aws:iam::${input.Principal}:root` : input.Principal };
  const condition: Record<string, Record<string, string>> = {};
  if (input.SourceArn) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
  if (input.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': input.SourceAccount };
  const statement: Statement = {
    Sid: input.StatementId,
    Effect: 'Allow',
    Principal: principal,
    Action: input.Action,
    Resource: input.Qualifier ? `${row.arn}:${input.Qualifier}` : row.arn,
    ...(Object.keys(condition).length ? { Condition: condition } : {}),
  };
  save(ctx, name, [...statements, statement]);
  return { Statement: JSON.stringify(statement) };
};

export const RemovePermission = (ctx: Ctx, input: OperationInput<'lambda', 'RemovePermission'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName, input.Qualifier);
  const row = getFunctionRow(ctx, name);
  const statements = statementsOf(row);
  if (!statements.some((s) => s.Sid === input.StatementId)) throw notFound(`Statement ${input.StatementId} is not found in resource policy.`);
  save(ctx, name, statements.filter((s) => s.Sid !== input.StatementId));
  return {};
};

export const GetPolicy = (ctx: Ctx, input: OperationInput<'lambda', 'GetPolicy'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName, input.Qualifier);
  const row = getFunctionRow(ctx, name);
  const statements = statementsOf(row);
  if (!statements.length) throw notFound('The resource you requested does not exist.');
  return { Policy: policyDocument(statements), RevisionId: row.revision_id };
};
