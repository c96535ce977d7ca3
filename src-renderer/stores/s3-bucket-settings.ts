/**
 * A bucket's settings as the Properties, Permissions and Management tabs show them: versioning,
 * website hosting, Block Public Access, the bucket ACL, lifecycle rules (§8.4), object versions and
 * restores from Glacier. Every change is one S3 call, reported in the flashbar.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { JsonObject } from '../../src-main/contract';
import { ContractRequestError } from '../contract-client';
import { useAws } from '../composables/useAws';
import { at, list, num, text, type Row } from '../aws/json';

export interface LifecycleRuleView {
  id: string;
  status: string;
  prefix: string;
  transition?: { storageClass: string; days: number };
  expirationDays?: number;
  raw: Row;
}

export interface VersionView {
  key: string;
  versionId: string;
  latest: boolean;
  deleteMarker: boolean;
  size?: number;
  lastModified: string;
  storageClass?: string;
}

export const PAB_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;
export type PabFlag = (typeof PAB_FLAGS)[number];

export function toRuleView(r: Row): LifecycleRuleView {
  const t = list(r, 'Transitions')[0];
  const days = num(r, 'Expiration.Days');
  return {
    id: text(r, 'ID'),
    status: text(r, 'Status'),
    prefix: text(r, 'Filter.Prefix') || text(r, 'Prefix'),
    ...(t ? { transition: { storageClass: text(t, 'StorageClass'), days: num(t, 'Days') ?? 0 } } : {}),
    ...(days !== undefined ? { expirationDays: days } : {}),
    raw: r,
  };
}

export function toVersions(out: Row): VersionView[] {
  const versions = list(out, 'Versions').map((v) => ({
    key: text(v, 'Key'),
    versionId: text(v, 'VersionId'),
    latest: at(v, 'IsLatest') === true,
    deleteMarker: false,
    size: num(v, 'Size'),
    lastModified: text(v, 'LastModified'),
    storageClass: text(v, 'StorageClass'),
  }));
  const markers = list(out, 'DeleteMarkers').map((v) => ({
    key: text(v, 'Key'),
    versionId: text(v, 'VersionId'),
    latest: at(v, 'IsLatest') === true,
    deleteMarker: true,
    lastModified: text(v, 'LastModified'),
  }));
  // Keys in order; within a key the current one first, then newest first (S3's order).
  return [...versions, ...markers].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : Number(b.latest) - Number(a.latest) || b.lastModified.localeCompare(a.lastModified)));
}

const code = (e: unknown) => (e instanceof ContractRequestError ? e.code : '');

export const useS3BucketSettingsStore = defineStore('s3-bucket-settings', () => {
  const { call, attempt } = useAws();
  const bucket = ref('');
  const versioning = ref<string>();
  const website = ref<{ index: string; error: string } | null>();
  const publicAccess = ref<Record<PabFlag, boolean>>();
  const aclPublic = ref<boolean>();
  const rules = ref<LifecycleRuleView[]>([]);
  const versions = ref<VersionView[]>([]);

  async function optionalGet(op: string, missing: string): Promise<Row | undefined> {
    try {
      return await call('s3', op, { Bucket: bucket.value });
    } catch (e) {
      if (code(e) === missing) return undefined;
      throw e;
    }
  }

  async function load(name: string): Promise<void> {
    bucket.value = name;
    await attempt('Could not read the bucket settings', async () => {
      versioning.value = text(await call('s3', 'GetBucketVersioning', { Bucket: name }), 'Status') || 'Disabled';
      const w = await optionalGet('GetBucketWebsite', 'NoSuchWebsiteConfiguration');
      website.value = w ? { index: text(w, 'IndexDocument.Suffix'), error: text(w, 'ErrorDocument.Key') } : null;
      const pab = await optionalGet('GetPublicAccessBlock', 'NoSuchPublicAccessBlockConfiguration');
      publicAccess.value = Object.fromEntries(PAB_FLAGS.map((f) => [f, at(pab, `PublicAccessBlockConfiguration.${f}`) === true])) as Record<PabFlag, boolean>;
      const acl = await call('s3', 'GetBucketAcl', { Bucket: name });
      aclPublic.value = list(acl, 'Grants').some((g) => text(g, 'Grantee.URI').endsWith('/AllUsers'));
      const lc = await optionalGet('GetBucketLifecycleConfiguration', 'NoSuchLifecycleConfiguration');
      rules.value = list(lc, 'Rules').map(toRuleView);
    });
  }

  async function setVersioning(on: boolean): Promise<void> {
    const Status = on ? 'Enabled' : 'Suspended';
    await attempt('Could not change versioning', () => call('s3', 'PutBucketVersioning', { Bucket: bucket.value, VersioningConfiguration: { Status } }), () => `Bucket versioning: ${Status}.`);
    await load(bucket.value);
  }

  async function setPublicAccess(flags: Record<PabFlag, boolean>): Promise<void> {
    await attempt('Could not save Block Public Access', () => call('s3', 'PutPublicAccessBlock', { Bucket: bucket.value, PublicAccessBlockConfiguration: flags }), () => 'Block Public Access settings saved.');
    await load(bucket.value);
  }

  async function putRules(next: Row[], done: string): Promise<boolean> {
    const ok = await attempt(
      'Could not save the lifecycle rules',
      () => (next.length ? call('s3', 'PutBucketLifecycleConfiguration', { Bucket: bucket.value, LifecycleConfiguration: { Rules: next } }) : call('s3', 'DeleteBucketLifecycle', { Bucket: bucket.value })),
      () => done,
    );
    await load(bucket.value);
    return ok !== undefined;
  }

  /** §8.4's rule: a name, an optional prefix, a transition (class after days) and/or an expiration. */
  function addRule(r: { id: string; prefix: string; storageClass?: string; transitionDays?: number; expirationDays?: number }): Promise<boolean> {
    const rule: JsonObject = { ID: r.id, Status: 'Enabled', Filter: { Prefix: r.prefix } };
    if (r.storageClass) rule.Transitions = [{ StorageClass: r.storageClass, Days: r.transitionDays ?? 0 }];
    if (r.expirationDays !== undefined) rule.Expiration = { Days: r.expirationDays };
    return putRules([...rules.value.filter((x) => x.id !== r.id).map((x) => x.raw), rule], `Lifecycle rule "${r.id}" saved.`);
  }

  const deleteRule = (id: string) => putRules(rules.value.filter((x) => x.id !== id).map((x) => x.raw), `Lifecycle rule "${id}" deleted.`);

  async function loadVersions(prefix: string): Promise<void> {
    const out = await attempt('Could not list versions', () => call('s3', 'ListObjectVersions', { Bucket: bucket.value, Prefix: prefix }));
    versions.value = out ? toVersions(out) : [];
  }

  /** "Initiate restore" of an archived object (§8.4): days kept and retrieval tier. */
  async function restore(key: string, days: number, tier: string): Promise<boolean> {
    const ok = await attempt(
      `Could not restore ${key}`,
      () => call('s3', 'RestoreObject', { Bucket: bucket.value, Key: key, RestoreRequest: { Days: days, GlacierJobParameters: { Tier: tier } } }),
      () => `Restore of ${key} initiated (${tier}).`,
    );
    return ok !== undefined;
  }

  return { bucket, versioning, website, publicAccess, aclPublic, rules, versions, load, setVersioning, setPublicAccess, addRule, deleteRule, loadVersions, restore };
});
