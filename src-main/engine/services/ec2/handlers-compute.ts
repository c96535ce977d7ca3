/**
 * The compute half of EC2: instances, AMIs, instance types, key pairs, EBS volumes and snapshots,
 * spot requests. index.ts merges this table with the network half's. Migrations use scope
 * 'ec2-compute' (migrations-compute.ts).
 */
import type { Handler } from '../../core/provider';
import type { Store } from '../../store/store';
import type { Clock } from '../../clock/clock';
import { resumeLifecycles } from './state/instance-lifecycle';
import { AttachVolume } from './AttachVolume';
import { CancelSpotInstanceRequests } from './CancelSpotInstanceRequests';
import { CopySnapshot } from './CopySnapshot';
import { CreateKeyPair } from './CreateKeyPair';
import { CreateSnapshot } from './CreateSnapshot';
import { CreateVolume } from './CreateVolume';
import { DeleteKeyPair } from './DeleteKeyPair';
import { DeleteSnapshot } from './DeleteSnapshot';
import { DeleteVolume } from './DeleteVolume';
import { DescribeImages } from './DescribeImages';
import { DescribeInstanceAttribute } from './DescribeInstanceAttribute';
import { DescribeInstances } from './DescribeInstances';
import { DescribeInstanceStatus } from './DescribeInstanceStatus';
import { DescribeInstanceTypes } from './DescribeInstanceTypes';
import { DescribeKeyPairs } from './DescribeKeyPairs';
import { DescribeSnapshots } from './DescribeSnapshots';
import { DescribeSpotInstanceRequests } from './DescribeSpotInstanceRequests';
import { DescribeSpotPriceHistory } from './DescribeSpotPriceHistory';
import { DescribeVolumes } from './DescribeVolumes';
import { DetachVolume } from './DetachVolume';
import { GetConsoleOutput } from './GetConsoleOutput';
import { ImportKeyPair } from './ImportKeyPair';
import { ModifyInstanceAttribute } from './ModifyInstanceAttribute';
import { ModifyVolume } from './ModifyVolume';
import { RebootInstances } from './RebootInstances';
import { RequestSpotInstances } from './RequestSpotInstances';
import { RunInstances } from './RunInstances';
import { StartInstances } from './StartInstances';
import { StopInstances } from './StopInstances';
import { TerminateInstances } from './TerminateInstances';
// Side-effect imports: each state module registers its taggable kind and lifecycle steps.
import './state/launch';

export { computeMigrations } from './migrations-compute';

/**
 * What other layers use from the compute half, for the composition root to wire (the guest layer may
 * not import services): boot on `running`, console output, volume data, the billing view.
 */
export { onInstanceStateChange, onVolumeDataCopy, onVolumeDataRelease } from './state/instance-lifecycle';
export type { InstanceStateChange, VolumeDataCopy } from './state/instance-lifecycle';
export { appendConsoleOutput } from './state/instances';
export { costReport, meterIdleAddress } from './state/costs';
export type { CostReport, CostLine } from './state/costs';
export { findImage } from './state/images';
export { findInstanceType } from './state/instance-types';

export const computeHandlers: Record<string, Handler> = {
  AttachVolume,
  CancelSpotInstanceRequests,
  CopySnapshot,
  CreateKeyPair,
  CreateSnapshot,
  CreateVolume,
  DeleteKeyPair,
  DeleteSnapshot,
  DeleteVolume,
  DescribeImages,
  DescribeInstanceAttribute,
  DescribeInstances,
  DescribeInstanceStatus,
  DescribeInstanceTypes,
  DescribeKeyPairs,
  DescribeSnapshots,
  DescribeSpotInstanceRequests,
  DescribeSpotPriceHistory,
  DescribeVolumes,
  DetachVolume,
  GetConsoleOutput,
  ImportKeyPair,
  ModifyInstanceAttribute,
  ModifyVolume,
  RebootInstances,
  RequestSpotInstances,
  RunInstances,
  StartInstances,
  StopInstances,
  TerminateInstances,
};

/** Engine start: re-arm the clock for lifecycle steps persisted before a restart. */
export function computeStart(engine: { store: Store; clock: Clock }): void {
  resumeLifecycles(engine);
}
