import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './pages';

export const DescribeAlarmHistory = (ctx: Ctx, input: OperationInput<'monitoring', 'DescribeAlarmHistory'>) => {
  const rows = ctx.store
    .stmt(
      `SELECT alarm_name, time, type, summary, data FROM cw_alarm_history WHERE account_id = ? AND region = ?
         AND (? IS NULL OR alarm_name = ?) AND (? IS NULL OR type = ?) AND time >= ? AND time <= ?
       ORDER BY time ${input.ScanBy === 'TimestampAscending' ? 'ASC' : 'DESC'}, id ${input.ScanBy === 'TimestampAscending' ? 'ASC' : 'DESC'}`,
    )
    .all(
      ctx.accountId,
      ctx.region,
      input.AlarmName ?? null,
      input.AlarmName ?? null,
      input.HistoryItemType ?? null,
      input.HistoryItemType ?? null,
      input.StartDate?.getTime() ?? 0,
      input.EndDate?.getTime() ?? Number.MAX_SAFE_INTEGER,
    ) as { alarm_name: string; time: number; type: string; summary: string; data: string }[];
  const wantsMetric = !input.AlarmTypes || input.AlarmTypes.includes('MetricAlarm');
  const p = page(wantsMetric ? rows : [], input.MaxRecords ?? 100, input.NextToken);
  return {
    AlarmHistoryItems: p.items.map((r) => ({
      AlarmName: r.alarm_name,
      AlarmType: 'MetricAlarm',
      Timestamp: new Date(r.time),
      HistoryItemType: r.type,
      HistorySummary: r.summary,
      HistoryData: r.data,
    })),
    NextToken: p.NextToken,
  };
};
