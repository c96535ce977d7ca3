/** RDS's errors, one factory per AWS code, in RDS's wording (query protocol: Sender faults). */
import { AwsError } from '../../protocol/errors';

export const invalidParameterValue = (message: string) => new AwsError('InvalidParameterValue', message, 400);
export const invalidParameterCombination = (message: string) => new AwsError('InvalidParameterCombination', message, 400);
export const dbInstanceNotFound = (id: string) => new AwsError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
export const dbInstanceAlreadyExists = () => new AwsError('DBInstanceAlreadyExists', 'DB instance already exists', 400);
export const invalidDBInstanceState = (message: string) => new AwsError('InvalidDBInstanceState', message, 400);
export const dbSubnetGroupNotFound = (name: string) => new AwsError('DBSubnetGroupNotFoundFault', `DB subnet group '${name}' does not exist.`, 404);
export const dbSubnetGroupAlreadyExists = (name: string) => new AwsError('DBSubnetGroupAlreadyExists', `The DB subnet group '${name}' already exists.`, 400);
export const invalidDBSubnetGroupState = (message: string) => new AwsError('InvalidDBSubnetGroupStateFault', message, 400);
export const dbSubnetGroupDoesNotCoverEnoughAZs = () =>
  new AwsError('DBSubnetGroupDoesNotCoverEnoughAZs', "The DB subnet group doesn't meet Availability Zone (AZ) coverage requirement. Current AZ coverage: 1. Add subnets to cover at least 2 AZs.", 400);
export const invalidSubnet = (message: string) => new AwsError('InvalidSubnet', message, 400);
export const invalidVPCNetworkState = (message: string) => new AwsError('InvalidVPCNetworkStateFault', message, 400);
export const dbSnapshotNotFound = (id: string) => new AwsError('DBSnapshotNotFound', `DBSnapshot not found: ${id}`, 404);
export const dbSnapshotAlreadyExists = (id: string) => new AwsError('DBSnapshotAlreadyExists', `Cannot create the snapshot because a snapshot with the identifier ${id} already exists.`, 400);
export const invalidDBSnapshotState = (message: string) => new AwsError('InvalidDBSnapshotState', message, 400);
export const storageQuotaExceeded = (message: string) => new AwsError('StorageQuotaExceeded', message, 400);
export const notImplementedHere = (what: string) => new AwsError('InvalidParameterCombination', `${what} is not simulated in Nimbus Lab yet.`, 400);
