/**
 * The EC2 provider. Two halves share the folder: the network half (handlers-network.ts: VPCs,
 * subnets, gateways, route tables, NACLs, security groups, addresses, network interfaces, regions
 * and zones, tags) and the compute half (handlers-compute.ts: instances, AMIs, volumes, ...).
 */
import type { ServiceProvider } from '../../core/provider';
import { networkHandlers, networkMigrations, networkStart } from './handlers-network';
import { computeHandlers, computeMigrations, computeStart } from './handlers-compute';

export const ec2Provider: ServiceProvider = {
  service: 'ec2',
  migrations: [...networkMigrations, ...computeMigrations],
  handlers: { ...networkHandlers, ...computeHandlers },
  start: (engine) => {
    networkStart(engine);
    computeStart(engine);
  },
};

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
