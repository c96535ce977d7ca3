/** Published versions: immutable copies of $LATEST's configuration and package, numbered per function. */
import { scoped } from '../../../core/scoped';
import type { Ctx } from '../../../core/provider';
import { getFunctionRow, lambdaTime, newRevision, resolveVersion, type FunctionVersion } from './functions';

type Scope = Pick<Ctx, 'store' | 'accountId' | 'region' | 'clock'>;

/** Publishes $LATEST, unless its code and configuration equal the newest version (AWS then answers that one). */
export function publishVersion(s: Scope, name: string, description?: string): FunctionVersion {
  const row = getFunctionRow(s, name);
  if (row.last_version > 0) {
    const last = resolveVersion(s, name, String(row.last_version));
    if (last.codeSha === row.code_sha && JSON.stringify(last.config) === JSON.stringify({ ...JSON.parse(row.config), ...(description !== undefined ? { Description: description } : {}) })) return last;
  }
  const version = row.last_version + 1;
  const config = { ...JSON.parse(row.config), ...(description !== undefined ? { Description: description } : {}) };
  scoped(s).insert('lambda_versions', {
    name,
    version: String(version),
    config: JSON.stringify(config),
    code: row.code,
    code_sha: row.code_sha,
    code_size: row.code_size,
    revision_id: newRevision(),
    last_modified: lambdaTime(s.clock.now()),
  });
  scoped(s).run('UPDATE lambda_functions SET last_version = ? WHERE name = ?', version, name);
  return resolveVersion(s, name, String(version));
}

export function listVersions(s: Scope, name: string): FunctionVersion[] {
  const rows = scoped(s).all<{ version: string }>('SELECT version FROM lambda_versions WHERE name = ? ORDER BY CAST(version AS INTEGER)', name);
  return [resolveVersion(s, name), ...rows.map((r) => resolveVersion(s, name, r.version))];
}
