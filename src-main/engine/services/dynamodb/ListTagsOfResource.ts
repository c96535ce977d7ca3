import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { tableByArn } from './tags';

export function ListTagsOfResource(ctx: Ctx, input: OperationInput<'dynamodb', 'ListTagsOfResource'>) {
  return { Tags: tableByArn(ctx, input.ResourceArn).spec.tags };
}
