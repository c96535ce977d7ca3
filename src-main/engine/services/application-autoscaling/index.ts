/**
 * The Application Auto Scaling provider: scalable targets and target-tracking policies for DynamoDB
 * tables, acted on every simulated minute from CloudWatch's consumed-capacity metrics (scaler.ts).
 * Other namespaces answer NotImplemented rather than pretend to scale.
 */
import { defineService } from '../../core/provider';
import { applicationAutoscalingResourceProviders } from './cloudformation';
import { arr, inventoryItem } from '../../core/inventory';
import { applicationAutoscalingIamTable } from './iam-table';
import { applicationAutoscalingMigrations } from './migrations';
import { startScaler } from './scaler';
import { DeleteScalingPolicy } from './DeleteScalingPolicy';
import { DeregisterScalableTarget } from './DeregisterScalableTarget';
import { DescribeScalableTargets } from './DescribeScalableTargets';
import { DescribeScalingActivities } from './DescribeScalingActivities';
import { DescribeScalingPolicies } from './DescribeScalingPolicies';
import { PutScalingPolicy } from './PutScalingPolicy';
import { RegisterScalableTarget } from './RegisterScalableTarget';

export const applicationAutoscalingProvider = defineService({
  service: 'application-autoscaling',
  migrations: applicationAutoscalingMigrations,
  handlers: {
    DeleteScalingPolicy,
    DeregisterScalableTarget,
    DescribeScalableTargets,
    DescribeScalingActivities,
    DescribeScalingPolicies,
    PutScalingPolicy,
    RegisterScalableTarget,
  },
  start: (engine) => startScaler(engine),
  iam: applicationAutoscalingIamTable,
  cloudformation: applicationAutoscalingResourceProviders,
  inventory: [
    {
      operation: 'DescribeScalableTargets',
      list: async (ctx, region) =>
        arr(
          (
            await ctx.aws(
              'application-autoscaling',
              'DescribeScalableTargets',
              { ServiceNamespace: 'dynamodb' },
              region,
            )
          ).ScalableTargets,
        ).map((t) =>
          inventoryItem(
            `application-autoscaling:${region}:target:${String(t.ResourceId)}:${String(t.ScalableDimension)}`,
            `scalable target ${String(t.ResourceId)} (${String(t.ScalableDimension)}) in ${region}`,
          ),
        ),
    },
  ],
});

export { scaleOnce } from './scaler';
