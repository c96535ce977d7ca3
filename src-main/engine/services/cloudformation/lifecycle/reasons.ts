/**
 * Pieces the runner and its steps (apply, cleanup, rollback) share, kept below all of them so the
 * steps import the runner only as a type and no import cycle runs through them.
 */
import { randomUUID } from 'node:crypto';
import { AwsError } from '../../../protocol/errors';
import { decl as rowDecl, props as rowProps, type ResourceRow } from '../state/resources';
import { isObject } from '../template/parse';
import { parseDuration } from './timing';

const SERVICE_NAMES: Record<string, string> = { ec2: 'AmazonEC2', s3: 'Amazon S3', iam: 'AmazonIdentityManagement' };

/** A failed call as CloudFormation reports it in a resource's status reason. */
export function failureReason(e: unknown, service: string): string {
  if (e instanceof AwsError) {
    return `${e.message} (Service: ${SERVICE_NAMES[service] ?? service}; Status Code: ${e.status}; Error Code: ${e.code}; Request ID: ${randomUUID()}; Proxy: null)`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** The signals a resource waits for after it is created, if any. */
export function signalWait(r: ResourceRow): { count: number; timeoutMs: number } | undefined {
  const d = rowDecl(r);
  const policy = isObject(d.CreationPolicy) && isObject(d.CreationPolicy.ResourceSignal) ? d.CreationPolicy.ResourceSignal : undefined;
  if (policy) {
    return { count: Number(policy.Count ?? 1), timeoutMs: parseDuration(String(policy.Timeout ?? 'PT5M')) ?? 300_000 };
  }
  if (r.type === 'AWS::CloudFormation::WaitCondition') {
    const p = rowProps(r) ?? {};
    return { count: Number(p.Count ?? 1), timeoutMs: Number(p.Timeout ?? 43200) * 1000 };
  }
  return undefined;
}
