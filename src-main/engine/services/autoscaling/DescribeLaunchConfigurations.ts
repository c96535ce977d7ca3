import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { launchConfigurationOutput, listLaunchConfigurations } from './state/launch-configurations';
import { page } from './state/paging';

export const DescribeLaunchConfigurations = (ctx: Ctx, input: OperationInput<'autoscaling', 'DescribeLaunchConfigurations'>) => {
  let rows = listLaunchConfigurations(ctx);
  if (input.LaunchConfigurationNames?.length) rows = rows.filter((r) => input.LaunchConfigurationNames!.includes(r.name));
  const { items, next } = page(rows, input.NextToken, input.MaxRecords);
  return { LaunchConfigurations: items.map(launchConfigurationOutput), ...(next ? { NextToken: next } : {}) };
};
