/** mailbox.list and mailbox.markRead: the lab account's mail, from SNS's mailbox (services/sns). */
import type { Engine } from '../index';
import { listMail, markRead, unreadCount } from '../services/sns';
import type { ContractHandlers } from './handlers';

export function createMailboxHandlers(engine: Engine): Pick<ContractHandlers, 'mailbox.list' | 'mailbox.markRead'> {
  const account = () => engine.account.accountId;
  return {
    async 'mailbox.list'({ address }) {
      const messages = listMail(engine.store, account(), address ? { address } : {}).map((m) => ({
        ...m,
        time: new Date(m.time).toISOString(),
      }));
      return { messages, unread: unreadCount(engine.store, account()) };
    },
    async 'mailbox.markRead'({ id }) {
      engine.store.tx(() => markRead(engine.store, account(), id));
      return { unread: unreadCount(engine.store, account()) };
    },
  };
}
