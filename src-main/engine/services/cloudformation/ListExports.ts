import type { Ctx } from '../../core/provider';
import { listExports } from './state/stacks';

export const ListExports = (ctx: Ctx, _input: { NextToken?: string }) => ({
  Exports: listExports(ctx.store, ctx.accountId, ctx.region).map((e) => ({ ExportingStackId: e.stackId, Name: e.name, Value: e.value })),
});
