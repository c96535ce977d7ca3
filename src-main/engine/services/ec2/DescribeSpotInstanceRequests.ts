import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidSpotRequestNotFound } from './errors';
import { applyFilters, type FilterTable } from './filters';
import { paginate } from './pagination';
import { spotRequestOutput } from './RequestSpotInstances';
import { catchUp } from './state/instance-lifecycle';
import { checkSpotRequestId, listSpotRequests, type SpotRequestRow } from './state/spot';
import { tagsByResource, type Tag } from './state/tags';

type Item = SpotRequestRow & { tags: Tag[] };

const SPOT_FILTERS: FilterTable<Item> = {
  'spot-instance-request-id': (r) => r.request_id,
  state: (r) => r.state,
  'status-code': (r) => r.status_code,
  'status-message': (r) => r.status_message,
  'instance-id': (r) => r.instance_id,
  'spot-price': (r) => r.spot_price,
  type: (r) => r.type,
  'launched-availability-zone': (r) => r.availability_zone,
  'product-description': () => 'Linux/UNIX',
  'launch.instance-type': (r) => (JSON.parse(r.launch_spec) as { InstanceType?: string }).InstanceType,
  'launch.image-id': (r) => (JSON.parse(r.launch_spec) as { ImageId?: string }).ImageId,
  'launch.key-name': (r) => (JSON.parse(r.launch_spec) as { KeyName?: string }).KeyName,
};

export function DescribeSpotInstanceRequests(ctx: Ctx, input: Ec2Input<'DescribeSpotInstanceRequests'>): Ec2Output<'DescribeSpotInstanceRequests'> {
  catchUp(ctx);
  const ids = input.SpotInstanceRequestIds ?? [];
  for (const id of ids) checkSpotRequestId(id);
  let rows = listSpotRequests(ctx);
  for (const id of ids) if (!rows.some((r) => r.request_id === id)) throw invalidSpotRequestNotFound(id);
  if (ids.length) rows = rows.filter((r) => ids.includes(r.request_id));
  checkDryRun(input);
  const tags = tagsByResource(ctx, rows.map((r) => r.request_id));
  const items = applyFilters(rows.map((r) => ({ ...r, tags: tags.get(r.request_id) ?? [] })), input.Filters, { table: SPOT_FILTERS, tags: (r) => r.tags });
  const { page, nextToken } = paginate(items, input, { operation: 'DescribeSpotInstanceRequests' });
  return {
    SpotInstanceRequests: page.map((r) => spotRequestOutput(ctx, r, r.tags)) as Ec2Output<'DescribeSpotInstanceRequests'>['SpotInstanceRequests'],
    NextToken: nextToken,
  };
}
