import { defineConsoleArea, lazy } from '../../console/area';

/** Not an AWS service: the lab's offline stand-in for the learner's e-mail inbox. */
export default defineConsoleArea({
  order: 95,
  service: {
    id: 'mailbox',
    name: 'Mailbox',
    title: "The lab's inbox: e-mail sent by SNS to any address",
    page: '/mailbox',
    keywords: ['mail', 'email', 'inbox', 'confirm subscription'],
  },
  routes: {
    '/mailbox': lazy(() => import('./MailboxPage.vue')),
  },
});
