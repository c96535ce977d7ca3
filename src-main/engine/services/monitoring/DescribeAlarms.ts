import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameterCombination } from './errors';
import { listAlarms } from './state/alarms';
import { metricAlarmView } from './alarm-view';
import { page } from './pages';

export const DescribeAlarms = (ctx: Ctx, input: OperationInput<'monitoring', 'DescribeAlarms'>) => {
  if (input.AlarmNames?.length && input.AlarmNamePrefix) throw invalidParameterCombination('AlarmNames and AlarmNamePrefix are mutually exclusive.');
  const types = input.AlarmTypes ?? ['MetricAlarm'];
  const names = input.AlarmNames ? new Set(input.AlarmNames) : undefined;
  const alarms = types.includes('MetricAlarm')
    ? listAlarms(ctx.store, ctx.accountId, ctx.region).filter(
        (a) =>
          (!names || names.has(a.row.name)) &&
          (!input.AlarmNamePrefix || a.row.name.startsWith(input.AlarmNamePrefix)) &&
          (!input.StateValue || a.row.state === input.StateValue) &&
          (!input.ActionPrefix || [...(a.config.AlarmActions ?? []), ...(a.config.OKActions ?? []), ...(a.config.InsufficientDataActions ?? [])].some((x) => x.startsWith(input.ActionPrefix!))),
      )
    : [];
  const p = page(alarms, input.MaxRecords ?? 50, input.NextToken);
  return { MetricAlarms: p.items.map(metricAlarmView), CompositeAlarms: [], NextToken: p.NextToken };
};
