import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 90,
  service: {
    id: 'billing',
    name: 'Billing',
    title: 'See what the lab would cost and set billing alarms',
    page: '/billing',
    keywords: ['cost', 'charges', 'budget', 'billing alarm', 'free tier'],
  },
  routes: {
    '/billing': lazy(() => import('./BillingDashboard.vue')),
  },
});
