import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 75,
  service: { id: 'sqs', name: 'SQS', title: 'Managed message queues', page: '/sqs/queues', keywords: ['queue', 'messages', 'dead-letter', 'fifo'] },
  nav: { title: 'Amazon SQS', groups: [{ group: 'Amazon SQS', links: [['Queues', '/sqs/queues'], ['Create queue', '/sqs/create']] }] },
  routes: {
    '/sqs': lazy(() => import('./QueuesList.vue')),
    '/sqs/queues': lazy(() => import('./QueuesList.vue')),
    '/sqs/create': lazy(() => import('./CreateQueue.vue')),
    '/sqs/queues/:name': lazy(() => import('./QueueDetails.vue')),
    '/sqs/queues/:name/send-receive': lazy(() => import('./SendReceive.vue')),
  },
});
