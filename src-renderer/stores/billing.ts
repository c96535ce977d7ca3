/**
 * "Cost so far" in the top bar: the month's EC2 costs after the free tier (billing.summary), refreshed
 * after calls that change what is billed and every minute while something accrues.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { BillingSummary } from '../../src-main/contract';
import { useContractClient } from '../contract-client';

const BILLED = /^(RunInstances|StartInstances|StopInstances|TerminateInstances|ModifyInstanceAttribute|CreateVolume|DeleteVolume|CreateSnapshot|DeleteSnapshot|AllocateAddress|ReleaseAddress|AssociateAddress|DisassociateAddress)$/;

export const useBillingStore = defineStore('billing', () => {
  const client = useContractClient();
  const summary = ref<BillingSummary>();

  async function load(): Promise<void> {
    try {
      summary.value = await client.request('billing.summary', {});
    } catch {
      // Shown as "…" until the next refresh; billing is informative, never blocking.
    }
  }
  const total = computed(() => (summary.value ? `$${summary.value.total.toFixed(2)}` : '…'));

  client.onOpen(() => void load());
  client.on('events.appended', (e) => {
    if (e.service === 'ec2' && !e.errorCode && BILLED.test(e.operation)) void load();
  });
  // Costs accrue with simulated time even when nobody calls anything.
  setInterval(() => void load(), 60_000);

  return { summary, total, load };
});
