/** RDS's calls to EC2, made as the RDS service (its interfaces are requester-managed in AWS). */
import { servicePrincipal } from '../../core/account';
import type { Call } from '../../protocol/types';
import { AwsError } from '../../protocol/errors';

export type Ec2Answer = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function ec2Caller(call: Call, accountId: string, region: string) {
  return async (operation: string, input: Record<string, unknown>): Promise<Ec2Answer> =>
    (await call(servicePrincipal(accountId, 'rds'), 'ec2', operation, input, { region, source: 'internal' })) as Ec2Answer;
}

/** EC2's error code, when the call failed with one. */
export const ec2Code = (err: unknown): string | undefined => (err instanceof AwsError ? err.code : undefined);
