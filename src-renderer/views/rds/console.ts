import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 45,
  service: { id: 'rds', name: 'RDS', title: 'Managed relational databases: MySQL, MariaDB, PostgreSQL', page: '/rds', keywords: ['database', 'mysql', 'mariadb', 'postgres', 'sql', 'snapshots'] },
  nav: {
    title: 'Amazon RDS',
    groups: [
      { group: 'Amazon RDS', links: [['Databases', '/rds/databases'], ['Create database', '/rds/create']] },
      { group: 'Backups', links: [['Snapshots', '/rds/snapshots'], ['Automated backups', '/rds/automated-backups']] },
      { group: 'Configuration', links: [['Parameter groups', '/rds/parameter-groups'], ['Subnet groups', '/rds/subnet-groups'], ['Events', '/rds/events']] },
    ],
  },
  routes: {
    '/rds': lazy(() => import('./DatabasesList.vue')),
    '/rds/databases': lazy(() => import('./DatabasesList.vue')),
    '/rds/databases/:id': lazy(() => import('./DatabaseDetails.vue')),
    '/rds/create': lazy(() => import('./CreateDatabase.vue')),
    '/rds/snapshots': lazy(() => import('./SnapshotsList.vue')),
    '/rds/automated-backups': lazy(() => import('./SnapshotsList.vue')),
    '/rds/parameter-groups': lazy(() => import('./ParameterGroups.vue')),
    '/rds/subnet-groups': lazy(() => import('./SubnetGroups.vue')),
    '/rds/events': lazy(() => import('./EventsList.vue')),
  },
});
