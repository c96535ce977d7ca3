import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 70,
  service: { id: 'elasticache', name: 'ElastiCache', title: 'In-memory caching (Redis)', page: '/elasticache/redis', keywords: ['redis', 'cache', 'in-memory', 'memcached'] },
  nav: {
    title: 'ElastiCache',
    groups: [
      { group: 'Resources', links: [['Redis clusters', '/elasticache/redis'], ['Backups', '/elasticache/backups']] },
      { group: 'Configurations', links: [['Subnet groups', '/elasticache/subnet-groups']] },
    ],
  },
  routes: {
    '/elasticache': lazy(() => import('./ClustersList.vue')),
    '/elasticache/redis': lazy(() => import('./ClustersList.vue')),
    '/elasticache/backups': lazy(() => import('./BackupsList.vue')),
    '/elasticache/subnet-groups': lazy(() => import('./SubnetGroupsList.vue')),
  },
});
