import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 55,
  service: { id: 'dynamodb', name: 'DynamoDB', title: 'Managed NoSQL database', page: '/dynamodb/tables', keywords: ['nosql', 'tables', 'items', 'key-value'] },
  nav: {
    title: 'DynamoDB',
    groups: [{ group: 'DynamoDB', links: [['Tables', '/dynamodb/tables'], ['Create table', '/dynamodb/create']] }],
  },
  routes: {
    '/dynamodb': lazy(() => import('./TablesList.vue')),
    '/dynamodb/tables': lazy(() => import('./TablesList.vue')),
    '/dynamodb/create': lazy(() => import('./CreateTable.vue')),
    '/dynamodb/tables/:name': lazy(() => import('./TableDetails.vue')),
  },
});
