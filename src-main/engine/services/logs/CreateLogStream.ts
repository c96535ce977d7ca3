import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter, resourceAlreadyExists } from './errors';
import { requireGroup } from './group-lookup';
import { createStream, findStream } from './state/groups';

export const CreateLogStream = (ctx: Ctx, input: OperationInput<'logs', 'CreateLogStream'>) => {
  const g = requireGroup(ctx, input);
  if (!/^[^:*]{1,512}$/.test(input.logStreamName)) throw invalidParameter(`1 validation error detected: Value '${input.logStreamName}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`);
  if (findStream(ctx, g.name, input.logStreamName)) throw resourceAlreadyExists('The specified log stream already exists');
  createStream(ctx, g.name, input.logStreamName);
  return {};
};
