/**
 * The instance-type catalog (resources/ec2/instance-types.json): hardware, instance-store disks and
 * on-demand prices. Read once per resources folder; the catalog never changes while the lab runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findResourcesDir } from '../../../models/paths';

export interface InstanceStorage {
  count: number;
  sizeGB: number;
  type: 'ssd' | 'hdd';
  nvme?: boolean;
}

export interface InstanceTypeInfo {
  instanceType: string;
  currentGeneration: boolean;
  freeTierEligible: boolean;
  vCpus: number;
  defaultCores: number;
  defaultThreadsPerCore: number;
  memoryMiB: number;
  processor: string;
  sustainedClockSpeedGhz: number;
  hypervisor: 'xen' | 'nitro';
  burstable: boolean;
  baselineCpuPercent?: number;
  networkPerformance: string;
  maxNetworkInterfaces: number;
  ipv4AddressesPerInterface: number;
  enaSupport: 'required' | 'supported' | 'unsupported';
  ebsOptimizedSupport: 'default' | 'supported' | 'unsupported';
  instanceStorage?: InstanceStorage;
  /** USD per hour, Linux on-demand, us-east-1. */
  pricePerHour: number;
}

interface Catalog {
  byName: Map<string, InstanceTypeInfo>;
  all: InstanceTypeInfo[];
  multipliers: Map<string, number>;
  defaultMultiplier: number;
}

const catalogs = new Map<string, Catalog>();

function catalog(): Catalog {
  const dir = findResourcesDir();
  let c = catalogs.get(dir);
  if (c) return c;
  const raw = JSON.parse(readFileSync(join(dir, 'ec2', 'instance-types.json'), 'utf8')) as {
    regionalPriceMultiplier: Record<string, number>;
    instanceTypes: InstanceTypeInfo[];
  };
  const multipliers = new Map(Object.entries(raw.regionalPriceMultiplier).filter(([k]) => k !== 'default'));
  c = {
    all: raw.instanceTypes,
    byName: new Map(raw.instanceTypes.map((t) => [t.instanceType, t])),
    multipliers,
    defaultMultiplier: raw.regionalPriceMultiplier.default ?? 1,
  };
  catalogs.set(dir, c);
  return c;
}

export const allInstanceTypes = (): readonly InstanceTypeInfo[] => catalog().all;

export const findInstanceType = (name: string): InstanceTypeInfo | undefined => catalog().byName.get(name);

export function regionalMultiplier(region: string): number {
  const c = catalog();
  return c.multipliers.get(region) ?? c.defaultMultiplier;
}

/** On-demand Linux price per hour in a region, rounded to 1/10000 of a cent as AWS's price list. */
export function onDemandPrice(instanceType: string, region: string): number {
  const t = findInstanceType(instanceType);
  if (!t) return 0;
  return Math.round(t.pricePerHour * regionalMultiplier(region) * 1e6) / 1e6;
}
