/** How stacks, resources and events look in CloudFormation's answers. */
import type { EventRow } from './state/events';
import { decl, type ResourceRow } from './state/resources';
import { stackOutputs, stackParameters, stackTags, type StackRow } from './state/stacks';
import { describeParameters } from './lifecycle/prepare';
import { SIMULATED_REASON } from './providers';

const date = (ms: number | null | undefined) => (ms === null || ms === undefined ? undefined : new Date(ms));

export function stackView(s: StackRow): Record<string, unknown> {
  const view: Record<string, unknown> = {
    StackId: s.stack_id,
    StackName: s.name,
    ChangeSetId: s.change_set_id ?? undefined,
    Description: s.description ?? undefined,
    Parameters: describeParameters(stackParameters(s)),
    CreationTime: date(s.created_at),
    DeletionTime: date(s.deleted_at),
    LastUpdatedTime: date(s.updated_at),
    RollbackConfiguration: {},
    StackStatus: s.status,
    StackStatusReason: s.status_reason ?? undefined,
    DisableRollback: s.disable_rollback === 1,
    NotificationARNs: JSON.parse(s.notification_arns_json) as string[],
    TimeoutInMinutes: s.timeout_minutes ?? undefined,
    Capabilities: JSON.parse(s.capabilities_json) as string[],
    Outputs: stackOutputs(s).length ? stackOutputs(s) : undefined,
    RoleARN: s.role_arn ?? undefined,
    Tags: stackTags(s),
    EnableTerminationProtection: s.termination_protection === 1,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
  for (const k of Object.keys(view)) if (view[k] === undefined) delete view[k];
  return view;
}

export function eventView(s: StackRow, e: EventRow): Record<string, unknown> {
  const v: Record<string, unknown> = {
    StackId: s.stack_id,
    EventId: e.event_id,
    StackName: s.name,
    LogicalResourceId: e.logical_id,
    PhysicalResourceId: e.physical_id ?? '',
    ResourceType: e.type,
    Timestamp: new Date(e.time),
    ResourceStatus: e.status,
  };
  if (e.reason) v.ResourceStatusReason = e.reason;
  if (e.properties_json) v.ResourceProperties = e.properties_json;
  return v;
}

/** Resources a describe shows: those that were ever started. */
export const visible = (r: ResourceRow) => r.status !== '';

export const resourceReason = (r: ResourceRow): string | undefined =>
  r.status_reason ?? (r.simulated ? SIMULATED_REASON : undefined);

export function resourceView(s: StackRow, r: ResourceRow): Record<string, unknown> {
  const v: Record<string, unknown> = {
    StackName: s.name,
    StackId: s.stack_id,
    LogicalResourceId: r.logical_id,
    PhysicalResourceId: r.physical_id ?? undefined,
    ResourceType: r.type,
    Timestamp: new Date(r.updated_at),
    ResourceStatus: r.status,
    ResourceStatusReason: resourceReason(r),
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
  for (const k of Object.keys(v)) if (v[k] === undefined) delete v[k];
  return v;
}

export function resourceDetail(s: StackRow, r: ResourceRow): Record<string, unknown> {
  const { Timestamp, ...rest } = resourceView(s, r);
  const d = decl(r);
  return {
    ...rest,
    LastUpdatedTimestamp: Timestamp,
    ...(d.Metadata !== undefined ? { Metadata: JSON.stringify(d.Metadata) } : {}),
  };
}

export function resourceSummary(r: ResourceRow): Record<string, unknown> {
  const v: Record<string, unknown> = {
    LogicalResourceId: r.logical_id,
    PhysicalResourceId: r.physical_id ?? undefined,
    ResourceType: r.type,
    LastUpdatedTimestamp: new Date(r.updated_at),
    ResourceStatus: r.status,
    ResourceStatusReason: resourceReason(r),
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
  for (const k of Object.keys(v)) if (v[k] === undefined) delete v[k];
  return v;
}
