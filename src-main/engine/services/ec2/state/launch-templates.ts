/**
 * Launch templates: a named, versioned set of RunInstances parameters. Versions are numbered from 1;
 * `$Latest` and `$Default` name the newest and the default one. A version's data is kept exactly as
 * sent (RequestLaunchTemplateData has the same member names as the response's LaunchTemplateData).
 */
import type { Ctx } from '../../../core/provider';
import { ec2Id, isWellFormedId } from '../ids';
import {
  bothTemplateReferences,
  launchTemplateIdMalformed,
  launchTemplateIdNotFound,
  launchTemplateNameNotFound,
  launchTemplateVersionMalformed,
  launchTemplateVersionNotFound,
  missingTemplateReference,
} from '../launch-template-errors';
import { registerTaggable, tagsOf } from './tags';

export interface LaunchTemplateRow {
  id: number;
  account_id: string;
  region: string;
  template_id: string;
  name: string;
  default_version: number;
  latest_version: number;
  created_by: string;
  created_at: number;
}

export interface LaunchTemplateVersionRow {
  template_id: string;
  version: number;
  description: string | null;
  data: string;
  created_by: string;
  created_at: number;
}

export type LaunchTemplateData = Record<string, unknown>;

registerTaggable({
  prefix: 'lt',
  resourceType: 'launch-template',
  exists: (ctx, id) => findTemplateById(ctx, id) !== undefined,
  notFound: (id) => launchTemplateIdNotFound(id),
});

export const listTemplates = (ctx: Ctx): LaunchTemplateRow[] =>
  ctx.store.stmt('SELECT * FROM ec2_launch_templates WHERE account_id = ? AND region = ? ORDER BY id').all(ctx.accountId, ctx.region) as LaunchTemplateRow[];

export const findTemplateById = (ctx: Ctx, id: string): LaunchTemplateRow | undefined =>
  ctx.store.stmt('SELECT * FROM ec2_launch_templates WHERE account_id = ? AND region = ? AND template_id = ?').get(ctx.accountId, ctx.region, id) as LaunchTemplateRow | undefined;

export const findTemplateByName = (ctx: Ctx, name: string): LaunchTemplateRow | undefined =>
  ctx.store.stmt('SELECT * FROM ec2_launch_templates WHERE account_id = ? AND region = ? AND name = ?').get(ctx.accountId, ctx.region, name) as LaunchTemplateRow | undefined;

/** The template named by exactly one of LaunchTemplateId / LaunchTemplateName. */
export function getTemplate(ctx: Ctx, ref: { LaunchTemplateId?: string; LaunchTemplateName?: string }): LaunchTemplateRow {
  if (ref.LaunchTemplateId && ref.LaunchTemplateName) throw bothTemplateReferences();
  if (ref.LaunchTemplateId) {
    if (!isWellFormedId('lt', ref.LaunchTemplateId)) throw launchTemplateIdMalformed(ref.LaunchTemplateId);
    const t = findTemplateById(ctx, ref.LaunchTemplateId);
    if (!t) throw launchTemplateIdNotFound(ref.LaunchTemplateId);
    return t;
  }
  if (ref.LaunchTemplateName) {
    const t = findTemplateByName(ctx, ref.LaunchTemplateName);
    if (!t) throw launchTemplateNameNotFound(ref.LaunchTemplateName);
    return t;
  }
  throw missingTemplateReference();
}

export const versionsOf = (ctx: Ctx, templateId: string): LaunchTemplateVersionRow[] =>
  ctx.store.stmt('SELECT * FROM ec2_launch_template_versions WHERE template_id = ? ORDER BY version').all(templateId) as LaunchTemplateVersionRow[];

/** `$Latest`, `$Default` or a number → the version number (not checked for existence). */
export function versionNumber(t: LaunchTemplateRow, version: string | undefined): number {
  if (version === undefined || version === '$Default') return t.default_version;
  if (version === '$Latest') return t.latest_version;
  if (!/^[1-9][0-9]*$/.test(version)) throw launchTemplateVersionMalformed(version);
  return Number(version);
}

export function getVersion(ctx: Ctx, t: LaunchTemplateRow, version: string | undefined): LaunchTemplateVersionRow {
  const n = versionNumber(t, version);
  const row = ctx.store.stmt('SELECT * FROM ec2_launch_template_versions WHERE template_id = ? AND version = ?').get(t.template_id, n) as LaunchTemplateVersionRow | undefined;
  if (!row) throw launchTemplateVersionNotFound(t.template_id, version ?? String(n));
  return row;
}

export function insertTemplate(ctx: Ctx, name: string): LaunchTemplateRow {
  const id = ec2Id('lt');
  ctx.store
    .stmt('INSERT INTO ec2_launch_templates (account_id, region, template_id, name, default_version, latest_version, created_by, created_at) VALUES (?, ?, ?, ?, 1, 0, ?, ?)')
    .run(ctx.accountId, ctx.region, id, name, ctx.principal.arn, ctx.clock.now());
  return findTemplateById(ctx, id)!;
}

export function insertVersion(ctx: Ctx, t: LaunchTemplateRow, data: LaunchTemplateData, description: string | undefined): LaunchTemplateVersionRow {
  const n = t.latest_version + 1;
  ctx.store
    .stmt('INSERT INTO ec2_launch_template_versions (template_id, version, description, data, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(t.template_id, n, description ?? null, JSON.stringify(data), ctx.principal.arn, ctx.clock.now());
  ctx.store.stmt('UPDATE ec2_launch_templates SET latest_version = ? WHERE template_id = ?').run(n, t.template_id);
  return { template_id: t.template_id, version: n, description: description ?? null, data: JSON.stringify(data), created_by: ctx.principal.arn, created_at: ctx.clock.now() };
}

export function templateOutput(ctx: Ctx, t: LaunchTemplateRow) {
  const tags = tagsOf(ctx, t.template_id);
  return {
    LaunchTemplateId: t.template_id,
    LaunchTemplateName: t.name,
    CreateTime: new Date(t.created_at),
    CreatedBy: t.created_by,
    DefaultVersionNumber: t.default_version,
    LatestVersionNumber: t.latest_version,
    ...(tags.length ? { Tags: tags } : {}),
  };
}

export function versionOutput(t: LaunchTemplateRow, v: LaunchTemplateVersionRow) {
  return {
    LaunchTemplateId: t.template_id,
    LaunchTemplateName: t.name,
    VersionNumber: v.version,
    ...(v.description !== null ? { VersionDescription: v.description } : {}),
    CreateTime: new Date(v.created_at),
    CreatedBy: v.created_by,
    DefaultVersion: v.version === t.default_version,
    LaunchTemplateData: JSON.parse(v.data) as LaunchTemplateData,
  };
}

/**
 * A template version's data for Auto Scaling (it may not import this folder's state/): throws
 * EC2's error when the template or version does not exist.
 */
export function resolveLaunchTemplate(ctx: Ctx, ref: { LaunchTemplateId?: string; LaunchTemplateName?: string; Version?: string }) {
  const t = getTemplate(ctx, ref);
  const v = getVersion(ctx, t, ref.Version);
  return { LaunchTemplateId: t.template_id, LaunchTemplateName: t.name, VersionNumber: v.version, data: JSON.parse(v.data) as LaunchTemplateData };
}
