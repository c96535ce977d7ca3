import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter, resourceAlreadyExists } from './errors';
import { createGroup, findGroup } from './state/groups';

const NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

export const CreateLogGroup = (ctx: Ctx, input: OperationInput<'logs', 'CreateLogGroup'>) => {
  if (!NAME.test(input.logGroupName)) throw invalidParameter(`1 validation error detected: Value '${input.logGroupName}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`);
  if (findGroup(ctx, input.logGroupName)) throw resourceAlreadyExists('The specified log group already exists');
  createGroup(ctx, input.logGroupName, { kmsKeyId: input.kmsKeyId, tags: input.tags });
  return {};
};
