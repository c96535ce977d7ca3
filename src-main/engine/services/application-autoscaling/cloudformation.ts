/**
 * AWS::ApplicationAutoScaling::ScalableTarget (Ref: `resourceId|dimension|namespace`, as AWS
 * answers it) and ::ScalingPolicy (Ref: the policy ARN), the shape chapter 13's tables.yaml uses.
 */
import {
  clean,
  num,
  str,
  type JsonObject,
  type ResourceCtx,
  type ResourceProvider,
} from '../../core/resource-provider';

const targetInput = (props: JsonObject) =>
  clean({
    ServiceNamespace: str(props.ServiceNamespace)!,
    ResourceId: str(props.ResourceId)!,
    ScalableDimension: str(props.ScalableDimension)!,
    MinCapacity: num(props.MinCapacity),
    MaxCapacity: num(props.MaxCapacity),
    RoleARN: str(props.RoleARN),
    SuspendedState: props.SuspendedState as Record<string, boolean> | undefined,
  });

const scalableTarget: ResourceProvider = {
  async create(rc, props) {
    const input = targetInput(props);
    await rc.call('application-autoscaling', 'RegisterScalableTarget', input);
    return { physicalId: `${input.ResourceId}|${input.ScalableDimension}|${input.ServiceNamespace}` };
  },
  async update(rc, _id, props) {
    const input = targetInput(props);
    await rc.call('application-autoscaling', 'RegisterScalableTarget', input);
    return { physicalId: `${input.ResourceId}|${input.ScalableDimension}|${input.ServiceNamespace}` };
  },
  async delete(rc, id) {
    const [ResourceId, ScalableDimension, ServiceNamespace] = id.split('|');
    await rc
      .call('application-autoscaling', 'DeregisterScalableTarget', { ResourceId, ScalableDimension, ServiceNamespace })
      .catch((e: { code?: string }) => {
        if (e.code !== 'ObjectNotFoundException') throw e;
      });
  },
};

function policyTarget(props: JsonObject) {
  const id = str(props.ScalingTargetId);
  if (id) {
    const [ResourceId, ScalableDimension, ServiceNamespace] = id.split('|');
    return { ResourceId, ScalableDimension, ServiceNamespace };
  }
  return {
    ResourceId: str(props.ResourceId),
    ScalableDimension: str(props.ScalableDimension),
    ServiceNamespace: str(props.ServiceNamespace),
  };
}

async function putPolicy(rc: ResourceCtx, props: JsonObject): Promise<string> {
  const out = (await rc.call(
    'application-autoscaling',
    'PutScalingPolicy',
    clean({
      PolicyName: str(props.PolicyName)!,
      PolicyType: str(props.PolicyType),
      ...policyTarget(props),
      TargetTrackingScalingPolicyConfiguration: props.TargetTrackingScalingPolicyConfiguration as
        Record<string, unknown> | undefined,
      StepScalingPolicyConfiguration: props.StepScalingPolicyConfiguration as Record<string, unknown> | undefined,
    }),
  )) as { PolicyARN: string };
  return out.PolicyARN;
}

const scalingPolicy: ResourceProvider = {
  async create(rc, props) {
    return { physicalId: await putPolicy(rc, props) };
  },
  async update(rc, _id, props) {
    return { physicalId: await putPolicy(rc, props) };
  },
  async delete(rc, _id, props) {
    await rc
      .call('application-autoscaling', 'DeleteScalingPolicy', {
        PolicyName: str(props.PolicyName),
        ...policyTarget(props),
      })
      .catch((e: { code?: string }) => {
        if (e.code !== 'ObjectNotFoundException') throw e;
      });
  },
};

export const applicationAutoscalingResourceProviders: Record<string, ResourceProvider> = {
  'AWS::ApplicationAutoScaling::ScalableTarget': scalableTarget,
  'AWS::ApplicationAutoScaling::ScalingPolicy': scalingPolicy,
};
