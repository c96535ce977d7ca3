import { defineConsoleArea, lazy } from '../../console/area';

/** EC2 Auto Scaling: on AWS these pages sit in the EC2 console's left navigation. */
export default defineConsoleArea({
  order: 13,
  service: { id: 'autoscaling', name: 'EC2 Auto Scaling', title: 'Fleets that replace failed instances and scale with demand', page: '/autoscaling/groups', keywords: ['asg', 'auto scaling groups', 'launch templates', 'scaling policies', 'lifecycle hooks'] },
  nav: {
    title: 'Auto Scaling',
    groups: [
      { group: 'Auto Scaling', links: [['Launch Templates', '/autoscaling/launch-templates'], ['Launch Configurations', '/autoscaling/launch-configurations'], ['Auto Scaling Groups', '/autoscaling/groups']] },
      { group: 'Load Balancing', links: [['Load Balancers', '/elb/load-balancers'], ['Target Groups', '/elb/target-groups']] },
    ],
  },
  routes: {
    '/autoscaling': lazy(() => import('./GroupsList.vue')),
    '/autoscaling/groups': lazy(() => import('./GroupsList.vue')),
    '/autoscaling/launch-templates': lazy(() => import('./LaunchTemplatesList.vue')),
    '/autoscaling/launch-configurations': lazy(() => import('./LaunchConfigurationsList.vue')),
  },
});
