import type { Ctx } from '../../core/provider';
import { awsUniqueId } from '../../ids';
import { entityAlreadyExists, limitExceeded } from './errors';
import { checkName, checkPath, policySize } from './names';
import { checkDocument, customerPolicies, insertPolicy, policyOutput } from './state/policies';

export const MAX_MANAGED_POLICY_SIZE = 6144;

export function checkManagedDocument(document: string): void {
  checkDocument(document, 'identity');
  if (policySize(document) > MAX_MANAGED_POLICY_SIZE) throw limitExceeded(`Cannot exceed quota for PolicySize: ${MAX_MANAGED_POLICY_SIZE}`);
}

export const CreatePolicy = (ctx: Ctx, input: { PolicyName: string; Path?: string; PolicyDocument: string; Description?: string }) => {
  checkName(input.PolicyName, 'policyName', 128);
  const path = checkPath(input.Path);
  checkManagedDocument(input.PolicyDocument);
  if (customerPolicies(ctx.store, ctx.accountId).some((p) => p.name.toLowerCase() === input.PolicyName.toLowerCase()))
    throw entityAlreadyExists(`A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`);
  const now = ctx.clock.now();
  const policy = {
    accountId: ctx.accountId,
    arn: `arn:aws:iam::${ctx.accountId}:policy${path}${input.PolicyName}`,
    id: awsUniqueId('ANPA'),
    name: input.PolicyName,
    path,
    description: input.Description,
    defaultVersion: 'v1',
    createdAt: now,
    updatedAt: now,
    awsManaged: false,
  };
  insertPolicy(ctx.store, policy, input.PolicyDocument);
  return { Policy: policyOutput(ctx.store, ctx.accountId, policy) };
};
