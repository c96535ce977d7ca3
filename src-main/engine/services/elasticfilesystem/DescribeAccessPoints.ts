import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { DescribeAccessPointsInput, DescribeAccessPointsOutput } from '../../models/generated/elasticfilesystem';
import { badRequest } from './errors';
import { getFs } from './state/file-systems';
import { describeAp, getAp, type ApRow } from './state/access-points';
import { page } from './paging';

export function DescribeAccessPoints(ctx: Ctx, input: DescribeAccessPointsInput): DescribeAccessPointsOutput {
  if (input.AccessPointId && input.FileSystemId) throw badRequest('Specify either an AccessPointId or a FileSystemId, not both.');
  let rows: ApRow[];
  if (input.AccessPointId) rows = [getAp(ctx, input.AccessPointId)];
  else if (input.FileSystemId) {
    getFs(ctx, input.FileSystemId);
    rows = scoped(ctx).all<ApRow>('SELECT * FROM efs_access_points WHERE fs_id = ? ORDER BY created_at, id', input.FileSystemId);
  } else rows = scoped(ctx).all<ApRow>('SELECT * FROM efs_access_points ORDER BY created_at, id');
  const { items, next } = page(rows, input.NextToken, input.MaxResults, 100);
  return { AccessPoints: items.map(describeAp), ...(next ? { NextToken: next } : {}) };
}
