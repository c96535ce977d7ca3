import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameterCombination, invalidParameterValue } from './errors';
import { recordDatum } from './state/metrics';

const TWO_HOURS = 2 * 3_600_000;
const TWO_WEEKS = 14 * 86_400_000;

/** Custom metrics; the AWS/ namespaces are reserved to the lab's own services (service principals). */
export const PutMetricData = (ctx: Ctx, input: OperationInput<'monitoring', 'PutMetricData'>) => {
  if (input.Namespace.startsWith('AWS/') && ctx.principal.type !== 'service')
    throw invalidParameterValue(`The value ${input.Namespace} for parameter Namespace is invalid.`);
  if (input.MetricData.length > 1000) throw invalidParameterValue('The collection MetricData must not have a size greater than 1000.');
  const now = ctx.clock.now();
  input.MetricData.forEach((d, i) => {
    const at = `MetricData.member.${i + 1}`;
    const kinds = [d.Value !== undefined && 'Value', d.StatisticValues && 'StatisticValues', d.Values && 'Values'].filter(Boolean);
    if (kinds.length > 1) throw invalidParameterCombination(`The parameters ${at}.${kinds[0]} and ${at}.${kinds[1]} are mutually exclusive and you have specified both.`);
    if (d.Value !== undefined && !Number.isFinite(d.Value)) throw invalidParameterValue(`The value ${d.Value} for parameter ${at}.Value is invalid.`);
    if (d.Counts && (!d.Values || d.Counts.length !== d.Values.length))
      throw invalidParameterValue(`The parameters ${at}.Values and ${at}.Counts must be arrays of the same size.`);
    if (d.Values && d.Values.length > 150) throw invalidParameterValue(`The collection ${at}.Values must not have a size greater than 150.`);
    const s = d.StatisticValues;
    if (s && (s.SampleCount <= 0 || s.Minimum > s.Maximum)) throw invalidParameterValue(`The parameter ${at}.StatisticValues is invalid.`);
    if ((d.Dimensions?.length ?? 0) > 30) throw invalidParameterValue(`The collection ${at}.Dimensions must not have a size greater than 30.`);
    const t = d.Timestamp?.getTime();
    if (t !== undefined && t > now + TWO_HOURS) throw invalidParameterValue(`The parameter ${at}.Timestamp must specify a time no more than two hours in the future.`);
    if (t !== undefined && t < now - TWO_WEEKS) throw invalidParameterValue(`The parameter ${at}.Timestamp must specify a time within the past two weeks.`);
    if (d.StorageResolution !== undefined && d.StorageResolution !== 1 && d.StorageResolution !== 60)
      throw invalidParameterValue(`The value ${d.StorageResolution} for parameter ${at}.StorageResolution is invalid.`);
  });
  for (const d of input.MetricData) recordDatum(ctx, input.Namespace, d);
  return {};
};
