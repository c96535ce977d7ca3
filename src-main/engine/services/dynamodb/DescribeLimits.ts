import type { Ctx } from '../../core/provider';

/** The default account and table limits of a region (DynamoDB's documented defaults). */
export const DescribeLimits = (_ctx: Ctx, _input: Record<string, never>) => ({
  AccountMaxReadCapacityUnits: 80000,
  AccountMaxWriteCapacityUnits: 80000,
  TableMaxReadCapacityUnits: 40000,
  TableMaxWriteCapacityUnits: 40000,
});
