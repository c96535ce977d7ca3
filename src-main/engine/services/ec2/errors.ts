/**
 * EC2's errors, one factory per AWS code, in EC2's own wording. The ec2 protocol renders them as
 * `<Response><Errors><Error><Code>…</Code><Message>…</Message></Error></Errors><RequestID>…`.
 * Almost every EC2 client error is HTTP 400; DryRunOperation is 412.
 *
 * Shared by the network half (VPCs, subnets, groups, …) and the compute half (instances, AMIs, …):
 * re-read this file before adding a factory, and keep one factory per code.
 */
import { AwsError } from '../../protocol/errors';

const ec2Error = (code: string, message: string, status = 400): AwsError => new AwsError(code, message, status);

// Generic

export const dryRunOperation = () => ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);

export const invalidParameterValue = (message: string) => ec2Error('InvalidParameterValue', message);

export const invalidParameterCombination = (message: string) => ec2Error('InvalidParameterCombination', message);

export const invalidParameter = (message: string) => ec2Error('InvalidParameter', message);

export const missingParameter = (name: string) => ec2Error('MissingParameter', `The request must contain the parameter ${name}`);

export const invalidFilter = (name: string) => invalidParameterValue(`The filter '${name}' is invalid`);

export const invalidNextToken = (token: string) => ec2Error('InvalidNextToken', `The token '${token}' is invalid.`);

export const invalidMaxResults = (value: number, min: number, max: number) =>
  invalidParameterValue(
    value < min
      ? `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value greater than ${min}.`
      : `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value less than ${max}.`,
  );

export const maxResultsWithIds = (idsParam: string) =>
  invalidParameterCombination(`The parameter ${idsParam} cannot be used with the parameter maxResults`);

export const unsupportedOperation = (message: string) => ec2Error('UnsupportedOperation', message);

export const operationNotPermitted = (message: string) => ec2Error('OperationNotPermitted', message);

export const dependencyViolation = (message: string) => ec2Error('DependencyViolation', message);

export const resourceLimitExceeded = (message: string) => ec2Error('ResourceLimitExceeded', message);

export const invalidId = (id: string) => ec2Error('InvalidID', `The ID '${id}' is not valid`);

// Tags

export const tagLimitExceeded = () =>
  ec2Error('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');

export const invalidTagKeyReserved = () =>
  invalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");

export const invalidTagResourceType = (resourceType: string) =>
  invalidParameterValue(`'${resourceType}' is not a valid taggable resource type for this operation.`);

export const invalidTagSpecificationDuplicate = (resourceType: string) =>
  invalidParameterValue(`The same resource type may not be specified more than once in tag specifications: '${resourceType}'`);

// ---- Network half: VPCs, subnets, gateways, route tables, NACLs, groups, addresses, ENIs ----

/** `Invalid id: "x" (expecting "vpc-...")` with the kind's Malformed code. */
const malformed = (code: string, prefix: string) => (id: string) =>
  ec2Error(code, `Invalid id: "${id}" (expecting "${prefix}-...")`);

export const invalidVpcIdMalformed = malformed('InvalidVpcID.Malformed', 'vpc');
export const invalidSubnetIdMalformed = malformed('InvalidSubnetID.Malformed', 'subnet');
export const invalidGroupIdMalformed = malformed('InvalidGroupId.Malformed', 'sg');
export const invalidInternetGatewayIdMalformed = malformed('InvalidInternetGatewayId.Malformed', 'igw');
export const invalidRouteTableIdMalformed = malformed('InvalidRouteTableId.Malformed', 'rtb');
export const invalidNetworkAclIdMalformed = malformed('InvalidNetworkAclId.Malformed', 'acl');
export const invalidNetworkInterfaceIdMalformed = malformed('InvalidNetworkInterfaceId.Malformed', 'eni');
export const invalidAllocationIdMalformed = malformed('InvalidAllocationID.Malformed', 'eipalloc');
export const invalidNatGatewayIdMalformed = malformed('InvalidNatGatewayID.Malformed', 'nat');
export const invalidSecurityGroupRuleIdMalformed = malformed('InvalidSecurityGroupRuleId.Malformed', 'sgr');

