/**
 * The engines a DB instance can run and the program that runs each (a child process under the
 * supervisor). `mysql` and `mariadb` both run real MariaDB; EngineVersion is recorded as asked.
 */
import { programPath } from '../../supervisor';

export interface EngineFamily {
  family: 'mysql' | 'postgres';
  program: string;
  defaultPort: number;
  defaultVersion: string;
  versions: readonly string[];
  /** Resident memory the engine may take before the supervisor restarts it. */
  memoryMb: number;
}

const MYSQL_VERSIONS = ['5.7.44', '8.0.35', '8.0.36', '8.0.39', '8.0.40', '8.4.3'];
const MARIADB_VERSIONS = ['10.6.19', '10.11.9', '11.4.3'];
const POSTGRES_VERSIONS = ['13.16', '14.13', '15.8', '16.4', '17.2'];

export function engineFamily(engine: string): EngineFamily | undefined {
  switch (engine) {
    case 'mysql':
    case 'mariadb':
      return {
        family: 'mysql',
        program: programPath('services/rds/engines/mariadb.mjs'),
        defaultPort: 3306,
        defaultVersion: engine === 'mysql' ? '8.0.39' : '10.11.9',
        versions: engine === 'mysql' ? MYSQL_VERSIONS : MARIADB_VERSIONS,
        memoryMb: 1536,
      };
    case 'postgres':
      return {
        family: 'postgres',
        program: programPath('services/rds/engines/postgres.mjs'),
        defaultPort: 5432,
        defaultVersion: '16.4',
        versions: POSTGRES_VERSIONS,
        memoryMb: 1024,
      };
    default:
      return undefined;
  }
}

export const ENGINES = ['mysql', 'mariadb', 'postgres'] as const;

/** Accepts a full version or a major one (`8.0`, `16`), as AWS does, and answers the version recorded. */
export function resolveVersion(f: EngineFamily, asked: string | undefined): string | undefined {
  if (!asked) return f.defaultVersion;
  if (f.versions.includes(asked)) return asked;
  return [...f.versions].reverse().find((v) => v.startsWith(`${asked}.`));
}
