/** What IAM checks for each RDS call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

const db = 'arn:${Partition}:rds:${Region}:${Account}:db:${DBInstanceIdentifier}';
const snapshot = 'arn:${Partition}:rds:${Region}:${Account}:snapshot:${DBSnapshotIdentifier}';
const subgrp = 'arn:${Partition}:rds:${Region}:${Account}:subgrp:${DBSubnetGroupName}';

export const rdsIamTable: ServiceTable = {
  prefix: 'rds',
  starPrefixes: ['DescribeDBEngineVersions', 'DescribeOrderableDBInstanceOptions', 'DescribeAccountAttributes', 'DescribeEvents'],
  resources: {
    CreateDBInstance: [db],
    CreateDBSnapshot: [db, snapshot],
    DeleteDBInstance: [db],
    RestoreDBInstanceFromDBSnapshot: [db, snapshot],
    RestoreDBInstanceToPointInTime: ['arn:${Partition}:rds:${Region}:${Account}:db:${TargetDBInstanceIdentifier}'],
    CreateDBInstanceReadReplica: [db],
    CopyDBSnapshot: ['arn:${Partition}:rds:${Region}:${Account}:snapshot:${TargetDBSnapshotIdentifier}'],
    DescribeDBSnapshots: [],
  },
  members: {
    DBInstanceIdentifier: db,
    DBSnapshotIdentifier: snapshot,
    DBSubnetGroupName: subgrp,
    DBParameterGroupName: 'arn:${Partition}:rds:${Region}:${Account}:pg:${DBParameterGroupName}',
  },
};
