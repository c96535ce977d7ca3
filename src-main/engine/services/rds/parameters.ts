/**
 * DB parameter groups' parameters: a small catalogue per engine family (the ones the book and the
 * console touch), with AWS's apply types. `max_connections` is really applied by the engines'
 * fronts (MySQL's "Too many connections", PostgreSQL's "sorry, too many clients already"); the
 * others are recorded and shown.
 */
export interface ParameterSpec {
  name: string;
  value: string | undefined;
  description: string;
  applyType: 'dynamic' | 'static';
  dataType: 'integer' | 'string' | 'boolean';
  allowed?: string;
}

const MYSQL: ParameterSpec[] = [
  { name: 'max_connections', value: '{DBInstanceClassMemory/12582880}', description: 'The number of simultaneous client connections allowed.', applyType: 'dynamic', dataType: 'integer', allowed: '1-100000' },
  { name: 'character_set_server', value: undefined, description: 'The server default character set.', applyType: 'dynamic', dataType: 'string', allowed: 'big5,latin1,utf8,utf8mb4' },
  { name: 'time_zone', value: undefined, description: 'The server time zone.', applyType: 'dynamic', dataType: 'string' },
  { name: 'slow_query_log', value: undefined, description: 'Whether the slow query log is enabled.', applyType: 'dynamic', dataType: 'boolean', allowed: '0,1' },
  { name: 'long_query_time', value: undefined, description: 'Queries taking longer than this many seconds are slow.', applyType: 'dynamic', dataType: 'integer', allowed: '0-31536000' },
  { name: 'innodb_buffer_pool_size', value: '{DBInstanceClassMemory*3/4}', description: 'The size of the InnoDB buffer pool.', applyType: 'static', dataType: 'integer' },
];
const POSTGRES: ParameterSpec[] = [
  { name: 'max_connections', value: 'LEAST({DBInstanceClassMemory/9531392},5000)', description: 'Sets the maximum number of concurrent connections.', applyType: 'static', dataType: 'integer', allowed: '6-262143' },
  { name: 'work_mem', value: undefined, description: 'Sets the maximum memory to be used for query workspaces.', applyType: 'dynamic', dataType: 'integer', allowed: '64-2147483647' },
  { name: 'log_statement', value: undefined, description: 'Sets the type of statements logged.', applyType: 'dynamic', dataType: 'string', allowed: 'none,ddl,mod,all' },
  { name: 'timezone', value: 'UTC', description: 'Sets the time zone for displaying and interpreting time stamps.', applyType: 'dynamic', dataType: 'string' },
  { name: 'shared_buffers', value: '{DBInstanceClassMemory/32768}', description: 'Sets the number of shared memory buffers used by the server.', applyType: 'static', dataType: 'integer' },
];

export const FAMILIES: Record<string, readonly string[]> = {
  mysql: ['mysql5.7', 'mysql8.0', 'mysql8.4'],
  mariadb: ['mariadb10.6', 'mariadb10.11', 'mariadb11.4'],
  postgres: ['postgres13', 'postgres14', 'postgres15', 'postgres16', 'postgres17'],
};

export const knownFamily = (family: string): boolean => Object.values(FAMILIES).some((f) => f.includes(family));
export const catalogue = (family: string): ParameterSpec[] => (family.startsWith('postgres') ? POSTGRES : MYSQL);

/** `default.mysql8.0` for an instance of mysql 8.0.39. */
export function familyOf(engine: string, version: string): string {
  if (engine === 'postgres') return `postgres${version.split('.')[0]}`;
  return `${engine}${version.split('.').slice(0, 2).join('.')}`;
}

export const defaultGroupName = (family: string): string => `default.${family}`;
