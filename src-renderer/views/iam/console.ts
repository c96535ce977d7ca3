import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 50,
  service: { id: 'iam', name: 'IAM', title: 'Manage access to AWS resources', page: '/iam/users', keywords: ['users', 'roles', 'policies', 'access keys'] },
  nav: { title: 'Identity and Access Management (IAM)', groups: [{ group: 'Access management', links: [['Users', '/iam/users'], ['User groups', '/iam/groups']] }] },
  routes: {
    '/iam': lazy(() => import('./UsersList.vue')),
    '/iam/users': lazy(() => import('./UsersList.vue')),
    '/iam/groups': lazy(() => import('./GroupsList.vue')),
  },
});
