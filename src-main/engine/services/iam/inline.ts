/** Put/Get/List/Delete of inline policies for users, groups and roles: one implementation. */
import type { Ctx } from '../../core/provider';
import { noSuchEntity } from './errors';
import { checkInlineSize, checkName } from './names';
import { paginate, requireEntity } from './state/entities';
import { checkDocument, deleteInline, encodeDocument, getInline, inlinePolicies, putInline, type AttachKind } from './state/policies';

const KIND_NAME: Record<AttachKind, string> = { user: 'user', group: 'group', role: 'role' };

export function putInlinePolicy(ctx: Ctx, kind: AttachKind, entityName: string, policyName: string, document: string): Record<string, never> {
  checkName(policyName, 'policyName', 128);
  const entity = requireEntity(ctx, kind, entityName);
  checkDocument(document, 'identity');
  checkInlineSize(kind, entity.name, document);
  putInline(ctx.store, entity.id, policyName, document);
  return {};
}

export function getInlinePolicy(ctx: Ctx, kind: AttachKind, entityName: string, policyName: string) {
  const entity = requireEntity(ctx, kind, entityName);
  const doc = getInline(ctx.store, entity.id, policyName);
  if (doc === undefined) throw noSuchEntity(`The ${KIND_NAME[kind]} policy with name ${policyName} cannot be found.`);
  return { name: entity.name, PolicyName: policyName, PolicyDocument: encodeDocument(doc) };
}

export function deleteInlinePolicy(ctx: Ctx, kind: AttachKind, entityName: string, policyName: string): Record<string, never> {
  const entity = requireEntity(ctx, kind, entityName);
  if (!deleteInline(ctx.store, entity.id, policyName)) throw noSuchEntity(`The ${KIND_NAME[kind]} policy with name ${policyName} cannot be found.`);
  return {};
}

export function listInlinePolicies(ctx: Ctx, kind: AttachKind, entityName: string, input: { Marker?: string; MaxItems?: number }) {
  const entity = requireEntity(ctx, kind, entityName);
  const { page, IsTruncated, Marker } = paginate(inlinePolicies(ctx.store, entity.id).map((p) => p.name), input.Marker, input.MaxItems);
  return { PolicyNames: page, IsTruncated, Marker };
}