export const invalidVpcIdNotFound = (id: string) => ec2Error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
export const invalidSubnetIdNotFound = (id: string) => ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
export const invalidInternetGatewayIdNotFound = (id: string) =>
  ec2Error('InvalidInternetGatewayID.NotFound', `The internetGateway ID '${id}' does not exist`);
export const invalidRouteTableIdNotFound = (id: string) =>
  ec2Error('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`);
export const invalidNetworkAclIdNotFound = (id: string) =>
  ec2Error('InvalidNetworkAclID.NotFound', `The networkAcl ID '${id}' does not exist`);
export const invalidNetworkInterfaceIdNotFound = (id: string) =>
  ec2Error('InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${id}' does not exist`);
export const invalidAllocationIdNotFound = (id: string) =>
  ec2Error('InvalidAllocationID.NotFound', `The allocation ID '${id}' does not exist`);
export const invalidAssociationIdNotFound = (id: string) =>
  ec2Error('InvalidAssociationID.NotFound', `The association ID '${id}' does not exist`);
export const invalidAddressNotFound = (ip: string) => ec2Error('InvalidAddress.NotFound', `Address '${ip}' not found.`);
export const natGatewayNotFound = (id: string) => ec2Error('NatGatewayNotFound', `The Nat Gateway ${id} was not found`);
export const invalidGroupNotFound = (idOrName: string) =>
  ec2Error('InvalidGroup.NotFound', `The security group '${idOrName}' does not exist`);
export const invalidGroupNotFoundInDefaultVpc = (name: string, vpcId: string) =>
  ec2Error('InvalidGroup.NotFound', `The security group '${name}' does not exist in default VPC '${vpcId}'`);
export const invalidGroupNotFoundInVpc = (name: string, vpcId: string) =>
  ec2Error('InvalidGroup.NotFound', `The security group '${name}' does not exist in VPC '${vpcId}'`);
export const invalidSecurityGroupRuleIdNotFound = (id: string) =>
  ec2Error('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`);

// VPCs and subnets

export const invalidCidrBlock = (param: string, cidr: string) =>
  invalidParameterValue(`Value (${cidr}) for parameter ${param} is invalid. This is not a valid CIDR block.`);
export const invalidVpcRange = (cidr: string) => ec2Error('InvalidVpc.Range', `The CIDR '${cidr}' is invalid.`);
export const invalidSubnetRange = (cidr: string) => ec2Error('InvalidSubnet.Range', `The CIDR '${cidr}' is invalid.`);
export const invalidSubnetConflict = (cidr: string) =>
  ec2Error('InvalidSubnet.Conflict', `The CIDR '${cidr}' conflicts with another subnet`);
export const invalidAvailabilityZone = (zone: string, valid: readonly string[]) =>
  invalidParameterValue(
    `Value (${zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${valid.join(', ')}.`,
  );
export const hasDependencies = (kind: string, id: string) =>
  dependencyViolation(`The ${kind} '${id}' has dependencies and cannot be deleted.`);
export const vpcLimitExceeded = () => ec2Error('VpcLimitExceeded', 'The maximum number of VPCs has been reached.');
export const invalidVpcAttributeCombination = () =>
  invalidParameterCombination('Only one attribute can be modified at a time');
export const dnsHostnamesNeedDnsSupport = () =>
  invalidParameterValue('enableDnsHostnames can only be true if enableDnsSupport is also true.');
export const unknownVpcAttribute = (value: string) =>
  invalidParameterValue(`Value (${value}) for parameter attribute is invalid. Unknown attribute.`);

// Internet gateways and routes

export const internetGatewayAlreadyAttached = (igwId: string, vpcId: string) =>
  ec2Error('Resource.AlreadyAssociated', `resource ${igwId} is already attached to network ${vpcId}`);
export const vpcAlreadyHasInternetGateway = (vpcId: string) =>
  invalidParameterValue(`Network ${vpcId} already has an internet gateway attached`);
export const gatewayNotAttached = (igwId: string, vpcId: string) =>
  ec2Error('Gateway.NotAttached', `resource ${igwId} is not attached to network ${vpcId}`);
export const vpcHasMappedPublicAddresses = (vpcId: string) =>
  dependencyViolation(
    `Network ${vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`,
  );
export const routeAlreadyExists = (cidr: string) =>
  ec2Error('RouteAlreadyExists', `The route identified by ${cidr} already exists.`);
export const routeNotFound = (cidr: string, rtbId: string) =>
  ec2Error('InvalidRoute.NotFound', `no route with destination-cidr-block ${cidr} in route table ${rtbId}`);
export const noRouteToReplace = (cidr: string) =>
  invalidParameterValue(`There is no route defined for '${cidr}' in the route table. Use CreateRoute instead.`);
export const cannotRemoveLocalRoute = (cidr: string, rtbId: string) =>
  invalidParameterValue(`cannot remove local route ${cidr} in route table ${rtbId}`);
export const cannotReplaceLocalRoute = (cidr: string, rtbId: string) =>
  invalidParameterValue(`cannot replace local route ${cidr} in route table ${rtbId}`);
export const routeTargetInOtherNetwork = (rtbId: string, targetId: string) =>
  invalidParameterValue(`route table ${rtbId} and network gateway ${targetId} belong to different networks`);
export const routeNeedsOneTarget = () =>
  invalidParameterCombination('The request must contain exactly one of gatewayId, natGatewayId, networkInterfaceId, instanceId');
export const routeNeedsDestination = () => missingParameter('destinationCidrBlock');
export const routeDestinationOutsideVpcOverlap = (cidr: string, vpcCidr: string) =>
  invalidParameterValue(
    `The destination CIDR block ${cidr} is equal to or more specific than one of this VPC's CIDR blocks (${vpcCidr}). This route can target only an interface or an instance.`,
  );
export const routeTableAssociationConflict = (rtbId: string) =>
  ec2Error('Resource.AlreadyAssociated', `the specified association for route table ${rtbId} conflicts with an existing association`);
export const routeTableAndSubnetDifferentVpcs = (rtbId: string, subnetId: string) =>
  invalidParameterValue(`Route table ${rtbId} and subnet ${subnetId} belong to different networks`);
export const cannotDisassociateMain = (assocId: string) =>
  invalidParameterValue(`cannot disassociate the main route table association ${assocId}`);

// NAT gateways and addresses

export const elasticIpAlreadyAssociated = (allocationId: string) =>
  ec2Error('Resource.AlreadyAssociated', `Elastic IP address [${allocationId}] is already associated`);
export const addressAlreadyAssociated = (allocationId: string, associationId: string) =>
  ec2Error('Resource.AlreadyAssociated', `resource ${allocationId} is already associated with associate-id ${associationId}`);
export const addressInUse = (ip: string) => ec2Error('InvalidIPAddress.InUse', `Address ${ip} is in use.`);
export const addressLimitExceeded = () =>
  ec2Error('AddressLimitExceeded', 'The maximum number of addresses has been reached.');
export const natGatewayAllocationOnPrivate = () =>
  invalidParameterCombination('AllocationId cannot be specified for a private NAT gateway.');
export const associateAddressNeedsTarget = () =>
  missingParameter('instanceId or networkInterfaceId');
export const networkInterfaceNotInVpc = () =>
  invalidParameterValue('The network interface does not belong to a VPC with an internet gateway attached.');
export const vpcHasNoInternetGateway = (vpcId: string) =>
  ec2Error('Gateway.NotAttached', `Network ${vpcId} is not attached to any internet gateway`);
export const instanceHasNoNetworkInterface = (instanceId: string) =>
  invalidParameterValue(`The instance '${instanceId}' has no network interface to associate an address with.`);
export const privateIpNotOnInterface = (ip: string, eniId: string) =>
  invalidParameterValue(`The private IP address ${ip} is not assigned to the network interface ${eniId}.`);

// Network ACLs

export const networkAclEntryAlreadyExists = (ruleNumber: number) =>
  ec2Error('NetworkAclEntryAlreadyExists', `The network acl entry identified by ${ruleNumber} already exists.`);
export const networkAclEntryNotFound = (ruleNumber: number, aclId: string) =>
  ec2Error('InvalidNetworkAclEntry.NotFound', `The network acl entry identified by ${ruleNumber} in network acl ${aclId} does not exist.`);
export const cannotDeleteDefaultNetworkAcl = (aclId: string) => invalidParameterValue(`cannot delete default network ACL ${aclId}`);
export const invalidRuleNumber = (n: number) =>
  invalidParameterValue(`Value (${n}) for parameter ruleNumber is invalid. Must be between 1 and 32766.`);
export const invalidRuleAction = (v: string) =>
  invalidParameterValue(`Value (${v}) for parameter ruleAction is invalid. Must be allow or deny.`);
export const invalidProtocol = (v: string) => invalidParameterValue(`Invalid value '${v}' for protocol. VPC security group rules must specify protocols explicitly.`);
export const aclEntryNeedsPortRange = (protocol: string) =>
  invalidParameter(`The request must contain the parameter portRange for protocol ${protocol}`);
export const aclEntryNeedsIcmp = () => invalidParameter('The request must contain the parameter icmpTypeCode');
export const aclAndSubnetDifferentVpcs = (aclId: string, subnetId: string) =>
  invalidParameterValue(`Network ACL ${aclId} and subnet ${subnetId} belong to different networks`);

// Security groups

export const invalidGroupDuplicate = (name: string, vpcId: string) =>
  ec2Error('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpcId}'`);
export const cannotDeleteDefaultGroup = (groupId: string) =>
  ec2Error('CannotDelete', `the specified group: "${groupId}" name: "default" cannot be deleted by a user`);
export const groupHasDependentObject = (groupId: string) => dependencyViolation(`resource ${groupId} has a dependent object`);
export const reservedGroupName = () => invalidParameterValue('Cannot use reserved security group name: default');
export const groupNameLikeId = () => invalidParameterValue('Group names may not be in the format sg-*');
export const invalidPermissionDuplicate = (rule: string) =>
  ec2Error('InvalidPermission.Duplicate', `the specified rule "${rule}" already exists`);
export const invalidPermissionNotFound = () =>
  ec2Error('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.');
export const invalidPermissionMalformed = (message: string) => ec2Error('InvalidPermission.Malformed', message);
export const invalidPortRange = (from: number, to: number, protocol: string) =>
  invalidParameterValue(`Invalid TCP/UDP port range: ${from}..${to}`.replace('TCP/UDP', protocol.toUpperCase() === 'UDP' ? 'UDP' : 'TCP'));
export const cidrMalformed = (cidr: string) => invalidParameterValue(`CIDR block ${cidr} is malformed`);
export const rulesPerGroupLimitExceeded = () =>
  ec2Error('RulesPerSecurityGroupLimitExceeded', 'The maximum number of rules per security group has been reached.');
export const sourceGroupInOtherVpc = (groupId: string, vpcId: string) =>
  invalidParameterValue(`You have specified two resources that belong to different networks. Security group ${groupId} is not in VPC ${vpcId}.`);
export const groupsInDifferentVpcs = () =>
  invalidParameter('Security groups must all belong to the same VPC as the network interface.');
export const securityGroupsPerInterfaceLimitExceeded = () =>
  ec2Error('SecurityGroupsPerInterfaceLimitExceeded', 'The maximum number of security groups per interface has been reached.');

// Network interfaces and private addresses

export const networkInterfaceInUse = (eniId: string) =>
  invalidParameterValue(`Network interface '${eniId}' is currently in use.`);
export const privateIpInUse = (ip: string) =>
  ec2Error('InvalidIPAddress.InUse', `The specified address ${ip} is already in use.`);
export const privateIpOutsideSubnet = (ip: string, subnetCidr: string) =>
  invalidParameterValue(`Address does not fall within the subnet's address range: ${ip} is not in ${subnetCidr}`);
export const privateIpReserved = (ip: string) =>
  invalidParameterValue(`The address ${ip} is reserved by AWS and cannot be assigned.`);
export const invalidIpAddress = (ip: string) =>
  invalidParameterValue(`Value (${ip}) for parameter privateIpAddress is invalid. This is not a valid IP address.`);
export const subnetFull = (subnetId: string) =>
  ec2Error('InsufficientFreeAddressesInSubnet', `There are not enough free addresses in subnet '${subnetId}' to satisfy the requested number of instances.`);
export const cannotUnassignPrimaryIp = (ip: string) =>
  invalidParameterValue(`The primary private IP address ${ip} of a network interface cannot be unassigned.`);
export const networkInterfaceAlreadyAttached = (eniId: string) =>
  invalidParameterValue(`Interface: [${eniId}] in use.`);
export const invalidAttachmentIdNotFound = (id: string) =>
  ec2Error('InvalidAttachmentID.NotFound', `The network interface attachment ID '${id}' does not exist`);
export const operationNotPermittedPrimaryDetach = () =>
  operationNotPermitted('The network interface at device index 0 cannot be detached.');

// ---- Compute half: instances, AMIs, key pairs, volumes, snapshots, spot ----

const malformedCompute = (code: string, prefix: string) => (id: string) =>
  ec2Error(code, `Invalid id: "${id}" (expecting "${prefix}-...")`);

export const invalidInstanceIdMalformed = malformedCompute('InvalidInstanceID.Malformed', 'i');
export const invalidAmiIdMalformed = malformedCompute('InvalidAMIID.Malformed', 'ami');
export const invalidVolumeIdMalformed = malformedCompute('InvalidVolumeID.Malformed', 'vol');
export const invalidSnapshotIdMalformed = malformedCompute('InvalidSnapshotID.Malformed', 'snap');
export const invalidSpotRequestIdMalformed = malformedCompute('InvalidSpotInstanceRequestID.Malformed', 'sir');

/** One id: "The instance ID 'i-1' does not exist"; several: "The instance IDs 'i-1, i-2' do not exist". */
export const invalidInstanceIdNotFound = (ids: readonly string[]) =>
  ec2Error(
    'InvalidInstanceID.NotFound',
    ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${ids.join(', ')}' do not exist`,
  );
export const invalidAmiIdNotFound = (ids: readonly string[]) =>
  ec2Error('InvalidAMIID.NotFound', ids.length === 1 ? `The image id '[${ids[0]}]' does not exist` : `The image ids '[${ids.join(', ')}]' do not exist`);
export const invalidKeyPairNotFound = (nameOrId: string) =>
  ec2Error('InvalidKeyPair.NotFound', `The key pair '${nameOrId}' does not exist`);
export const invalidKeyPairDuplicate = (name: string) => ec2Error('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);
export const invalidKeyFormat = () => ec2Error('InvalidKey.Format', 'Key is not in valid OpenSSH public key format');
export const invalidVolumeNotFound = (id: string) => ec2Error('InvalidVolume.NotFound', `The volume '${id}' does not exist.`);
export const invalidSnapshotNotFound = (id: string) => ec2Error('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);
export const invalidSpotRequestNotFound = (id: string) =>
  ec2Error('InvalidSpotInstanceRequestID.NotFound', `The spot instance request ID '${id}' does not exist`);

// Instances

export const invalidInstanceType = (type: string) => invalidParameterValue(`Invalid value '${type}' for InstanceType.`);
export const incorrectInstanceState = (message: string) => ec2Error('IncorrectInstanceState', message);
export const cannotStart = (id: string) => incorrectInstanceState(`The instance '${id}' is not in a state from which it can be started.`);
export const cannotStop = (id: string) => incorrectInstanceState(`This instance '${id}' is not in a state from which it can be stopped.`);
export const cannotReboot = (id: string) => incorrectInstanceState(`The instance '${id}' is not in a state from which it can be rebooted.`);
export const notStoppedForAttribute = (id: string) => incorrectInstanceState(`The instance '${id}' is not in the 'stopped' state.`);
export const terminationProtected = (id: string) =>
  operationNotPermitted(`The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`);
export const stopProtected = (id: string) =>
  operationNotPermitted(`The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`);
export const instanceLimitExceeded = (requested: number, limit: number) =>
  ec2Error(
    'InstanceLimitExceeded',
    `You have requested more instances (${requested}) than your current instance limit of ${limit} allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`,
  );
export const minCountAboveMaxCount = (min: number, max: number) =>
  invalidParameterValue(`Invalid value '${min}' for minCount. Must be less than or equal to maxCount (${max}).`);
export const invalidCount = (param: 'minCount' | 'maxCount', value: number) =>
  invalidParameterValue(`Invalid value '${value}' for ${param}. Must be greater than or equal to 1.`);
export const userDataTooLarge = () => invalidParameterValue('User data is limited to 16384 bytes');
export const userDataNotBase64 = () => invalidParameterValue('Invalid BASE64 encoding of user data.');
export const unknownInstanceAttribute = (attribute: string) =>
  invalidParameterValue(`Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`);
export const modifyOneAttribute = () =>
  invalidParameterCombination('Fields for multiple attribute types specified: instanceType, userData, ...');
export const instanceTypeNotInZone = (type: string, zone: string) =>
  ec2Error('Unsupported', `Your requested instance type (${type}) is not supported in your requested Availability Zone (${zone}).`);
export const invalidBlockDeviceMapping = (message: string) => invalidParameterValue(message);

// Volumes and snapshots

export const volumeInUse = (volumeId: string, instanceId: string) =>
  ec2Error('VolumeInUse', `Volume ${volumeId} is currently attached to ${instanceId}`);
export const volumeAlreadyAttached = (volumeId: string) => ec2Error('VolumeInUse', `${volumeId} is already attached to an instance`);
export const incorrectVolumeState = (volumeId: string, state: string) =>
  ec2Error('IncorrectState', `Volume '${volumeId}' is in the '${state}' state.`);
export const volumeZoneMismatch = (volumeId: string, instanceId: string) =>
  ec2Error('InvalidVolume.ZoneMismatch', `The volume '${volumeId}' is not in the same availability zone as instance '${instanceId}'`);
export const volumeNotAttached = (volumeId: string, instanceId: string) =>
  ec2Error('IncorrectState', `Volume '${volumeId}' is not attached to instance '${instanceId}'`);
export const attachmentPointInUse = (device: string) =>
  invalidParameterValue(`Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`);
export const invalidDeviceName = (device: string) => invalidParameterValue(`Invalid value '${device}' for unixDevice.`);
export const invalidVolumeType = (type: string) =>
  invalidParameterValue(`Value (${type}) for parameter volumeType is invalid. Valid values: standard, io1, io2, gp2, sc1, st1, gp3`);
export const volumeTooSmall = (size: number, min: number) => invalidParameterValue(`Volume of ${size}GiB is too small; minimum is ${min}GiB.`);
export const volumeTooLarge = (size: number, max: number) => invalidParameterValue(`Volume of ${size}GiB is too large; maximum is ${max}GiB.`);
export const volumeSmallerThanSnapshot = (size: number, snapshotId: string, snapshotSize: number) =>
  invalidParameterValue(`Volume of ${size}GiB is smaller than snapshot '${snapshotId}', expect size >= ${snapshotSize}GiB`);
export const iopsNotSupported = (type: string) =>
  invalidParameterCombination(`The parameter iops is not supported for ${type} volumes.`);
export const throughputNotSupported = (type: string) =>
  invalidParameterCombination(`The parameter throughput is not supported for ${type} volumes.`);
export const iopsOutOfRange = (type: string, iops: number, min: number, max: number) =>
  invalidParameterValue(`The iops value ${iops} is not valid for ${type} volumes. Valid values are ${min} to ${max}.`);
export const iopsRatioTooHigh = (ratio: number, max: number) =>
  invalidParameterValue(`Iops to volume size ratio of ${ratio.toFixed(6)} is too high; maximum is ${max.toFixed(6)}.`);
export const throughputOutOfRange = (throughput: number) =>
  invalidParameterValue(`Throughput (MiBps) of ${throughput} is invalid; valid values are 125 to 1000.`);
export const snapshotNotCompleted = (snapshotId: string) =>
  ec2Error('IncorrectState', `Snapshot '${snapshotId}' is not in the 'completed' state.`);
export const snapshotInUseByImage = (snapshotId: string, imageId: string) =>
  ec2Error('InvalidSnapshot.InUse', `The snapshot ${snapshotId} is currently in use by ${imageId}`);
export const modifyVolumeSizeDecrease = (volumeId: string, current: number, requested: number) =>
  invalidParameterValue(`New size cannot be smaller than existing size. Volume ${volumeId} is ${current}GiB; requested ${requested}GiB.`);

// Spot

export const invalidSpotPrice = (price: string) => invalidParameterValue(`Invalid value '${price}' for spotPrice.`);
export const spotPriceTooLow = (price: string, current: number) =>
  ec2Error('SpotMaxPriceTooLow', `Your Spot request price of ${price} is lower than the minimum required Spot request fulfillment price of ${current}.`);

// Launching into the network (used by RunInstances through state/instance-networking.ts)

export const vpcIdNotSpecified = () => ec2Error('VPCIdNotSpecified', 'No default VPC for this user');
export const noDefaultSubnetForAz = (zone: string) =>
  invalidParameterValue(`No default subnet for availability zone: '${zone}'.`);
export const groupNameWithSubnet = () =>
  invalidParameterCombination('The parameter groupName cannot be used with the parameter subnet');
export const groupAndSubnetDifferentVpcs = (groupId: string, subnetId: string) =>
  invalidParameter(`Security group ${groupId} and subnet ${subnetId} belong to different networks.`);
export const subnetNotInAvailabilityZone = (subnetId: string, zone: string) =>
  invalidParameterValue(`The subnet ID '${subnetId}' is not in availability zone '${zone}'.`);
export const networkInterfacesWithSubnet = () =>
  invalidParameterCombination('Network interfaces and an instance-level subnet ID may not be specified on the same request');
export const networkInterfacesWithGroups = () =>
  invalidParameterCombination('Network interfaces and an instance-level security groups may not be specified on the same request');

// Network interfaces (attachments and groups)

export const deviceIndexInUse = (instanceId: string, index: number) =>
  invalidParameterValue(`Instance '${instanceId}' already has an interface attached at device index '${index}'.`);
export const interfaceInOtherZone = (eniId: string, instanceId: string) =>
  invalidParameterCombination(`The network interface ${eniId} and the instance ${instanceId} are not in the same availability zone.`);
export const addressesNotOnInterface = (eniId: string) =>
  invalidParameterValue(`Some of the specified addresses are not assigned to interface ${eniId}`);
export const oneInterfaceAttribute = () =>
  invalidParameterCombination('Fields for multiple attribute types specified: only one attribute may be modified per call.');

// Regions, zones, account attributes

export const invalidRegion = (name: string) => invalidParameterValue(`Invalid region: ${name}`);
/** Shared: CreateVolume (compute) and DescribeAvailabilityZones (network). */
export const invalidZone = (zone: string) => ec2Error('InvalidZone.NotFound', `The zone '${zone}' does not exist.`);
export const invalidAccountAttribute = (name: string) =>
  invalidParameterValue(`Value (${name}) for parameter attributeName is invalid. Unknown attribute.`);
