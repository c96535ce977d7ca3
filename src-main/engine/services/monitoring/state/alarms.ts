/** Metric alarms as rows: their configuration (PutMetricAlarm's input), state and history. */
import type { Store } from '../../../store/store';
import type { PutMetricAlarmInput } from '../../../models/generated/monitoring';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export type AlarmConfig = Omit<PutMetricAlarmInput, 'Tags'>;

export interface AlarmRow {
  account_id: string;
  region: string;
  name: string;
  arn: string;
  config: string;
  actions_enabled: number;
  state: AlarmState;
  state_reason: string;
  state_reason_data: string | null;
  state_updated_at: number;
  config_updated_at: number;
}

export interface Alarm {
  row: AlarmRow;
  config: AlarmConfig;
}

export const alarmArn = (region: string, accountId: string, name: string) => `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`;

export const parseAlarm = (row: AlarmRow): Alarm => ({ row, config: JSON.parse(row.config) as AlarmConfig });

export function findAlarm(store: Store, accountId: string, region: string, name: string): Alarm | undefined {
  const row = store.stmt('SELECT * FROM cw_alarms WHERE account_id = ? AND region = ? AND name = ?').get(accountId, region, name) as AlarmRow | undefined;
  return row ? parseAlarm(row) : undefined;
}

export function listAlarms(store: Store, accountId: string, region: string): Alarm[] {
  return (store.stmt('SELECT * FROM cw_alarms WHERE account_id = ? AND region = ? ORDER BY name').all(accountId, region) as AlarmRow[]).map(parseAlarm);
}

export function allAlarms(store: Store): Alarm[] {
  return (store.stmt('SELECT * FROM cw_alarms ORDER BY account_id, region, name').all() as AlarmRow[]).map(parseAlarm);
}

export function addHistory(store: Store, a: AlarmRow, time: number, type: 'ConfigurationUpdate' | 'StateUpdate' | 'Action', summary: string, data: unknown): void {
  store
    .stmt('INSERT INTO cw_alarm_history (account_id, region, alarm_name, time, type, summary, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(a.account_id, a.region, a.name, time, type, summary, JSON.stringify(data));
}

/** Sets the state (when it changes) and records the StateUpdate history item; returns whether it changed. */
export function setState(store: Store, alarm: Alarm, state: AlarmState, reason: string, reasonData: unknown, at: number): boolean {
  const old = alarm.row;
  if (old.state === state) return false;
  const data = reasonData === undefined ? null : JSON.stringify(reasonData);
  store
    .stmt('UPDATE cw_alarms SET state = ?, state_reason = ?, state_reason_data = ?, state_updated_at = ? WHERE account_id = ? AND region = ? AND name = ?')
    .run(state, reason, data, at, old.account_id, old.region, old.name);
  addHistory(store, old, at, 'StateUpdate', `Alarm updated from ${old.state} to ${state}`, {
    version: '1.0',
    oldState: { stateValue: old.state, stateReason: old.state_reason },
    newState: { stateValue: state, stateReason: reason, ...(reasonData === undefined ? {} : { stateReasonData: reasonData }) },
  });
  alarm.row = { ...old, state, state_reason: reason, state_reason_data: data, state_updated_at: at };
  return true;
}
