/**
 * Functions as rows: lookup by any of the names AWS accepts (name, name:qualifier, partial or full
 * ARN), the FunctionConfiguration document the API answers, and the package's checks.
 */
import { createHash, randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { scoped } from '../../../core/scoped';
import type { Ctx } from '../../../core/provider';
import { functionNotFound, invalidParameter, notFound } from '../errors';

export interface FunctionConfig {
  Runtime?: string;
  Handler?: string;
  Role: string;
  Description: string;
  Timeout: number;
  MemorySize: number;
  Environment?: Record<string, string>;
  Architectures: string[];
  PackageType: string;
  EphemeralStorage: number;
}

export interface FunctionRow {
  account_id: string;
  region: string;
  name: string;
  arn: string;
  config: string;
  code: Buffer;
  code_sha: string;
  code_size: number;
  revision_id: string;
  last_modified: string;
  tags: string;
  policy: string;
  reserved: number | null;
  last_version: number;
}

/** One runnable snapshot: $LATEST or a published version. */
export interface FunctionVersion {
  name: string;
  arn: string;
  version: string;
  config: FunctionConfig;
  code: Buffer;
  codeSha: string;
  codeSize: number;
  revisionId: string;
  lastModified: string;
}

type Scope = Pick<Ctx, 'store' | 'accountId' | 'region'>;

export const RUNTIMES = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'python3.8', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'python3.6', 'python3.7', 'nodejs16.x', 'nodejs14.x'];
/** Runtimes AWS has retired for creation; the lab still runs them (the book's python3.6) on its own Python and Node. */
export const functionArn = (s: Scope, name: string) => `arn:aws:lambda:${s.region}:${s.accountId}:function:${name}`;

const NAME = /^[a-zA-Z0-9-_]{1,64}$/;
const ARN = /^(?:arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:|(\d{12}):function:)?([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9$_-]+))?$/;

/** The function name and qualifier in any of the forms the API takes. */
export function parseFunctionName(s: Scope, value: string, qualifier?: string): { name: string; qualifier?: string } {
  const m = ARN.exec(value);
  if (!m || (m[1] && m[1] !== s.region)) {
    throw invalidParameter(`1 validation error detected: Value '${value}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`);
  }
  const account = m[2] ?? m[3];
  if (account && account !== s.accountId) throw functionNotFound(`arn:aws:lambda:${s.region}:${account}:function:${m[4]}`);
  const q = m[5] ?? qualifier;
  if (m[5] && qualifier && m[5] !== qualifier) throw invalidParameter('The derived qualifier from the function name does not match the specified qualifier.');
  return q ? { name: m[4]!, qualifier: q } : { name: m[4]! };
}

export const checkName = (name: string) => {
  if (!NAME.test(name)) throw invalidParameter(`1 validation error detected: Value '${name}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`);
};

export function findFunction(s: Scope, name: string): FunctionRow | undefined {
  return scoped(s).get<FunctionRow>('SELECT * FROM lambda_functions WHERE name = ?', name);
}

export function getFunctionRow(s: Scope, name: string): FunctionRow {
  const row = findFunction(s, name);
  if (!row) throw functionNotFound(functionArn(s, name));
  return row;
}

const latestOf = (row: FunctionRow): FunctionVersion => ({
  name: row.name,
  arn: row.arn,
  version: '$LATEST',
  config: JSON.parse(row.config) as FunctionConfig,
  code: row.code,
  codeSha: row.code_sha,
  codeSize: row.code_size,
  revisionId: row.revision_id,
  lastModified: row.last_modified,
});

/** $LATEST, a published version or an alias's version. */
export function resolveVersion(s: Scope, name: string, qualifier?: string): FunctionVersion {
  const row = getFunctionRow(s, name);
  if (!qualifier || qualifier === '$LATEST') return latestOf(row);
  let version = qualifier;
  if (!/^\d+$/.test(qualifier)) {
    const alias = scoped(s).get<{ version: string }>('SELECT version FROM lambda_aliases WHERE name = ? AND alias = ?', name, qualifier);
    if (!alias) throw notFound(`Function not found: ${row.arn}:${qualifier}`);
    if (alias.version === '$LATEST') return latestOf(row);
    version = alias.version;
  }
  const v = scoped(s).get<{ config: string; code: Buffer; code_sha: string; code_size: number; revision_id: string; last_modified: string }>(
    'SELECT * FROM lambda_versions WHERE name = ? AND version = ?',
    name,
    version,
  );
  if (!v) throw notFound(`Function not found: ${row.arn}:${qualifier}`);
  return { name, arn: row.arn, version, config: JSON.parse(v.config) as FunctionConfig, code: v.code, codeSha: v.code_sha, codeSize: v.code_size, revisionId: v.revision_id, lastModified: v.last_modified };
}

/** AWS's timestamp form: 2026-12-07T23:40:00.000+0000. */
export const lambdaTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
export const newRevision = () => randomUUID();

/** A deployment package must be a zip archive; its hash is what CodeSha256 reports. */
export function checkPackage(zip: Buffer): { sha: string; size: number; files: string[] } {
  if (zip.length > 50 * 1024 * 1024) throw invalidParameter('Unzipped size must be smaller than 262144000 bytes');
  const files: string[] = [];
  try {
    // The filter sees every entry of the central directory; nothing is inflated here.
    unzipSync(new Uint8Array(zip), { filter: (f) => (files.push(f.name), false) });
  } catch {
    throw invalidParameter('Could not unzip uploaded file. Please check your file, then try to upload again.');
  }
  return { sha: createHash('sha256').update(zip).digest('base64'), size: zip.length, files };
}

/** The FunctionConfiguration document GetFunction, CreateFunction and friends answer. */
export function configurationOf(v: FunctionVersion, state: 'Active' | 'Pending' = 'Active'): Record<string, unknown> {
  const c = v.config;
  return {
    FunctionName: v.name,
    FunctionArn: v.version === '$LATEST' ? v.arn : `${v.arn}:${v.version}`,
    ...(c.Runtime ? { Runtime: c.Runtime } : {}),
    Role: c.Role,
    ...(c.Handler ? { Handler: c.Handler } : {}),
    CodeSize: v.codeSize,
    Description: c.Description,
    Timeout: c.Timeout,
    MemorySize: c.MemorySize,
    LastModified: v.lastModified,
    CodeSha256: v.codeSha,
    Version: v.version,
    ...(c.Environment ? { Environment: { Variables: c.Environment } } : {}),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: v.revisionId,
    State: state,
    LastUpdateStatus: 'Successful',
    PackageType: c.PackageType,
    Architectures: c.Architectures,
    EphemeralStorage: { Size: c.EphemeralStorage },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    RuntimeVersionConfig: { RuntimeVersionArn: `arn:aws:lambda:${v.arn.split(':')[3]}::runtime:nimbus-${c.Runtime ?? 'none'}` },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${v.name}` },
  };
}
