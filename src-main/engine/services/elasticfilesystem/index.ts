/**
 * Amazon EFS: file systems whose files are shared rows in the lab's SQLite, mounted live by every
 * guest that reaches one of its mount targets (network interfaces in the learner's subnets) on
 * tcp/2049; throughput follows EFS's bursting model on the simulated clock (§10.5–§10.6).
 */
import { defineService } from '../../core/provider';
import { efsCloudFormation } from './cloudformation';
import { efsIamTable } from './iam-table';
import { efsInventory } from './inventory';
import { efsMetrics } from './metrics';
import { efsMigrations } from './migrations';
import { efsNetwork } from './network';
import { startEfs } from './runtime';
import { CreateAccessPoint } from './CreateAccessPoint';
import { CreateFileSystem } from './CreateFileSystem';
import { CreateMountTarget } from './CreateMountTarget';
import { DeleteAccessPoint } from './DeleteAccessPoint';
import { DeleteFileSystem } from './DeleteFileSystem';
import { DeleteMountTarget } from './DeleteMountTarget';
import { DescribeAccessPoints } from './DescribeAccessPoints';
import { DescribeFileSystems } from './DescribeFileSystems';
import { DescribeMountTargetSecurityGroups } from './DescribeMountTargetSecurityGroups';
import { DescribeMountTargets } from './DescribeMountTargets';
import { ModifyMountTargetSecurityGroups } from './ModifyMountTargetSecurityGroups';
import { UpdateFileSystem } from './UpdateFileSystem';
import { DescribeBackupPolicy, PutBackupPolicy } from './backup-policy';
import { DeleteFileSystemPolicy, DescribeFileSystemPolicy, PutFileSystemPolicy } from './file-system-policy';
import { DescribeLifecycleConfiguration, PutLifecycleConfiguration } from './lifecycle-configuration';
import { CreateTags, DeleteTags, DescribeTags, ListTagsForResource, TagResource, UntagResource } from './tags';

export { nfsExport } from './nfs';

export const efsProvider = defineService({
  service: 'elasticfilesystem',
  migrations: efsMigrations,
  handlers: {
    CreateAccessPoint,
    CreateFileSystem,
    CreateMountTarget,
    CreateTags,
    DeleteAccessPoint,
    DeleteFileSystem,
    DeleteFileSystemPolicy,
    DeleteMountTarget,
    DeleteTags,
    DescribeAccessPoints,
    DescribeBackupPolicy,
    DescribeFileSystemPolicy,
    DescribeFileSystems,
    DescribeLifecycleConfiguration,
    DescribeMountTargetSecurityGroups,
    DescribeMountTargets,
    DescribeTags,
    ListTagsForResource,
    ModifyMountTargetSecurityGroups,
    PutBackupPolicy,
    PutFileSystemPolicy,
    PutLifecycleConfiguration,
    TagResource,
    UntagResource,
    UpdateFileSystem,
  },
  start: startEfs,
  iam: efsIamTable,
  cloudformation: efsCloudFormation,
  inventory: efsInventory,
  metrics: efsMetrics,
  network: efsNetwork,
});
