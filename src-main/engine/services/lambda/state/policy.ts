/** A function's resource policy (AddPermission statements) and the check a service's invoke must pass. */
import type { Principal } from '../../../protocol/types';
import type { FunctionRow } from './functions';

export interface Statement {
  Sid: string;
  Effect: 'Allow';
  Principal: { Service: string } | { AWS: string };
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

export const statementsOf = (row: Pick<FunctionRow, 'policy'>): Statement[] => JSON.parse(row.policy) as Statement[];

export const policyDocument = (statements: Statement[]) => JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements });

const glob = (pattern: string, value: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(value);

/**
 * Services that must be granted invoke permission in the function's own policy (EventBridge, SNS,
 * S3), as on AWS; `sourceArn` is the rule, topic or bucket that triggered the call, when known.
 */
export const GATED_SERVICES = new Set(['events.amazonaws.com', 'sns.amazonaws.com', 's3.amazonaws.com']);

export function servicePermitted(row: Pick<FunctionRow, 'policy'>, principal: Principal, sourceArn?: string): boolean {
  if (principal.type !== 'service' || !GATED_SERVICES.has(principal.userId)) return true;
  return statementsOf(row).some((s) => {
    if (!('Service' in s.Principal) || s.Principal.Service !== principal.userId) return false;
    if (s.Action !== 'lambda:InvokeFunction' && s.Action !== 'lambda:*') return false;
    const like = s.Condition?.ArnLike?.['AWS:SourceArn'];
    return !like || !sourceArn || glob(like, sourceArn);
  });
}
