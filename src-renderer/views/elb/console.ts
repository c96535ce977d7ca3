import { defineConsoleArea, lazy } from '../../console/area';

/** Load balancing: on AWS these pages sit in the EC2 console's left navigation. */
export default defineConsoleArea({
  order: 12,
  service: { id: 'elb', name: 'Load Balancing', title: 'Spread traffic over healthy instances', page: '/elb/load-balancers', keywords: ['elb', 'alb', 'load balancer', 'target groups', 'listeners', 'health checks'] },
  nav: {
    title: 'Load Balancing',
    groups: [
      { group: 'Load Balancing', links: [['Load Balancers', '/elb/load-balancers'], ['Target Groups', '/elb/target-groups'], ['Classic Load Balancers', '/elb/classic']] },
      { group: 'Auto Scaling', links: [['Launch Templates', '/autoscaling/launch-templates'], ['Auto Scaling Groups', '/autoscaling/groups']] },
    ],
  },
  routes: {
    '/elb': lazy(() => import('./LoadBalancersList.vue')),
    '/elb/load-balancers': lazy(() => import('./LoadBalancersList.vue')),
    '/elb/target-groups': lazy(() => import('./TargetGroupsList.vue')),
    '/elb/classic': lazy(() => import('./ClassicLoadBalancersList.vue')),
  },
});
