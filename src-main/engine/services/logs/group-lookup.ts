/** The group a call names (logGroupName or logGroupIdentifier, which may be an ARN). */
import type { Ctx } from '../../core/provider';
import { groupNotFound, invalidParameter } from './errors';
import { findGroup, type GroupRow } from './state/groups';

export function groupName(input: { logGroupName?: string; logGroupIdentifier?: string }): string {
  if (input.logGroupName && input.logGroupIdentifier) throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  const id = input.logGroupName ?? input.logGroupIdentifier;
  if (!id) throw invalidParameter('Should provide either name or ARN for the log group.');
  return id.startsWith('arn:') ? id.replace(/^arn:aws:logs:[^:]+:\d+:log-group:/, '').replace(/:\*$/, '') : id;
}

export function requireGroup(ctx: Ctx, input: { logGroupName?: string; logGroupIdentifier?: string }): GroupRow {
  const g = findGroup(ctx, groupName(input));
  if (!g) throw groupNotFound();
  return g;
}
