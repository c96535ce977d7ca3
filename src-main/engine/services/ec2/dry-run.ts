/**
 * DryRun: EC2 answers `DryRunOperation` (412) when the caller is allowed to make the request and it
 * would have succeeded. IAM is checked by the dispatcher before the handler runs, so a handler calls
 * this after its own checks that need no writes (ids exist, parameters make sense) and before it
 * changes anything.
 */
import { dryRunOperation } from './errors';

export function checkDryRun(input: { DryRun?: boolean }): void {
  if (input.DryRun === true) throw dryRunOperation();
}
