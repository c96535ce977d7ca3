/**
 * AccessDenied in each service's own form. The message is AWS's: "User: ARN is not authorized to
 * perform: ACTION [on resource: ARN] because no identity-based policy allows the ACTION action".
 * EC2 wraps it in UnauthorizedOperation with an encoded authorization message, which
 * sts:DecodeAuthorizationMessage turns back into JSON.
 */
import { AwsError } from '../protocol/errors';
import type { EvalResult } from './evaluate';

/** Error code and HTTP status of a denial, per service (default: AccessDenied, 403). */
const FORMS: Record<string, { code: string; status: number }> = {
  ec2: { code: 'UnauthorizedOperation', status: 403 },
  dynamodb: { code: 'AccessDeniedException', status: 400 },
  lambda: { code: 'AccessDeniedException', status: 403 },
  logs: { code: 'AccessDeniedException', status: 400 },
  events: { code: 'AccessDeniedException', status: 400 },
  cloudtrail: { code: 'AccessDeniedException', status: 400 },
  'application-autoscaling': { code: 'AccessDeniedException', status: 400 },
  opsworks: { code: 'AccessDeniedException', status: 400 },
  elasticfilesystem: { code: 'AccessDeniedException', status: 403 },
  'resource-groups': { code: 'ForbiddenException', status: 403 },
  glacier: { code: 'AccessDeniedException', status: 403 },
  pricing: { code: 'AccessDeniedException', status: 400 },
};

export function denialMessage(principalArn: string, action: string, resource: string, result: EvalResult): string {
  const on = resource === '*' ? '' : ` on resource: ${resource}`;
  return `User: ${principalArn} is not authorized to perform: ${action}${on} ${result.reason}`;
}

/** The opaque part of EC2's message: base64 of the decision, which DecodeAuthorizationMessage reveals. */
export function encodeAuthorizationMessage(principalArn: string, action: string, resource: string, result: EvalResult): string {
  const doc = {
    allowed: false,
    explicitDeny: result.decision === 'ExplicitDeny',
    matchedStatements: { items: result.matched.map((m) => ({ policy: m.policy, sid: m.sid, effect: m.effect, source: m.source })) },
    failures: { items: [] },
    context: { principal: { arn: principalArn }, action, resource, conditions: { items: [] } },
  };
  return Buffer.from(JSON.stringify(doc)).toString('base64url');
}

export function denial(service: string, principalArn: string, action: string, resource: string, result: EvalResult): AwsError {
  const form = FORMS[service] ?? { code: 'AccessDenied', status: 403 };
  const message = denialMessage(principalArn, action, resource, result);
  if (service === 'ec2') {
    return new AwsError(
      form.code,
      `You are not authorized to perform this operation. ${message}. Encoded authorization failure message: ${encodeAuthorizationMessage(principalArn, action, resource, result)}`,
      form.status,
    );
  }
  return new AwsError(form.code, message, form.status);
}
