/** EFS's errors (rest-json: the code in x-amzn-errortype, `ErrorCode` and `Message` in the body), in AWS's wording. */
import { AwsError } from '../../protocol/errors';

const efs = (code: string, message: string, status: number, extra: Record<string, string> = {}) =>
  new AwsError(code, message, status, { extra: { ErrorCode: code, Message: message, ...extra } });

export const badRequest = (message: string) => efs('BadRequest', message, 400);
export const validation = (message: string) => efs('ValidationException', message, 400);
export const fileSystemNotFound = (id: string) => efs('FileSystemNotFound', `File system '${id}' does not exist.`, 404);
export const fileSystemAlreadyExists = (id: string) =>
  efs('FileSystemAlreadyExists', `File system '${id}' already exists with creation token '${id}'`, 409, { FileSystemId: id });
export const fileSystemExistsForToken = (token: string, id: string) =>
  efs('FileSystemAlreadyExists', `File system '${id}' already exists with creation token '${token}'`, 409, { FileSystemId: id });
export const fileSystemInUse = (id: string) => efs('FileSystemInUse', `File system '${id}' is in use. Delete its mount targets first.`, 409);
export const incorrectFileSystemState = (id: string, state: string) =>
  efs('IncorrectFileSystemLifeCycleState', `File system '${id}' is in the '${state}' state; it must be available.`, 409);
export const mountTargetNotFound = (id: string) => efs('MountTargetNotFound', `Mount target '${id}' does not exist.`, 404);
export const mountTargetConflict = (az: string) =>
  efs('MountTargetConflict', `A mount target already exists in this AZ (${az}) for this file system.`, 409);
export const incorrectMountTargetState = (id: string, state: string) =>
  efs('IncorrectMountTargetState', `Mount target '${id}' is in the '${state}' state; it must be available.`, 409);
export const subnetNotFound = (id: string) => efs('SubnetNotFound', `The subnet ID '${id}' does not exist`, 400);
export const securityGroupNotFound = (id: string) => efs('SecurityGroupNotFound', `The security group '${id}' does not exist`, 400);
export const securityGroupLimit = () => efs('SecurityGroupLimitExceeded', 'A mount target can have at most 5 security groups.', 400);
export const ipAddressInUse = (ip: string) => efs('IpAddressInUse', `The address ${ip} is already in use in the subnet.`, 409);
export const noFreeAddresses = () => efs('NoFreeAddressesInSubnet', 'The subnet has no free IP addresses.', 409);
export const accessPointNotFound = (id: string) => efs('AccessPointNotFound', `Access point '${id}' does not exist.`, 404);
export const accessPointExists = (id: string) => efs('AccessPointAlreadyExists', `Access point '${id}' already exists with this client token.`, 409, { AccessPointId: id });
export const policyNotFound = (id: string) => efs('PolicyNotFound', `File system '${id}' does not have a file system policy.`, 404);
export const backupPolicyNotFound = (id: string) => efs('PolicyNotFound', `File system '${id}' does not have a backup policy.`, 404);
export const invalidPolicy = (message: string) => efs('InvalidPolicyException', message, 400);
export const tooManyRequests = (id: string) =>
  efs('TooManyRequests', `You can decrease the throughput of file system '${id}' or change its throughput mode only once every 24 hours.`, 429);
export const throughputLimit = (message: string) => efs('ThroughputLimitExceeded', message, 400);
