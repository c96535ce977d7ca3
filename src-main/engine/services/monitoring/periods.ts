/** Period and time-range rules shared by GetMetricStatistics, GetMetricData and PutMetricAlarm. */
import { invalidParameterCombination, invalidParameterValue } from './errors';

export const MAX_DATAPOINTS = 1440;

/** 1, 5, 10, 30 or a multiple of 60 seconds. */
export const validPeriod = (p: number): boolean => p > 0 && Number.isInteger(p) && ([1, 5, 10, 30].includes(p) || p % 60 === 0);

export function checkRange(start: Date, end: Date, period: number, member = 'Period'): void {
  if (!validPeriod(period)) throw invalidParameterValue(`The parameter ${member} must be a multiple of 60.`);
  if (start.getTime() >= end.getTime()) throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
}

/** Bucket alignment: the start rounded down to the period (at least to the minute for long periods). */
export const alignStart = (start: number, periodMs: number): number => Math.floor(start / Math.min(periodMs, 60_000)) * Math.min(periodMs, 60_000);

export function checkDatapointLimit(start: number, end: number, periodMs: number): void {
  const n = Math.ceil((end - start) / periodMs);
  if (n > MAX_DATAPOINTS)
    throw invalidParameterCombination(
      `You have requested up to ${n} datapoints, which exceeds the limit of ${MAX_DATAPOINTS}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
    );
}
