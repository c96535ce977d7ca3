/**
 * EC2 instances as the console shows them: a mirror of DescribeInstances (+ DescribeInstanceStatus
 * for the status checks), polled every second while an instance is between states, reloaded after
 * any instance call (console, CLI, SDK). Every action is the AWS operation of the same name.
 */
import { defineStore, storeToRefs } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { JsonObject } from '../../src-main/contract';
import { useContractClient } from '../contract-client';
import { useAws } from '../composables/useAws';
import { base64ToBytes } from '../composables/useDownload';
import { list, tag, text, type Row } from '../aws/json';
import { useLabStore } from './lab';

/** States an instance leaves by itself: the console keeps polling while one is shown. */
export const TRANSITIONAL = new Set(['pending', 'stopping', 'shutting-down', 'rebooting']);

const INSTANCE_OPS = new Set([
  'RunInstances',
  'StartInstances',
  'StopInstances',
  'RebootInstances',
  'TerminateInstances',
  'ModifyInstanceAttribute',
  'CreateTags',
  'DeleteTags',
  'AssociateAddress',
  'DisassociateAddress',
  'AttachVolume',
  'DetachVolume',
  'ModifyInstanceMetadataOptions',
]);

export interface InstanceRow {
  id: string;
  name: string;
  state: string;
  type: string;
  statusCheck: string;
  zone: string;
  publicDns: string;
  publicIp: string;
  raw: Row;
}

export const flattenReservations = (output: JsonObject): Row[] =>
  list(output, 'Reservations').flatMap((r) => list(r, 'Instances'));

/** AWS's status check column: "Initializing", "2/2 checks passed", "1/2 checks passed"... */
export function statusCheck(state: string, status: Row | undefined): string {
  if (state !== 'running') return '–';
  if (!status) return 'Initializing';
  const sys = text(status, 'SystemStatus.Status');
  const inst = text(status, 'InstanceStatus.Status');
  if (sys === 'initializing' || inst === 'initializing') return 'Initializing';
  const passed = [sys, inst].filter((s) => s === 'ok').length;
  return `${passed}/2 checks passed`;
}

export function toInstanceRow(raw: Row, status?: Row): InstanceRow {
  const state = text(raw, 'State.Name');
  return {
    id: text(raw, 'InstanceId'),
    name: tag(raw, 'Name'),
    state,
    type: text(raw, 'InstanceType'),
    statusCheck: statusCheck(state, status),
    zone: text(raw, 'Placement.AvailabilityZone'),
    publicDns: text(raw, 'PublicDnsName'),
    publicIp: text(raw, 'PublicIpAddress'),
    raw,
  };
}

export const useInstancesStore = defineStore('instances', () => {
  const client = useContractClient();
  const { call, attempt } = useAws();
  const { region, connection } = storeToRefs(useLabStore());
  const raw = ref<Row[]>([]);
  const statuses = ref<Map<string, Row>>(new Map());
  const loading = ref(false);
  const loaded = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let statusUnavailable = false;

  const rows = computed(() => raw.value.map((r) => toInstanceRow(r, statuses.value.get(text(r, 'InstanceId')))));
  const busy = computed(() => rows.value.some((r) => TRANSITIONAL.has(r.state) || r.statusCheck === 'Initializing'));
  const byId = (id: string) => rows.value.find((r) => r.id === id);

  async function load(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const output = await call('ec2', 'DescribeInstances');
      if (mine !== generation) return;
      raw.value = flattenReservations(output);
      loaded.value = true;
      await loadStatuses(mine);
    } catch (e) {
      if (mine === generation) await attempt('Could not describe instances', () => Promise.reject(e));
    } finally {
      if (mine === generation) loading.value = false;
      schedule();
    }
  }

  async function loadStatuses(mine: number): Promise<void> {
    if (statusUnavailable || !raw.value.some((r) => text(r, 'State.Name') === 'running')) return;
    try {
      const out = await call('ec2', 'DescribeInstanceStatus');
      if (mine !== generation) return;
      statuses.value = new Map(list(out, 'InstanceStatuses').map((s) => [text(s, 'InstanceId'), s]));
    } catch {
      statusUnavailable = true; // the lab has no status checks yet: the column shows "–"-like text
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = busy.value ? setTimeout(() => void load(), 1000) : undefined;
  }

  client.on('events.appended', (event) => {
    if (loaded.value && event.service === 'ec2' && !event.errorCode && INSTANCE_OPS.has(event.operation)) void load();
  });
  watch(
    [region, connection],
    ([, state]) => {
      if (state !== 'open') return;
      raw.value = [];
      loaded.value = false;
      void load();
    },
    { immediate: true },
  );

  /** RunInstances' own answer goes straight into the list: the new row shows before the next Describe. */
  function addLaunched(output: JsonObject): void {
    const launched = list(output, 'Instances');
    const ids = new Set(launched.map((i) => text(i, 'InstanceId')));
    raw.value = [...raw.value.filter((r) => !ids.has(text(r, 'InstanceId'))), ...launched];
    schedule();
  }

  const ok = (verb: string, ids: string[]) => () => `Successfully ${verb} ${ids.join(', ')}`;

  async function start(ids: string[]) {
    await attempt('Failed to start the instance', () => call('ec2', 'StartInstances', { InstanceIds: ids }), ok('started', ids));
    await load();
  }
  async function stop(ids: string[], force = false) {
    await attempt('Failed to stop the instance', () => call('ec2', 'StopInstances', { InstanceIds: ids, Force: force }), ok('stopped', ids));
    await load();
  }
  async function reboot(ids: string[]) {
    await attempt('Failed to reboot the instance', () => call('ec2', 'RebootInstances', { InstanceIds: ids }), ok('rebooted', ids));
    await load();
  }
  async function terminate(ids: string[]) {
    await attempt('Failed to terminate the instance', () => call('ec2', 'TerminateInstances', { InstanceIds: ids }), ok('terminated', ids));
    await load();
  }
  async function changeType(id: string, type: string): Promise<boolean> {
    const done = await attempt(
      'Failed to change the instance type',
      () => call('ec2', 'ModifyInstanceAttribute', { InstanceId: id, InstanceType: { Value: type } }),
      () => `Successfully changed the instance type of ${id} to ${type}`,
    );
    await load();
    return done !== undefined;
  }
  async function systemLog(id: string): Promise<string | undefined> {
    const out = await attempt('Failed to get the system log', () => call('ec2', 'GetConsoleOutput', { InstanceId: id, Latest: true }));
    if (!out) return undefined;
    const b64 = text(out, 'Output');
    return b64 ? new TextDecoder().decode(base64ToBytes(b64)) : '';
  }

  return { rows, raw, loading, loaded, busy, byId, load, addLaunched, start, stop, reboot, terminate, changeType, systemLog };
});
