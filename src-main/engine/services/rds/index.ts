/**
 * The RDS provider: DB instances running real engines (MariaDB for mysql/mariadb, PostgreSQL via
 * PGlite) in child processes under the supervisor, reachable through the virtual network at their
 * endpoint; subnet groups; snapshots that copy the engine's folder.
 */
import { defineService } from '../../core/provider';
import { rdsResourceProviders } from './cloudformation';
import { rdsNetwork } from './network';
import { rdsIamTable } from './iam-table';
import { rdsInventory } from './inventory';
import { armBackups } from './backups';
import { resume } from './lifecycle';
import { rdsMetrics } from './metrics';
import { rdsMigrations } from './migrations';
import { createRuntime, defineEngine } from './runtime';
import type { InstanceRow } from './state/instances';
import { CreateDBInstance } from './CreateDBInstance';
import { CopyDBSnapshot } from './CopyDBSnapshot';
import { CreateDBParameterGroup } from './CreateDBParameterGroup';
import { DeleteDBParameterGroup } from './DeleteDBParameterGroup';
import { DescribeDBParameterGroups } from './DescribeDBParameterGroups';
import { DescribeDBParameters } from './DescribeDBParameters';
import { ModifyDBParameterGroup } from './ModifyDBParameterGroup';
import { CreateDBInstanceReadReplica } from './CreateDBInstanceReadReplica';
import { DescribeDBEngineVersions } from './DescribeDBEngineVersions';
import { DescribeEvents } from './DescribeEvents';
import { DescribeOrderableDBInstanceOptions } from './DescribeOrderableDBInstanceOptions';
import { PromoteReadReplica } from './PromoteReadReplica';
import { RestoreDBInstanceToPointInTime } from './RestoreDBInstanceToPointInTime';
import { CreateDBSnapshot } from './CreateDBSnapshot';
import { CreateDBSubnetGroup } from './CreateDBSubnetGroup';
import { DeleteDBInstance } from './DeleteDBInstance';
import { DeleteDBSnapshot } from './DeleteDBSnapshot';
import { DeleteDBSubnetGroup } from './DeleteDBSubnetGroup';
import { DescribeDBInstances } from './DescribeDBInstances';
import { DescribeDBSnapshots } from './DescribeDBSnapshots';
import { DescribeDBSubnetGroups } from './DescribeDBSubnetGroups';
import { ModifyDBInstance } from './ModifyDBInstance';
import { RebootDBInstance } from './RebootDBInstance';
import { RestoreDBInstanceFromDBSnapshot } from './RestoreDBInstanceFromDBSnapshot';
import { StartDBInstance } from './StartDBInstance';
import { StopDBInstance } from './StopDBInstance';

export const rdsProvider = defineService({
  service: 'rds',
  migrations: rdsMigrations,
  handlers: {
    CopyDBSnapshot,
    CreateDBInstance,
    CreateDBParameterGroup,
    DeleteDBParameterGroup,
    DescribeDBParameterGroups,
    DescribeDBParameters,
    ModifyDBParameterGroup,
    CreateDBInstanceReadReplica,
    DescribeDBEngineVersions,
    DescribeEvents,
    DescribeOrderableDBInstanceOptions,
    PromoteReadReplica,
    RestoreDBInstanceToPointInTime,
    CreateDBSnapshot,
    CreateDBSubnetGroup,
    DeleteDBInstance,
    DeleteDBSnapshot,
    DeleteDBSubnetGroup,
    DescribeDBInstances,
    DescribeDBSnapshots,
    DescribeDBSubnetGroups,
    ModifyDBInstance,
    RebootDBInstance,
    RestoreDBInstanceFromDBSnapshot,
    StartDBInstance,
    StopDBInstance,
  },
  start(engine) {
    const rt = createRuntime(engine);
    // Engines start lazily (first connection) or when an instance becomes available; none at lab start.
    for (const row of engine.store.stmt('SELECT * FROM rds_instances').all() as InstanceRow[]) defineEngine(rt, row);
    resume(rt);
    armBackups(rt);
  },
  iam: rdsIamTable,
  cloudformation: rdsResourceProviders,
  inventory: rdsInventory,
  network: rdsNetwork,
  metrics: rdsMetrics,
});

export { tunnelTo } from './network';
