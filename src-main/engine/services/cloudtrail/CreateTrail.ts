import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidTrailName, trailAlreadyExists } from './errors';
import { findTrail, trailArn, trailView, type TrailRow } from './state/trails';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/;

/** A new trail does not log until StartLogging, as in CloudTrail. */
export const CreateTrail = (ctx: Ctx, input: OperationInput<'cloudtrail', 'CreateTrail'>) => {
  if (!NAME.test(input.Name) || /[._-]{2}/.test(input.Name))
    throw invalidTrailName(
      'Trail name must start with a letter or number, be 3 to 128 characters long, and contain only letters, numbers, periods, underscores and dashes.',
    );
  if (findTrail(ctx.store, ctx.accountId, ctx.region, input.Name))
    throw trailAlreadyExists(`Trail ${input.Name} already exists for customer: ${ctx.accountId}`);
  const { TagsList: _tags, ...config } = input;
  const row: TrailRow = {
    account_id: ctx.accountId,
    region: ctx.region,
    name: input.Name,
    arn: trailArn(ctx.region, ctx.accountId, input.Name),
    config: JSON.stringify(config),
    logging: 0,
    started_at: null,
    stopped_at: null,
    delivered_through: null,
    last_delivery: null,
    last_delivery_error: null,
  };
  ctx.store
    .stmt(
      `INSERT INTO ct_trails (account_id, region, name, arn, config, logging, started_at, stopped_at, delivered_through, last_delivery, last_delivery_error)
       VALUES (@account_id, @region, @name, @arn, @config, @logging, @started_at, @stopped_at, @delivered_through, @last_delivery, @last_delivery_error)`,
    )
    .run(row);
  return trailView(row);
};
