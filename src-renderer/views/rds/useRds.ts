/**
 * The RDS pages' calls: every one is an AWS operation through the contract (useAws), so a click
 * shows up in the event history like a CLI call. Loading and polling helpers are CloudFormation's.
 */
import type { JsonObject } from '../../../src-main/contract';
import { useAws } from '../../composables/useAws';

export { poll, when, whenOpen } from '../cloudformation/useCloudFormation';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Db = Record<string, any>;

export function useRds() {
  const aws = useAws();
  const rds = <T = Db>(operation: string, input: object = {}) => aws.call('rds', operation, input as JsonObject) as Promise<T>;
  return { ...aws, rds };
}

/** Statuses that change by themselves: pages poll while one shows. */
export const BUSY = new Set(['creating', 'deleting', 'modifying', 'rebooting', 'starting', 'stopping', 'backing-up', 'resetting-master-credentials', 'upgrading']);

export const ENGINES = [
  { value: 'mysql', label: 'MySQL', port: 3306, family: 'mysql8.0' },
  { value: 'mariadb', label: 'MariaDB', port: 3306, family: 'mariadb10.11' },
  { value: 'postgres', label: 'PostgreSQL', port: 5432, family: 'postgres16' },
];

export const CLASSES = ['db.t3.micro', 'db.t3.small', 'db.t3.medium', 'db.t3.large', 'db.t4g.micro', 'db.t2.micro', 'db.m5.large', 'db.r5.large'];

export const dbLink = (id: string) => `#/rds/databases/${encodeURIComponent(id)}`;
export const role = (d: Db) => (d.ReadReplicaSourceDBInstanceIdentifier ? 'Replica' : d.ReadReplicaDBInstanceIdentifiers?.length ? 'Primary' : 'Instance');
