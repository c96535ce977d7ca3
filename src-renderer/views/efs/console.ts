import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 72,
  service: { id: 'efs', name: 'EFS', title: 'Shared file systems for instances in every zone (NFS)', page: '/efs/file-systems', keywords: ['efs', 'nfs', 'file system', 'shared', 'mount target'] },
  nav: {
    title: 'Amazon EFS',
    groups: [{ group: 'Amazon EFS', links: [['File systems', '/efs/file-systems']] }],
  },
  routes: {
    '/efs': lazy(() => import('./FileSystemsList.vue')),
    '/efs/file-systems': lazy(() => import('./FileSystemsList.vue')),
  },
});
