/** Timestamp formats of the wire protocols: each location has its default, a `timestampFormat` trait wins. */
export type TimestampFormat = 'iso8601' | 'rfc822' | 'unixTimestamp';

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Accepts any of the three formats whatever the expected one (clients differ); undefined when invalid. */
export function parseTimestamp(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value * 1000) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const date = NUMERIC.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatTimestamp(value: unknown, format: TimestampFormat): string | number {
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value) : new Date(String(value));
  if (format === 'unixTimestamp') return date.getTime() / 1000;
  if (format === 'rfc822') return date.toUTCString();
  return date.toISOString();
}
