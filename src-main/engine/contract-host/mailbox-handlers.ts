/**
 * Lab requests of the monitoring pages: mailbox.list and mailbox.markRead (the lab account's mail,
 * from SNS's mailbox) and instances.failHost (§14.1's failed hardware, EC2's host-health model).
 */
import type { Engine } from '../index';
import { failHost } from '../services/ec2';
import { listMail, markRead, unreadCount } from '../services/sns';
import type { ContractHandlers } from './handlers';

export function createMailboxHandlers(
  engine: Engine,
): Pick<ContractHandlers, 'mailbox.list' | 'mailbox.markRead' | 'instances.failHost'> {
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
    async 'instances.failHost'({ instanceId, region }) {
      const scope = { store: engine.store, accountId: account(), region, clock: engine.clock };
      return { failed: engine.store.tx(() => failHost(scope, instanceId)) };
    },
  };
}
