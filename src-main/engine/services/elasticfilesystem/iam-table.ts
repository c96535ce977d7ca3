/** What IAM checks for each EFS call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

const ARN = 'arn:${Partition}:elasticfilesystem:${Region}:${Account}:';

export const efsIamTable: ServiceTable = {
  prefix: 'elasticfilesystem',
  // The NFS client's own actions (checked by AWS when a file system policy or IAM mount is used).
  extraActions: ['ClientMount', 'ClientWrite', 'ClientRootAccess', 'Backup', 'Restore'],
  resources: {
    CreateFileSystem: [`${ARN}file-system/*`],
  },
  members: {
    FileSystemId: `${ARN}file-system/\${FileSystemId}`,
    AccessPointId: `${ARN}access-point/\${AccessPointId}`,
  },
};
