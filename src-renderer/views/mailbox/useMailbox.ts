/**
 * The lab's mailbox (mailbox.list / mailbox.markRead): where every e-mail SNS sends arrives. It is
 * reloaded after SNS and CloudWatch calls by anyone (an alarm's notification is one) and every few
 * seconds, since mail also follows the lab's clock.
 */
import { onBeforeUnmount, ref } from 'vue';
import type { MailMessage } from '../../../src-main/contract';
import { useContractClient } from '../../contract-client';
import { useAws } from '../../composables/useAws';
import { whenOpen } from '../cloudformation/useCloudFormation';

export function useMailbox(everyMs = 5000) {
  const client = useContractClient();
  const aws = useAws();
  const messages = ref<MailMessage[]>([]);
  const unread = ref(0);
  const loaded = ref(false);

  async function load(): Promise<void> {
    try {
      const out = await client.request('mailbox.list', {});
      messages.value = out.messages;
      unread.value = out.unread;
      loaded.value = true;
    } catch (e) {
      aws.showError('Could not read the mailbox', e);
    }
  }
  async function markRead(id: number): Promise<void> {
    const m = messages.value.find((x) => x.id === id);
    if (!m || m.read) return;
    m.read = true;
    unread.value = (await client.request('mailbox.markRead', { id })).unread;
  }
  /** The confirmation link's click: SNS's ConfirmSubscription in the topic's region. */
  async function confirm(m: MailMessage): Promise<boolean> {
    if (!m.topicArn || !m.confirmToken) return false;
    const region = m.topicArn.split(':')[3];
    const done = await aws.attempt(
      'Could not confirm the subscription',
      () => aws.call('sns', 'ConfirmSubscription', { TopicArn: m.topicArn ?? '', Token: m.confirmToken ?? '' }, region),
      () => `Subscription confirmed: ${m.address} now receives messages of ${m.topicArn?.split(':').pop() ?? ''}.`,
    );
    return done !== undefined;
  }

  whenOpen(load);
  const off = client.on('events.appended', (e) => {
    if (loaded.value && (e.service === 'sns' || e.service === 'monitoring') && !e.errorCode) void load();
  });
  const timer = setInterval(() => void load(), everyMs);
  onBeforeUnmount(() => {
    off();
    clearInterval(timer);
  });

  return { messages, unread, loaded, load, markRead, confirm };
}

/** Splits a mail body into text and links, so links can be shown as such. */
export function bodyParts(body: string): { text: string; link?: boolean }[] {
  const out: { text: string; link?: boolean }[] = [];
  let last = 0;
  for (const m of body.matchAll(/https?:\/\/[^\s]+/g)) {
    if (m.index > last) out.push({ text: body.slice(last, m.index) });
    out.push({ text: m[0], link: true });
    last = m.index + m[0].length;
  }
  if (last < body.length) out.push({ text: body.slice(last) });
  return out;
}
