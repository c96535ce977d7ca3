import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameterCombination, limitExceeded, validationError } from './errors';
import { addHistory, alarmArn, findAlarm, type AlarmConfig, type AlarmRow } from './state/alarms';
import { isSupportedComparison } from './evaluate';
import { validPeriod } from './periods';

const TREAT = new Set(['breaching', 'notBreaching', 'ignore', 'missing']);
const STATS = new Set(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);
const MAX_ALARMS = 5000;

function checkActions(ctx: Ctx, list: string[] | undefined, member: string): void {
  if (!list) return;
  if (list.length > 5) throw validationError(`The collection ${member} must not have a size greater than 5.`);
  for (const arn of list) {
    const p = arn.split(':');
    if (p.length < 6 || p[0] !== 'arn') throw validationError(`Invalid arn syntax: ${arn}`);
    if (p[3] && p[3] !== ctx.region) throw validationError(`Invalid region ${p[3]} specified. Only ${ctx.region} is supported.`);
  }
}

/** Creates or replaces a metric alarm; a new alarm starts in INSUFFICIENT_DATA until the clock evaluates it. */
export const PutMetricAlarm = (ctx: Ctx, input: OperationInput<'monitoring', 'PutMetricAlarm'>) => {
  const { Tags: _tags, ...config } = input;
  if (input.Metrics && (input.MetricName || input.Namespace || input.Statistic || input.Dimensions || input.Period))
    throw validationError('Metrics list and MetricName/Namespace/Statistic/Dimensions/Period are mutually exclusive.');
  if (input.Metrics) throw validationError('Alarms on metric math expressions (Metrics) are not supported by the lab yet; give MetricName, Namespace and Statistic.');
  if (!input.MetricName || !input.Namespace) throw validationError('MetricName and Namespace must be specified.');
  if (input.Statistic && input.ExtendedStatistic) throw invalidParameterCombination('Exactly one of Statistic or ExtendedStatistic must be specified.');
  if (!input.Statistic && !input.ExtendedStatistic) throw validationError('Must specify either Statistic or ExtendedStatistic.');
  if (input.Statistic && !STATS.has(input.Statistic)) throw validationError(`Invalid statistic: ${input.Statistic}`);
  if (input.ExtendedStatistic && !/^p\d{1,2}(\.\d+)?$/.test(input.ExtendedStatistic)) throw validationError(`Invalid extended statistic: ${input.ExtendedStatistic}`);
  if (input.Period === undefined) throw validationError('Period must be specified.');
  if (!validPeriod(input.Period) || [1, 5].includes(input.Period)) throw validationError('Period must be 10, 30 or a multiple of 60.');
  if (input.EvaluationPeriods < 1) throw validationError('EvaluationPeriods must be at least 1.');
  if (input.Period * input.EvaluationPeriods > 7 * 86_400) throw validationError('The evaluation period (Period * EvaluationPeriods) must not exceed 7 days.');
  if (input.DatapointsToAlarm !== undefined && (input.DatapointsToAlarm < 1 || input.DatapointsToAlarm > input.EvaluationPeriods))
    throw validationError('DatapointsToAlarm must be between 1 and EvaluationPeriods.');
  if (!isSupportedComparison(input.ComparisonOperator))
    throw validationError(`Comparison operator ${input.ComparisonOperator} needs an anomaly detection band, which the lab does not simulate yet.`);
  if (input.Threshold === undefined) throw validationError('Threshold must be specified.');
  if (input.TreatMissingData !== undefined && !TREAT.has(input.TreatMissingData))
    throw validationError(`1 validation error detected: Value '${input.TreatMissingData}' at 'treatMissingData' failed to satisfy constraint: Member must satisfy enum value set: [breaching, notBreaching, ignore, missing]`);
  checkActions(ctx, input.AlarmActions, 'AlarmActions');
  checkActions(ctx, input.OKActions, 'OKActions');
  checkActions(ctx, input.InsufficientDataActions, 'InsufficientDataActions');

  const now = ctx.clock.now();
  const existing = findAlarm(ctx.store, ctx.accountId, ctx.region, input.AlarmName);
  const stored: AlarmConfig = config;
  if (existing) {
    ctx.store
      .stmt('UPDATE cw_alarms SET config = ?, actions_enabled = ?, config_updated_at = ? WHERE account_id = ? AND region = ? AND name = ?')
      .run(JSON.stringify(stored), input.ActionsEnabled === false ? 0 : 1, now, ctx.accountId, ctx.region, input.AlarmName);
    addHistory(ctx.store, existing.row, now, 'ConfigurationUpdate', `Alarm "${input.AlarmName}" updated`, { version: '1.0', type: 'Update', updatedAlarm: stored });
    return {};
  }
  const count = (ctx.store.stmt('SELECT COUNT(*) AS n FROM cw_alarms WHERE account_id = ? AND region = ?').get(ctx.accountId, ctx.region) as { n: number }).n;
  if (count >= MAX_ALARMS) throw limitExceeded(`The maximum number of alarms (${MAX_ALARMS}) has been reached.`);
  const row: AlarmRow = {
    account_id: ctx.accountId,
    region: ctx.region,
    name: input.AlarmName,
    arn: alarmArn(ctx.region, ctx.accountId, input.AlarmName),
    config: JSON.stringify(stored),
    actions_enabled: input.ActionsEnabled === false ? 0 : 1,
    state: 'INSUFFICIENT_DATA',
    state_reason: 'Unchecked: Initial alarm creation',
    state_reason_data: null,
    state_updated_at: now,
    config_updated_at: now,
  };
  ctx.store
    .stmt(
      `INSERT INTO cw_alarms (account_id, region, name, arn, config, actions_enabled, state, state_reason, state_reason_data, state_updated_at, config_updated_at)
       VALUES (@account_id, @region, @name, @arn, @config, @actions_enabled, @state, @state_reason, @state_reason_data, @state_updated_at, @config_updated_at)`,
    )
    .run(row);
  addHistory(ctx.store, row, now, 'ConfigurationUpdate', `Alarm "${input.AlarmName}" created`, { version: '1.0', type: 'Create', createdAlarm: stored });
  return {};
};
