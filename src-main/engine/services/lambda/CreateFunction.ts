import { scoped } from '../../core/scoped';
import { streaming, type Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { packageOf } from './code';
import { applyConfig } from './config-input';
import { conflict, invalidParameter } from './errors';
import { checkRole } from './role';
import { checkName, checkPackage, configurationOf, findFunction, functionArn, lambdaTime, newRevision, resolveVersion } from './state/functions';
import { publishVersion } from './state/versions';
import { prewarm } from './runtime/invoker';

type Input = OperationInput<'lambda', 'CreateFunction'>;

/** Reads the package (inline or from S3) before the write, then creates $LATEST in one transaction. */
export const CreateFunction = streaming(async (ctx: Ctx, input: Input) => {
  checkName(input.FunctionName);
  if ((input.PackageType ?? 'Zip') !== 'Zip') throw invalidParameter('Container images are not available in the lab: deploy a .zip file archive.');
  if (!input.Runtime || !input.Handler) throw invalidParameter('Runtime and Handler are mandatory parameters for functions created with deployment packages.');
  const zip = await packageOf(ctx, input.Code);
  const pkg = checkPackage(zip);
  const config = applyConfig(
    { Role: input.Role, Description: '', Timeout: 3, MemorySize: 128, Architectures: ['x86_64'], PackageType: 'Zip', EphemeralStorage: 512 },
    input,
  );
  const created = ctx.commit(() => {
    checkRole(ctx, input.Role);
    if (findFunction(ctx, input.FunctionName)) throw conflict(`Function already exist: ${input.FunctionName}`);
    scoped(ctx).insert('lambda_functions', {
      name: input.FunctionName,
      arn: functionArn(ctx, input.FunctionName),
      config: JSON.stringify(config),
      code: zip,
      code_sha: pkg.sha,
      code_size: pkg.size,
      revision_id: newRevision(),
      last_modified: lambdaTime(ctx.clock.now()),
      tags: JSON.stringify(input.Tags ?? {}),
    });
    if (input.Publish) return configurationOf(publishVersion(ctx, input.FunctionName, input.Description));
    return configurationOf(resolveVersion(ctx, input.FunctionName));
  });
  prewarm(ctx.store, input.Runtime);
  return created;
});
