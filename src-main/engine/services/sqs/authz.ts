/** A queue's access policy for IAM's evaluation (SNS and S3 delivering to a queue, other accounts). */
import { compilePolicy } from '../../iam/compile';
import type { ResourcePolicy } from '../../iam/hooks';
import type { Store } from '../../store/store';

export function queuePolicyFor(store: Store, arn: string): ResourcePolicy | undefined {
  const m = /^arn:[^:]+:sqs:([^:]+):(\d{12}):(.+)$/.exec(arn);
  if (!m) return undefined;
  const row = store.stmt('SELECT attributes FROM sqs_queues WHERE account_id = ? AND region = ? AND name = ?').get(m[2], m[1], m[3]) as { attributes: string } | undefined;
  const text = row ? (JSON.parse(row.attributes) as Record<string, string>).Policy : undefined;
  if (!text) return undefined;
  try {
    return { policy: compilePolicy(text, 'resource', arn), accountId: m[2]! };
  } catch {
    // Stored policies were compiled when set; one the policy grammar no longer takes grants nothing.
    return undefined;
  }
}
