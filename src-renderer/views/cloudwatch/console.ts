import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 60,
  service: {
    id: 'cloudwatch',
    name: 'CloudWatch',
    title: 'Monitor resources and applications',
    page: '/cloudwatch/metrics',
    keywords: ['metrics', 'alarms', 'logs', 'dashboards', 'monitoring'],
  },
  nav: {
    title: 'CloudWatch',
    groups: [
      {
        group: 'Metrics',
        links: [
          ['All metrics', '/cloudwatch/metrics'],
          ['Dashboards', '/cloudwatch/dashboards'],
        ],
      },
      {
        group: 'Alarms',
        links: [
          ['All alarms', '/cloudwatch/alarms'],
          ['Create alarm', '/cloudwatch/alarms/create'],
        ],
      },
      { group: 'Logs', links: [['Log groups', '/cloudwatch/logs']] },
    ],
  },
  routes: {
    '/cloudwatch': lazy(() => import('./MetricsBrowser.vue')),
    '/cloudwatch/metrics': lazy(() => import('./MetricsBrowser.vue')),
    '/cloudwatch/dashboards': lazy(() => import('./DashboardsList.vue')),
    '/cloudwatch/alarms': lazy(() => import('./AlarmsList.vue')),
    '/cloudwatch/alarms/create': lazy(() => import('./CreateAlarm.vue')),
    '/cloudwatch/alarms/:name': lazy(() => import('./AlarmDetail.vue')),
    '/cloudwatch/logs': lazy(() => import('./LogGroups.vue')),
    '/cloudwatch/logs/:group': lazy(() => import('./LogGroup.vue')),
  },
});
