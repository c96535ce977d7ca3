import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 70,
  service: {
    id: 'sns',
    name: 'SNS',
    title: 'Pub/sub messaging: topics that notify e-mail, queues and functions',
    page: '/sns/topics',
    keywords: ['notifications', 'topics', 'subscriptions', 'email', 'publish'],
  },
  nav: {
    title: 'Amazon SNS',
    groups: [
      {
        group: 'Amazon SNS',
        links: [
          ['Topics', '/sns/topics'],
          ['Subscriptions', '/sns/subscriptions'],
        ],
      },
    ],
  },
  routes: {
    '/sns': lazy(() => import('./TopicsList.vue')),
    '/sns/topics': lazy(() => import('./TopicsList.vue')),
    '/sns/topics/:arn': lazy(() => import('./TopicDetail.vue')),
    '/sns/subscriptions': lazy(() => import('./SubscriptionsList.vue')),
  },
});
