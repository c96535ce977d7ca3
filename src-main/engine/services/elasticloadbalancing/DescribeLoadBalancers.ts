import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { classicOutput, getClassic, listClassic } from './state/load-balancers';

export const DescribeLoadBalancers = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'DescribeLoadBalancers'>) => {
  const names = input.LoadBalancerNames ?? [];
  const rows = names.length ? names.map((n) => getClassic(ctx, n)) : listClassic(ctx);
  const size = input.PageSize ?? 400;
  if (size < 1 || size > 400) throw validationError('PageSize must be between 1 and 400.');
  const start = input.Marker ? Number(Buffer.from(input.Marker, 'base64').toString('utf8')) : 0;
  if (!Number.isInteger(start) || start < 0) throw validationError('Invalid Marker.');
  const page = rows.slice(start, start + size);
  const next = start + size < rows.length ? Buffer.from(String(start + size)).toString('base64') : undefined;
  return { LoadBalancerDescriptions: page.map((lb) => classicOutput(ctx, lb)), ...(next ? { NextMarker: next } : {}) };
};
