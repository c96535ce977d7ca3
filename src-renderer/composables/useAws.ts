/**
 * Every console action is an AWS operation through the contract's aws.call (DESIGN principle 1).
 * `call` runs one in the learner's region; `attempt` runs one and reports the outcome in the
 * flashbar with AWS's error code and message, as AWS's console does.
 */
import { storeToRefs } from 'pinia';
import type { JsonObject } from '../../src-main/contract';
import { ContractRequestError, useContractClient } from '../contract-client';
import { useFlashStore } from '../stores/flash';
import { useLabStore } from '../stores/lab';

export type AwsCall = (service: string, operation: string, input?: JsonObject, region?: string) => Promise<JsonObject>;

export function useAws() {
  const client = useContractClient();
  const flash = useFlashStore();
  const { region } = storeToRefs(useLabStore());

  const call: AwsCall = (service, operation, input = {}, inRegion) =>
    client.request('aws.call', { service, operation, input, region: inRegion ?? (region.value || undefined) });

  function showError(title: string, e: unknown): void {
    if (e instanceof ContractRequestError) flash.show({ kind: 'error', title, code: e.code, message: e.message });
    else flash.show({ kind: 'error', title, message: e instanceof Error ? e.message : String(e) });
  }

  /** Runs `fn`; on success flashes `ok` (if given), on failure AWS's error under `fail`. */
  async function attempt<T>(fail: string, fn: () => Promise<T>, ok?: (result: T) => string | undefined): Promise<T | undefined> {
    try {
      const result = await fn();
      const message = ok?.(result);
      if (message) flash.show({ kind: 'success', title: message });
      return result;
    } catch (e) {
      showError(fail, e);
      return undefined;
    }
  }

  return { call, attempt, showError, region };
}
