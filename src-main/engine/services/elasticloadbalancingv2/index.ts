/**
 * Elastic Load Balancing v2: Application Load Balancers with listeners, rules and target groups,
 * health checks on the simulated clock, and a data plane (data-plane.ts) that the guests' network
 * uses to resolve load balancer names and forward requests to targets.
 */
import { defineService } from '../../core/provider';
import { elbv2Migrations } from './migrations';
import { startHealthChecks } from './health';
import { elbMetrics } from './metrics';
import { AddTags } from './AddTags';
import { CreateListener } from './CreateListener';
import { CreateLoadBalancer } from './CreateLoadBalancer';
import { CreateRule } from './CreateRule';
import { CreateTargetGroup } from './CreateTargetGroup';
import { DeleteListener } from './DeleteListener';
import { DeleteLoadBalancer } from './DeleteLoadBalancer';
import { DeleteRule } from './DeleteRule';
import { DeleteTargetGroup } from './DeleteTargetGroup';
import { DeregisterTargets } from './DeregisterTargets';
import { DescribeListeners } from './DescribeListeners';
import { DescribeLoadBalancerAttributes } from './DescribeLoadBalancerAttributes';
import { DescribeLoadBalancers } from './DescribeLoadBalancers';
import { DescribeRules } from './DescribeRules';
import { DescribeTags } from './DescribeTags';
import { DescribeTargetGroupAttributes } from './DescribeTargetGroupAttributes';
import { DescribeTargetGroups } from './DescribeTargetGroups';
import { DescribeTargetHealth } from './DescribeTargetHealth';
import { ModifyListener } from './ModifyListener';
import { ModifyLoadBalancerAttributes } from './ModifyLoadBalancerAttributes';
import { ModifyTargetGroup } from './ModifyTargetGroup';
import { ModifyTargetGroupAttributes } from './ModifyTargetGroupAttributes';
import { RegisterTargets } from './RegisterTargets';
import { RemoveTags } from './RemoveTags';
import { elbv2CloudFormation } from './cloudformation';
import { elbv2Inventory } from './inventory';
import { elbv2IamTable } from './iam-table';

export const elbv2Provider = defineService({
  service: 'elasticloadbalancingv2',
  migrations: elbv2Migrations,
  handlers: {
    AddTags,
    CreateListener,
    CreateLoadBalancer,
    CreateRule,
    CreateTargetGroup,
    DeleteListener,
    DeleteLoadBalancer,
    DeleteRule,
    DeleteTargetGroup,
    DeregisterTargets,
    DescribeListeners,
    DescribeLoadBalancerAttributes,
    DescribeLoadBalancers,
    DescribeRules,
    DescribeTags,
    DescribeTargetGroupAttributes,
    DescribeTargetGroups,
    DescribeTargetHealth,
    ModifyListener,
    ModifyLoadBalancerAttributes,
    ModifyTargetGroup,
    ModifyTargetGroupAttributes,
    RegisterTargets,
    RemoveTags,
  },
  start: (engine) => startHealthChecks(engine),
  iam: elbv2IamTable,
  cloudformation: elbv2CloudFormation,
  inventory: elbv2Inventory,
  metrics: elbMetrics,
});

export { createLoadBalancerDataPlane, type LoadBalancerDataPlane, type Client as LoadBalancerClient } from './data-plane';
export { healthIdle } from './health';
// Auto Scaling's ELB health checks and target group checks read these (it may not import this folder's state/).
export { instanceTargetState, targetGroupExists } from './state/targets';
// Classic Load Balancers (services/elasticloadbalancing) run on this folder's nodes, forwarding and health checks.
export * as classicBacking from './classic-backing';
export { sampleElbMetrics } from './metrics';
