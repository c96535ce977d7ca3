/**
 * The lab's mailbox: every e-mail SNS sends (subscription confirmations, alarm notifications) lands
 * here, whatever the address. Confirming a subscription is SNS's own ConfirmSubscription (aws.call)
 * with the token the mail carries; only reading and marking mail are lab requests.
 */
import { z } from 'zod';

export const mailMessage = z.object({
  id: z.number().int(),
  address: z.string(),
  /** Simulated time the mail was sent, ISO 8601. */
  time: z.iso.datetime(),
  sender: z.string(),
  subject: z.string(),
  body: z.string(),
  read: z.boolean(),
  /** Set on subscription-confirmation mails. */
  topicArn: z.string().optional(),
  confirmToken: z.string().optional(),
});
export type MailMessage = z.infer<typeof mailMessage>;

export const mailboxListRequest = z.object({ address: z.string().max(320).optional() }).strict();
/** Newest first, with the number still unread (for the badge). */
export const mailboxListResponse = z.object({ messages: z.array(mailMessage), unread: z.number().int() });
export type MailboxList = z.infer<typeof mailboxListResponse>;

export const mailboxMarkReadRequest = z.object({ id: z.number().int() }).strict();
export const mailboxMarkReadResponse = z.object({ unread: z.number().int() });
