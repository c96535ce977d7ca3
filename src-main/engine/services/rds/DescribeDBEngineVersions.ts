import type { Ctx } from '../../core/provider';
import { ENGINES, engineFamily } from './engines';
import { familyOf } from './parameters';
import type { RdsInput, RdsOutput } from './types';

/** The engine versions a DB instance may ask for (recorded as asked; mysql and mariadb run MariaDB, postgres runs PGlite's PostgreSQL). */
export function DescribeDBEngineVersions(_ctx: Ctx, input: RdsInput<'DescribeDBEngineVersions'>): RdsOutput<'DescribeDBEngineVersions'> {
  const engines = input.Engine ? ENGINES.filter((e) => e === input.Engine!.toLowerCase()) : [...ENGINES];
  const out = engines.flatMap((engine) => {
    const f = engineFamily(engine)!;
    let versions = [...f.versions];
    if (input.EngineVersion) versions = versions.filter((v) => v === input.EngineVersion || v.startsWith(`${input.EngineVersion}.`));
    if (input.DefaultOnly) versions = versions.filter((v) => v === f.defaultVersion);
    return versions
      .map((v) => ({
        Engine: engine,
        EngineVersion: v,
        DBParameterGroupFamily: familyOf(engine, v),
        DBEngineDescription: engine === 'postgres' ? 'PostgreSQL' : engine === 'mariadb' ? 'MariaDb Community Edition' : 'MySQL Community Edition',
        DBEngineVersionDescription: `${engine === 'postgres' ? 'PostgreSQL' : engine === 'mariadb' ? 'MariaDB' : 'MySQL'} ${v}`,
        SupportsReadReplica: true,
        SupportsLogExportsToCloudwatchLogs: false,
        Status: 'available',
        ValidUpgradeTarget: [],
      }))
      .filter((v) => !input.DBParameterGroupFamily || v.DBParameterGroupFamily === input.DBParameterGroupFamily);
  });
  return { DBEngineVersions: out };
}
