import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 45,
  service: { id: 'lambda', name: 'Lambda', title: 'Run code without thinking about servers', page: '/lambda', keywords: ['functions', 'serverless', 'blueprints', 'canary'] },
  nav: { title: 'Lambda', groups: [{ group: 'Lambda', links: [['Functions', '/lambda/functions'], ['Create function', '/lambda/create']] }] },
  routes: {
    '/lambda': lazy(() => import('./FunctionsList.vue')),
    '/lambda/functions': lazy(() => import('./FunctionsList.vue')),
    '/lambda/create': lazy(() => import('./CreateFunction.vue')),
    '/lambda/functions/:name': lazy(() => import('./FunctionDetails.vue')),
  },
});
