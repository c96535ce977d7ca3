import type { Ctx } from '../../core/provider';

/** AWS's default quotas, with what this account and region use of them. */
export const DescribeAccountLimits = (ctx: Ctx) => {
  const count = (table: string) => (ctx.store.stmt(`SELECT count(*) AS n FROM ${table} WHERE account_id = ? AND region = ?`).get(ctx.accountId, ctx.region) as { n: number }).n;
  return {
    MaxNumberOfAutoScalingGroups: 500,
    MaxNumberOfLaunchConfigurations: 200,
    NumberOfAutoScalingGroups: count('autoscaling_groups'),
    NumberOfLaunchConfigurations: count('autoscaling_launch_configurations'),
  };
};
