/**
 * The lab's mailbox: every e-mail SNS sends (confirmation requests, notifications) is a row here,
 * whatever the address; the console's Mailbox page and tests read it through sns/index.ts.
 */
import type { Store } from '../../../store/store';

export interface Mail {
  id: number;
  address: string;
  time: number;
  sender: string;
  subject: string;
  body: string;
  read: boolean;
  /** Subscription-confirmation mails: what ConfirmSubscription needs. */
  topicArn?: string;
  confirmToken?: string;
}

interface MailRow {
  id: number;
  address: string;
  time: number;
  sender: string;
  subject: string;
  body: string;
  read: number;
  topic_arn: string | null;
  confirm_token: string | null;
}

export function sendMail(store: Store, accountId: string, mail: { address: string; time: number; sender: string; subject: string; body: string; topicArn?: string; confirmToken?: string }): void {
  store
    .stmt('INSERT INTO sns_mailbox (account_id, address, time, sender, subject, body, topic_arn, confirm_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(accountId, mail.address, mail.time, mail.sender, mail.subject, mail.body, mail.topicArn ?? null, mail.confirmToken ?? null);
}

/** Newest first; `address` filters to one recipient. */
export function listMail(store: Store, accountId: string, opts: { address?: string; unreadOnly?: boolean } = {}): Mail[] {
  const rows = store
    .stmt('SELECT * FROM sns_mailbox WHERE account_id = ? AND (? IS NULL OR address = ?) AND (? = 0 OR read = 0) ORDER BY time DESC, id DESC')
    .all(accountId, opts.address ?? null, opts.address ?? null, opts.unreadOnly ? 1 : 0) as MailRow[];
  return rows.map((r) => ({
    id: r.id,
    address: r.address,
    time: r.time,
    sender: r.sender,
    subject: r.subject,
    body: r.body,
    read: r.read === 1,
    ...(r.topic_arn ? { topicArn: r.topic_arn } : {}),
    ...(r.confirm_token ? { confirmToken: r.confirm_token } : {}),
  }));
}

export function unreadCount(store: Store, accountId: string): number {
  return (store.stmt('SELECT COUNT(*) AS n FROM sns_mailbox WHERE account_id = ? AND read = 0').get(accountId) as { n: number }).n;
}

export function markRead(store: Store, accountId: string, id: number): void {
  store.stmt('UPDATE sns_mailbox SET read = 1 WHERE account_id = ? AND id = ?').run(accountId, id);
}
