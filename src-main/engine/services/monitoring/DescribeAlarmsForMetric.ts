import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { listAlarms } from './state/alarms';
import { dimsKey, sortDimensions } from './state/metrics';
import { metricAlarmView } from './alarm-view';

export const DescribeAlarmsForMetric = (ctx: Ctx, input: OperationInput<'monitoring', 'DescribeAlarmsForMetric'>) => {
  const key = input.Dimensions ? dimsKey(sortDimensions(input.Dimensions)) : undefined;
  const alarms = listAlarms(ctx.store, ctx.accountId, ctx.region).filter((a) => {
    const c = a.config;
    return (
      c.MetricName === input.MetricName &&
      c.Namespace === input.Namespace &&
      (key === undefined || dimsKey(sortDimensions(c.Dimensions)) === key) &&
      (!input.Statistic || c.Statistic === input.Statistic) &&
      (!input.ExtendedStatistic || c.ExtendedStatistic === input.ExtendedStatistic) &&
      (input.Period === undefined || c.Period === input.Period) &&
      (!input.Unit || c.Unit === input.Unit)
    );
  });
  return { MetricAlarms: alarms.map(metricAlarmView) };
};
