/** What an instance class offers (vCPUs and memory), read from its name as AWS's families size them. */
const SIZES: Record<string, { vcpu: number; gib: number }> = {
  micro: { vcpu: 2, gib: 1 },
  small: { vcpu: 2, gib: 2 },
  medium: { vcpu: 2, gib: 4 },
  large: { vcpu: 2, gib: 8 },
  xlarge: { vcpu: 4, gib: 16 },
  '2xlarge': { vcpu: 8, gib: 32 },
  '4xlarge': { vcpu: 16, gib: 64 },
  '8xlarge': { vcpu: 32, gib: 128 },
  '12xlarge': { vcpu: 48, gib: 192 },
  '16xlarge': { vcpu: 64, gib: 256 },
  '24xlarge': { vcpu: 96, gib: 384 },
};

export function classSpec(instanceClass: string): { vcpu: number; memoryBytes: number } {
  const [, family = 't3', size = 'micro'] = instanceClass.split('.');
  const s = SIZES[size] ?? SIZES.micro!;
  // Memory-optimised families (r, x, z) have twice the memory per vCPU; t2.micro has one vCPU.
  const factor = /^[rxz]/.test(family) ? 2 : 1;
  const vcpu = family === 't2' && size === 'micro' ? 1 : s.vcpu;
  return { vcpu, memoryBytes: s.gib * factor * 1024 ** 3 };
}

/** Classes the lab offers for DescribeOrderableDBInstanceOptions and the console's wizard. */
export const OFFERED_CLASSES = ['db.t3.micro', 'db.t3.small', 'db.t3.medium', 'db.t3.large', 'db.t4g.micro', 'db.t4g.small', 'db.t2.micro', 'db.m5.large', 'db.m5.xlarge', 'db.r5.large'] as const;
