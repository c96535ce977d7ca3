import type { Ctx } from '../../core/provider';
import { trailNotFound } from './errors';
import { findTrail, type TrailRow } from './state/trails';

export function requireTrail(ctx: Ctx, name: string): TrailRow {
  const t = findTrail(ctx.store, ctx.accountId, ctx.region, name);
  if (!t) throw trailNotFound(`Unknown trail: ${name} for the user: ${ctx.accountId}`);
  return t;
}
