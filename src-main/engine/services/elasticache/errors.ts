/** ElastiCache's errors, with AWS's codes (the query protocol's `Code`) and wording. */
import { AwsError } from '../../protocol/errors';

export const clusterNotFound = (id: string) => new AwsError('CacheClusterNotFound', `CacheCluster not found: ${id}`, 404);
export const clusterExists = () => new AwsError('CacheClusterAlreadyExists', 'Cache cluster already exists', 400);
export const invalidClusterState = (id: string, status: string) =>
  new AwsError('InvalidCacheClusterState', `Cache cluster ${id} is not in available state (it is ${status}).`, 400);
export const subnetGroupNotFound = (name: string) => new AwsError('CacheSubnetGroupNotFoundFault', `Cache subnet group ${name} does not exist.`, 400);
export const subnetGroupExists = (name: string) => new AwsError('CacheSubnetGroupAlreadyExists', `Cache subnet group ${name} already exists.`, 400);
export const subnetGroupInUse = (name: string) => new AwsError('CacheSubnetGroupInUse', `Cache subnet group ${name} is currently in use by a cache cluster.`, 400);
export const invalidSubnet = (message: string) => new AwsError('InvalidSubnet', message, 400);
export const invalidParameterValue = (message: string) => new AwsError('InvalidParameterValue', message, 400);
export const invalidParameterCombination = (message: string) => new AwsError('InvalidParameterCombination', message, 400);
export const snapshotNotFound = (name: string) => new AwsError('SnapshotNotFoundFault', `Snapshot ${name} not found.`, 404);
export const snapshotExists = (name: string) => new AwsError('SnapshotAlreadyExistsFault', `Snapshot ${name} already exists.`, 400);
export const invalidVpcNetworkState = (message: string) => new AwsError('InvalidVPCNetworkStateFault', message, 400);
