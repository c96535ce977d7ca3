/**
 * Classic Load Balancing (the 2012-06-01 API the book's older templates use): load balancers with
 * listeners, a health check and registered instances. They run on the v2 folder's machinery
 * (elasticloadbalancingv2/classic-backing.ts): the same nodes in the network model, DNS names,
 * forwarding and health checks on the simulated clock.
 */
import { defineService } from '../../core/provider';
import { elbMigrations } from './migrations';
import { elbIamTable } from './iam-table';
import { elbInventory } from './inventory';
import { elbCloudFormation } from './cloudformation';
import { elbMetrics } from './metrics';
import { AddTags } from './AddTags';
import { ApplySecurityGroupsToLoadBalancer } from './ApplySecurityGroupsToLoadBalancer';
import { ConfigureHealthCheck } from './ConfigureHealthCheck';
import { CreateLoadBalancer } from './CreateLoadBalancer';
import { CreateLoadBalancerListeners } from './CreateLoadBalancerListeners';
import { DeleteLoadBalancer } from './DeleteLoadBalancer';
import { DeleteLoadBalancerListeners } from './DeleteLoadBalancerListeners';
import { DeregisterInstancesFromLoadBalancer } from './DeregisterInstancesFromLoadBalancer';
import { DescribeInstanceHealth } from './DescribeInstanceHealth';
import { DescribeLoadBalancerAttributes } from './DescribeLoadBalancerAttributes';
import { DescribeLoadBalancers } from './DescribeLoadBalancers';
import { DescribeTags } from './DescribeTags';
import { ModifyLoadBalancerAttributes } from './ModifyLoadBalancerAttributes';
import { RegisterInstancesWithLoadBalancer } from './RegisterInstancesWithLoadBalancer';
import { RemoveTags } from './RemoveTags';

export const elbProvider = defineService({
  service: 'elasticloadbalancing',
  migrations: elbMigrations,
  handlers: {
    AddTags,
    ApplySecurityGroupsToLoadBalancer,
    ConfigureHealthCheck,
    CreateLoadBalancer,
    CreateLoadBalancerListeners,
    DeleteLoadBalancer,
    DeleteLoadBalancerListeners,
    DeregisterInstancesFromLoadBalancer,
    DescribeInstanceHealth,
    DescribeLoadBalancerAttributes,
    DescribeLoadBalancers,
    DescribeTags,
    ModifyLoadBalancerAttributes,
    RegisterInstancesWithLoadBalancer,
    RemoveTags,
  },
  iam: elbIamTable,
  cloudformation: elbCloudFormation,
  inventory: elbInventory,
  metrics: elbMetrics,
});

export { classicInstanceState, classicExists } from './state/health';
