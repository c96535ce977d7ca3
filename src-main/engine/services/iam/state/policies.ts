/**
 * Managed policies (AWS's, from resources/iam, and the account's own, with up to five versions),
 * their attachments to users, groups and roles, and inline policies.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../../../core/provider';
import type { Store } from '../../../store/store';
import { findResourcesDir } from '../../../models/paths';
import { parsePolicy, PolicyError, type PolicyKind } from '../../../iam/policy';
import { malformedPolicyDocument, noSuchPolicy } from '../errors';
import { knownActions } from './actions';

export interface ManagedPolicy {
  arn: string;
  id: string;
  name: string;
  path: string;
  description?: string;
  defaultVersion: string;
  createdAt: number;
  updatedAt: number;
  awsManaged: boolean;
}

interface AwsManagedEntry {
  name: string;
  path: string;
  id: string;
  description: string;
  defaultVersion: string;
  created: string;
  updated: string;
  document: unknown;
}

let awsManaged: Map<string, ManagedPolicy & { document: string }> | undefined;

/** AWS managed policies by ARN (`arn:aws:iam::aws:policy/PATH/NAME`). */
export function awsManagedPolicies(): Map<string, ManagedPolicy & { document: string }> {
  if (awsManaged) return awsManaged;
  const file = join(findResourcesDir(), 'iam', 'managed-policies.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { policies: AwsManagedEntry[] };
  awsManaged = new Map();
  for (const p of data.policies) {
    const arn = `arn:aws:iam::aws:policy${p.path}${p.name}`;
    awsManaged.set(arn, {
      arn,
      id: p.id,
      name: p.name,
      path: p.path,
      description: p.description,
      defaultVersion: p.defaultVersion,
      createdAt: Date.parse(p.created),
      updatedAt: Date.parse(p.updated),
      awsManaged: true,
      document: JSON.stringify(p.document),
    });
  }
  return awsManaged;
}

interface PolicyRow {
  account_id: string;
  id: string;
  arn: string;
  name: string;
  path: string;
  description: string | null;
  default_version: string;
  next_version: number;
  created_at: number;
  updated_at: number;
}

const fromRow = (r: PolicyRow): ManagedPolicy => ({
  arn: r.arn,
  id: r.id,
  name: r.name,
  path: r.path,
  description: r.description ?? undefined,
  defaultVersion: r.default_version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  awsManaged: false,
});

export function findPolicy(store: Store, accountId: string, arn: string): ManagedPolicy | undefined {
  const aws = awsManagedPolicies().get(arn);
  if (aws) return aws;
  const row = store.stmt('SELECT * FROM iam_policies WHERE arn = ? AND account_id = ?').get(arn, accountId) as PolicyRow | undefined;
  return row && fromRow(row);
}

export function requirePolicy(ctx: Ctx, arn: string): ManagedPolicy {
  const p = findPolicy(ctx.store, ctx.accountId, arn);
  if (!p) throw noSuchPolicy(arn);
  return p;
}

export const customerPolicies = (store: Store, accountId: string): ManagedPolicy[] =>
  (store.stmt('SELECT * FROM iam_policies WHERE account_id = ? ORDER BY name').all(accountId) as PolicyRow[]).map(fromRow);

export function insertPolicy(store: Store, p: ManagedPolicy & { accountId: string }, document: string): void {
  store
    .stmt(
      `INSERT INTO iam_policies (account_id, id, arn, name, path, description, default_version, next_version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'v1', 2, ?, ?)`,
    )
    .run(p.accountId, p.id, p.arn, p.name, p.path, p.description ?? null, p.createdAt, p.updatedAt);
  store.stmt('INSERT INTO iam_policy_versions (policy_arn, version_id, document, created_at) VALUES (?, ?, ?, ?)').run(p.arn, 'v1', document, p.createdAt);
}

export interface VersionRow {
  policy_arn: string;
  version_id: string;
  document: string;
  created_at: number;
}

export function policyVersions(store: Store, policy: ManagedPolicy): VersionRow[] {
  if (policy.awsManaged) {
    const aws = awsManagedPolicies().get(policy.arn)!;
    return [{ policy_arn: policy.arn, version_id: aws.defaultVersion, document: aws.document, created_at: aws.createdAt }];
  }
  return store.stmt('SELECT * FROM iam_policy_versions WHERE policy_arn = ? ORDER BY created_at, version_id').all(policy.arn) as VersionRow[];
}

export function defaultDocument(store: Store, policy: ManagedPolicy): string {
  if (policy.awsManaged) return awsManagedPolicies().get(policy.arn)!.document;
  return (store.stmt('SELECT document FROM iam_policy_versions WHERE policy_arn = ? AND version_id = ?').get(policy.arn, policy.defaultVersion) as { document: string }).document;
}

/** IAM shows documents URL-encoded in Get*Policy* answers. */
export const encodeDocument = (document: string): string => encodeURIComponent(document);

/** Validates a document as IAM does before storing it; MalformedPolicyDocument with IAM's message. */
export function checkDocument(document: string, kind: PolicyKind): void {
  try {
    parsePolicy(document, kind, { knownActions });
  } catch (e) {
    if (e instanceof PolicyError) throw malformedPolicyDocument(e.message);
    throw e;
  }
}

/** A policy id (ANPA…) derived from nothing guessable. */
export const documentHash = (document: string): string => createHash('sha256').update(document).digest('hex');

// Attachments

export type AttachKind = 'user' | 'group' | 'role';

export const attachedPolicyArns = (store: Store, entityId: string): string[] =>
  (store.stmt('SELECT policy_arn FROM iam_attachments WHERE entity_id = ? ORDER BY policy_arn').all(entityId) as { policy_arn: string }[]).map((r) => r.policy_arn);

export const attach = (store: Store, accountId: string, entityId: string, kind: AttachKind, arn: string): void => {
  store.stmt('INSERT OR IGNORE INTO iam_attachments (account_id, entity_id, entity_kind, policy_arn) VALUES (?, ?, ?, ?)').run(accountId, entityId, kind, arn);
};

export const detach = (store: Store, entityId: string, arn: string): boolean =>
  store.stmt('DELETE FROM iam_attachments WHERE entity_id = ? AND policy_arn = ?').run(entityId, arn).changes > 0;

export const attachmentCount = (store: Store, accountId: string, arn: string): number =>
  (store.stmt('SELECT count(*) AS n FROM iam_attachments WHERE account_id = ? AND policy_arn = ?').get(accountId, arn) as { n: number }).n;

export const attachmentsOf = (store: Store, accountId: string, arn: string): { entity_id: string; entity_kind: AttachKind }[] =>
  store.stmt('SELECT entity_id, entity_kind FROM iam_attachments WHERE account_id = ? AND policy_arn = ?').all(accountId, arn) as {
    entity_id: string;
    entity_kind: AttachKind;
  }[];

// Inline policies

export const inlinePolicies = (store: Store, entityId: string): { name: string; document: string }[] =>
  store.stmt('SELECT name, document FROM iam_inline_policies WHERE entity_id = ? ORDER BY name').all(entityId) as { name: string; document: string }[];

export const getInline = (store: Store, entityId: string, name: string): string | undefined =>
  (store.stmt('SELECT document FROM iam_inline_policies WHERE entity_id = ? AND name = ?').get(entityId, name) as { document: string } | undefined)?.document;

export const putInline = (store: Store, entityId: string, name: string, document: string): void => {
  store.stmt('INSERT OR REPLACE INTO iam_inline_policies (entity_id, name, document) VALUES (?, ?, ?)').run(entityId, name, document);
};

export const deleteInline = (store: Store, entityId: string, name: string): boolean =>
  store.stmt('DELETE FROM iam_inline_policies WHERE entity_id = ? AND name = ?').run(entityId, name).changes > 0;

export const policyOutput = (store: Store, accountId: string, p: ManagedPolicy) => ({
  PolicyName: p.name,
  PolicyId: p.id,
  Arn: p.arn,
  Path: p.path,
  DefaultVersionId: p.defaultVersion,
  AttachmentCount: attachmentCount(store, accountId, p.arn),
  PermissionsBoundaryUsageCount: 0,
  IsAttachable: true,
  Description: p.description,
  CreateDate: new Date(p.createdAt),
  UpdateDate: new Date(p.updatedAt),
});
