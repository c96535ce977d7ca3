import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 40,
  service: { id: 'cloudformation', name: 'CloudFormation', title: 'Create and manage resources with templates', page: '/cloudformation', keywords: ['stacks', 'templates', 'infrastructure as code'] },
  nav: { title: 'CloudFormation', groups: [{ group: 'CloudFormation', links: [['Stacks', '/cloudformation/stacks'], ['Create stack', '/cloudformation/create']] }] },
  routes: {
    '/cloudformation': lazy(() => import('./StacksList.vue')),
    '/cloudformation/stacks': lazy(() => import('./StacksList.vue')),
    '/cloudformation/create': lazy(() => import('./CreateStack.vue')),
    '/cloudformation/stacks/quickcreate': lazy(() => import('./CreateStack.vue')),
    '/cloudformation/stacks/:id': lazy(() => import('./StackDetails.vue')),
  },
});
