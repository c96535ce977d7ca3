import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidInstanceType } from './errors';
import { applyFilters, type FilterTable } from './filters';
import { paginate } from './pagination';
import { allInstanceTypes, type InstanceTypeInfo } from './state/instance-types';

const TYPE_FILTERS: FilterTable<InstanceTypeInfo> = {
  'instance-type': (t) => t.instanceType,
  'current-generation': (t) => String(t.currentGeneration),
  'free-tier-eligible': (t) => String(t.freeTierEligible),
  'burstable-performance-supported': (t) => String(t.burstable),
  'vcpu-info.default-vcpus': (t) => t.vCpus,
  'memory-info.size-in-mib': (t) => t.memoryMiB,
  'instance-storage-supported': (t) => String(t.instanceStorage !== undefined),
  'network-info.network-performance': (t) => t.networkPerformance,
  'hypervisor': (t) => t.hypervisor,
  'processor-info.supported-architecture': () => 'x86_64',
};

function typeOutput(t: InstanceTypeInfo) {
  const disk = t.instanceStorage;
  return {
    InstanceType: t.instanceType,
    CurrentGeneration: t.currentGeneration,
    FreeTierEligible: t.freeTierEligible,
    SupportedUsageClasses: ['on-demand', 'spot'],
    SupportedRootDeviceTypes: ['ebs'],
    SupportedVirtualizationTypes: ['hvm'],
    BareMetal: false,
    Hypervisor: t.hypervisor,
    ProcessorInfo: { SupportedArchitectures: ['x86_64'], SustainedClockSpeedInGhz: t.sustainedClockSpeedGhz },
    VCpuInfo: { DefaultVCpus: t.vCpus, DefaultCores: t.defaultCores, DefaultThreadsPerCore: t.defaultThreadsPerCore },
    MemoryInfo: { SizeInMiB: t.memoryMiB },
    InstanceStorageSupported: disk !== undefined,
    InstanceStorageInfo: disk
      ? { TotalSizeInGB: disk.count * disk.sizeGB, Disks: [{ SizeInGB: disk.sizeGB, Count: disk.count, Type: disk.type }], NvmeSupport: disk.nvme ? 'required' : 'unsupported' }
      : undefined,
    EbsInfo: { EbsOptimizedSupport: t.ebsOptimizedSupport, EncryptionSupport: 'supported', NvmeSupport: t.hypervisor === 'nitro' ? 'required' : 'unsupported' },
    NetworkInfo: {
      NetworkPerformance: t.networkPerformance,
      MaximumNetworkInterfaces: t.maxNetworkInterfaces,
      Ipv4AddressesPerInterface: t.ipv4AddressesPerInterface,
      Ipv6Supported: true,
      EnaSupport: t.enaSupport,
    },
    PlacementGroupInfo: { SupportedStrategies: ['partition', 'spread'] },
    HibernationSupported: false,
    BurstablePerformanceSupported: t.burstable,
    DedicatedHostsSupported: false,
    AutoRecoverySupported: true,
    SupportedBootModes: ['legacy-bios'],
  };
}

/** The lab's instance-type catalog (Table 3.1). */
export function DescribeInstanceTypes(ctx: Ctx, input: Ec2Input<'DescribeInstanceTypes'>): Ec2Output<'DescribeInstanceTypes'> {
  void ctx;
  const names = input.InstanceTypes ?? [];
  let types = [...allInstanceTypes()];
  for (const n of names) if (!types.some((t) => t.instanceType === n)) throw invalidInstanceType(n);
  if (names.length) types = types.filter((t) => names.includes(t.instanceType));
  checkDryRun(input);
  const filtered = applyFilters(types, input.Filters, { table: TYPE_FILTERS });
  const { page, nextToken } = paginate(filtered, input, { operation: 'DescribeInstanceTypes', max: 100 });
  return { InstanceTypes: page.map(typeOutput) as Ec2Output<'DescribeInstanceTypes'>['InstanceTypes'], NextToken: nextToken };
}
