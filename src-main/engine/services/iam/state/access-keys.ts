/**
 * IAM users' access keys: rows of the core `access_keys` table (where SigV4 finds them), with the
 * user's ARN and unique id as the principal. At most two per user.
 */
import type { Store } from '../../../store/store';
import { awsUniqueId, secretAccessKey } from '../../../ids';
import type { EntityRow } from './entities';

export interface KeyRow {
  access_key_id: string;
  secret_access_key: string;
  user_id: string;
  status: string;
  created_at: number;
}

export const keysOfUser = (store: Store, userId: string): KeyRow[] =>
  store
    .stmt("SELECT * FROM access_keys WHERE user_id = ? AND principal_type = 'user' AND session_token IS NULL ORDER BY created_at, access_key_id")
    .all(userId) as KeyRow[];

export function createKey(store: Store, user: EntityRow, now: number): KeyRow {
  const row: KeyRow = { access_key_id: awsUniqueId('AKIA'), secret_access_key: secretAccessKey(), user_id: user.id, status: 'Active', created_at: now };
  store
    .stmt(
      `INSERT INTO access_keys (access_key_id, secret_access_key, account_id, principal_type, principal_arn, user_id, status, created_at)
       VALUES (?, ?, ?, 'user', ?, ?, 'Active', ?)`,
    )
    .run(row.access_key_id, row.secret_access_key, user.account_id, user.arn, user.id, now);
  return row;
}

export const findKey = (store: Store, accessKeyId: string): (KeyRow & { account_id: string; principal_type: string }) | undefined =>
  store.stmt('SELECT * FROM access_keys WHERE access_key_id = ?').get(accessKeyId) as (KeyRow & { account_id: string; principal_type: string }) | undefined;

export const setKeyStatus = (store: Store, accessKeyId: string, status: string): void => {
  store.stmt('UPDATE access_keys SET status = ? WHERE access_key_id = ?').run(status, accessKeyId);
};

export const deleteKey = (store: Store, accessKeyId: string): void => {
  store.stmt('DELETE FROM access_keys WHERE access_key_id = ?').run(accessKeyId);
};

/** A renamed user keeps its keys; their principal ARN follows the new name. */
export const renameKeysPrincipal = (store: Store, userId: string, arn: string): void => {
  store.stmt("UPDATE access_keys SET principal_arn = ? WHERE user_id = ? AND principal_type = 'user'").run(arn, userId);
};

/** Last use from the event history (CloudTrail's view): time, service and region of the newest call. */
export const lastUse = (store: Store, accessKeyId: string): { time: number; service: string; region: string } | undefined =>
  store.stmt('SELECT time, service, region FROM events WHERE access_key_id = ? ORDER BY time DESC, id DESC LIMIT 1').get(accessKeyId) as
    | { time: number; service: string; region: string }
    | undefined;
