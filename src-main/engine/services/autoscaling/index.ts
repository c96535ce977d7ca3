/**
 * Auto Scaling: launch configurations, groups that launch and replace instances through EC2 on the
 * simulated clock (reconcile.ts), scaling policies run by learners or CloudWatch alarms, scheduled
 * actions, and the activity history with AWS's cause texts.
 */
import { defineService } from '../../core/provider';
import { autoscalingMigrations } from './migrations';
import { startAutoScaling } from './reconcile';
import { autoscalingMetrics } from './metrics';
// Side effect: publishes CPUUtilization per group for target tracking (ASGAverageCPUUtilization).
import './cpu-metrics';
import { autoscalingCloudFormation } from './cloudformation';
import { autoscalingIamTable } from './iam-table';
import { autoscalingInventory } from './inventory';
import { AttachLoadBalancerTargetGroups } from './AttachLoadBalancerTargetGroups';
import { AttachLoadBalancers } from './AttachLoadBalancers';
import { DetachLoadBalancers } from './DetachLoadBalancers';
import { DescribeLoadBalancers } from './DescribeLoadBalancers';
import { CancelInstanceRefresh } from './CancelInstanceRefresh';
import { CompleteLifecycleAction } from './CompleteLifecycleAction';
import { DescribeInstanceRefreshes } from './DescribeInstanceRefreshes';
import { StartInstanceRefresh } from './StartInstanceRefresh';
import { CreateAutoScalingGroup } from './CreateAutoScalingGroup';
import { DeleteLifecycleHook } from './DeleteLifecycleHook';
import { DescribeLifecycleHooks } from './DescribeLifecycleHooks';
import { DescribeLifecycleHookTypes } from './DescribeLifecycleHookTypes';
import { PutLifecycleHook } from './PutLifecycleHook';
import { RecordLifecycleActionHeartbeat } from './RecordLifecycleActionHeartbeat';
import { DescribeAccountLimits } from './DescribeAccountLimits';
import { DescribeAdjustmentTypes } from './DescribeAdjustmentTypes';
import { DescribeScalingProcessTypes } from './DescribeScalingProcessTypes';
import { DescribeTerminationPolicyTypes } from './DescribeTerminationPolicyTypes';
import { CreateLaunchConfiguration } from './CreateLaunchConfiguration';
import { CreateOrUpdateTags } from './CreateOrUpdateTags';
import { DeleteAutoScalingGroup } from './DeleteAutoScalingGroup';
import { DeleteLaunchConfiguration } from './DeleteLaunchConfiguration';
import { DeletePolicy } from './DeletePolicy';
import { DeleteScheduledAction } from './DeleteScheduledAction';
import { DeleteTags } from './DeleteTags';
import { DescribeAutoScalingGroups } from './DescribeAutoScalingGroups';
import { DescribeAutoScalingInstances } from './DescribeAutoScalingInstances';
import { DescribeLaunchConfigurations } from './DescribeLaunchConfigurations';
import { DescribePolicies } from './DescribePolicies';
import { DescribeScalingActivities } from './DescribeScalingActivities';
import { DescribeScheduledActions } from './DescribeScheduledActions';
import { DescribeTags } from './DescribeTags';
import { DetachLoadBalancerTargetGroups } from './DetachLoadBalancerTargetGroups';
import { DisableMetricsCollection } from './DisableMetricsCollection';
import { EnableMetricsCollection } from './EnableMetricsCollection';
import { ExecutePolicy } from './ExecutePolicy';
import { PutScalingPolicy } from './PutScalingPolicy';
import { PutScheduledUpdateGroupAction } from './PutScheduledUpdateGroupAction';
import { ResumeProcesses } from './ResumeProcesses';
import { SetDesiredCapacity } from './SetDesiredCapacity';
import { SetInstanceProtection } from './SetInstanceProtection';
import { SuspendProcesses } from './SuspendProcesses';
import { TerminateInstanceInAutoScalingGroup } from './TerminateInstanceInAutoScalingGroup';
import { UpdateAutoScalingGroup } from './UpdateAutoScalingGroup';

export const autoscalingProvider = defineService({
  service: 'autoscaling',
  migrations: autoscalingMigrations,
  handlers: {
    AttachLoadBalancerTargetGroups,
    AttachLoadBalancers,
    DetachLoadBalancers,
    DescribeLoadBalancers,
    CancelInstanceRefresh,
    CompleteLifecycleAction,
    DescribeInstanceRefreshes,
    StartInstanceRefresh,
    CreateAutoScalingGroup,
    DeleteLifecycleHook,
    DescribeLifecycleHooks,
    DescribeLifecycleHookTypes,
    PutLifecycleHook,
    RecordLifecycleActionHeartbeat,
    CreateLaunchConfiguration,
    CreateOrUpdateTags,
    DeleteAutoScalingGroup,
    DeleteLaunchConfiguration,
    DeletePolicy,
    DeleteScheduledAction,
    DeleteTags,
    DescribeAccountLimits,
    DescribeAdjustmentTypes,
    DescribeAutoScalingGroups,
    DescribeAutoScalingInstances,
    DescribeLaunchConfigurations,
    DescribePolicies,
    DescribeScalingActivities,
    DescribeScalingProcessTypes,
    DescribeScheduledActions,
    DescribeTags,
    DescribeTerminationPolicyTypes,
    DetachLoadBalancerTargetGroups,
    DisableMetricsCollection,
    EnableMetricsCollection,
    ExecutePolicy,
    PutScalingPolicy,
    PutScheduledUpdateGroupAction,
    ResumeProcesses,
    SetDesiredCapacity,
    SetInstanceProtection,
    SuspendProcesses,
    TerminateInstanceInAutoScalingGroup,
    UpdateAutoScalingGroup,
  },
  start: (engine) => startAutoScaling(engine),
  iam: autoscalingIamTable,
  cloudformation: autoscalingCloudFormation,
  inventory: autoscalingInventory,
  metrics: autoscalingMetrics,
});

export { reconcilerOf } from './reconcile';
