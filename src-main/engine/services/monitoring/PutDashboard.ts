import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { dashboardInvalidInput } from './errors';

/** Dashboards are global per account; the body must be JSON with a `widgets` array. */
export const PutDashboard = (ctx: Ctx, input: OperationInput<'monitoring', 'PutDashboard'>) => {
  if (!/^[\w-]{1,255}$/.test(input.DashboardName)) throw dashboardInvalidInput('The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).');
  let body: unknown;
  try {
    body = JSON.parse(input.DashboardBody);
  } catch {
    throw dashboardInvalidInput('The field DashboardBody must be a valid JSON object');
  }
  if (!body || typeof body !== 'object' || !Array.isArray((body as { widgets?: unknown }).widgets)) throw dashboardInvalidInput('The dashboard body is invalid, there are 1 validation errors: [ { "dataPath": "", "message": "Should have required property \'widgets\'" } ]');
  ctx.store
    .stmt('INSERT INTO cw_dashboards (account_id, name, body, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (account_id, name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at')
    .run(ctx.accountId, input.DashboardName, input.DashboardBody, ctx.clock.now());
  return { DashboardValidationMessages: [] };
};
