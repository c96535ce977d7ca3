/**
 * The EC2 provider. Two halves share the folder: the network half (handlers-network.ts: VPCs,
 * subnets, gateways, route tables, NACLs, security groups, addresses, network interfaces, regions
 * and zones, tags) and the compute half (handlers-compute.ts: instances, AMIs, volumes, ...).
 */
import { defineService } from '../../core/provider';
import { withTagFind } from './cloudformation/common';
import { ec2ComputeProviders } from './cloudformation/compute';
import { ec2NetworkProviders } from './cloudformation/network';
import { ec2IamTable } from './iam-table';
import { ec2Inventory } from './inventory';
import { networkHandlers, networkMigrations, networkStart } from './handlers-network';
import { computeHandlers, computeMigrations, computeStart } from './handlers-compute';
import { launchTemplateHandlers, launchTemplateMigrations } from './handlers-launch-templates';
import { hostHealthMigrations } from './state/host-health';
import { ec2LaunchTemplateProviders } from './cloudformation/launch-templates';

export const ec2Provider = defineService({
  service: 'ec2',
  migrations: [...networkMigrations, ...computeMigrations, ...launchTemplateMigrations, ...hostHealthMigrations],
  handlers: { ...networkHandlers, ...computeHandlers, ...launchTemplateHandlers },
  start: (engine) => {
    networkStart(engine);
    computeStart(engine);
  },
  iam: ec2IamTable,
  cloudformation: withTagFind({ ...ec2NetworkProviders, ...ec2ComputeProviders, ...ec2LaunchTemplateProviders }),
  inventory: ec2Inventory,
});

// Hooks the composition root wires into the guest layer and IAM (they may not import this folder's internals).
export {
  onInstanceStateChange,
  onVolumeDataCopy,
  onVolumeDataRelease,
  appendConsoleOutput,
  costReport,
  findImage,
  findInstanceType,
} from './handlers-compute';
export type { InstanceStateChange, VolumeDataCopy, CostReport, CostLine } from './handlers-compute';
export { tagsOf } from './state/tags';
export { explainReachability, buildNetworkWorld } from './state/network-world';
// Load balancers and Auto Scaling read an instance's state and subnet (they may not import ec2's state/).
export { instanceInfo } from './state/instance-lookup';
// Auto Scaling places groups given only zones in the default VPC's subnets (created on first use).
export { ensureDefaultVpc } from './state/default-vpc';
// CloudWatch's status checks and ec2:recover alarm action; labs fail a host (§14.1).
export { failHost, hostFailedSince, clearHostFailure } from './state/host-health';
// Auto Scaling launches from a launch template's version.
export { resolveLaunchTemplate } from './state/launch-templates';
