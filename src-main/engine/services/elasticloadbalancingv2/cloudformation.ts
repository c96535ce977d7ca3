/**
 * CloudFormation resource types of Elastic Load Balancing v2, created through the real API:
 * LoadBalancer (ready once active), TargetGroup (Targets registered), Listener and ListenerRule.
 */
import { allTags, bool, clean, generatedName, ignoreNotFound, num, objList, str, strList, type Json, type JsonObject, type ResourceCtx, type ResourceProvider } from '../../core/resource-provider';

const elb = (rc: ResourceCtx, op: string, input: Record<string, unknown>) => rc.call('elasticloadbalancingv2', op, input);

/** Names CloudFormation generates for load balancers and target groups: at most 32 characters, alphanumerics and hyphens. */
const lbName = (rc: ResourceCtx): string => generatedName(rc, 32, { suffix: 12 }).replace(/[^A-Za-z0-9-]/g, '').replace(/^-+|-+$/g, '').slice(0, 32);

function actions(v: Json | undefined) {
  return objList(v).map((a) => {
    const fwd = a.ForwardConfig as JsonObject | undefined;
    const fixed = a.FixedResponseConfig as JsonObject | undefined;
    const redirect = a.RedirectConfig as JsonObject | undefined;
    return clean({
      Type: str(a.Type),
      Order: num(a.Order),
      TargetGroupArn: str(a.TargetGroupArn),
      ForwardConfig: fwd
        ? clean({
            TargetGroups: objList(fwd.TargetGroups).map((t) => clean({ TargetGroupArn: str(t.TargetGroupArn), Weight: num(t.Weight) })),
            TargetGroupStickinessConfig: fwd.TargetGroupStickinessConfig
              ? clean({ Enabled: bool((fwd.TargetGroupStickinessConfig as JsonObject).Enabled), DurationSeconds: num((fwd.TargetGroupStickinessConfig as JsonObject).DurationSeconds) })
              : undefined,
          })
        : undefined,
      FixedResponseConfig: fixed ? clean({ StatusCode: str(fixed.StatusCode), MessageBody: str(fixed.MessageBody), ContentType: str(fixed.ContentType) }) : undefined,
      RedirectConfig: redirect
        ? clean({ StatusCode: str(redirect.StatusCode), Protocol: str(redirect.Protocol), Port: str(redirect.Port), Host: str(redirect.Host), Path: str(redirect.Path), Query: str(redirect.Query) })
        : undefined,
    });
  });
}

function conditions(v: Json | undefined) {
  return objList(v).map((c) =>
    clean({
      Field: str(c.Field),
      Values: strList(c.Values),
      PathPatternConfig: c.PathPatternConfig ? { Values: strList((c.PathPatternConfig as JsonObject).Values) ?? [] } : undefined,
      HostHeaderConfig: c.HostHeaderConfig ? { Values: strList((c.HostHeaderConfig as JsonObject).Values) ?? [] } : undefined,
    }),
  );
}

const attributes = (v: Json | undefined) => objList(v).map((a) => ({ Key: String(a.Key), Value: String(a.Value ?? '') }));

const loadBalancer: ResourceProvider = {
  async create(rc, props) {
    const out = await elb(rc, 'CreateLoadBalancer', clean({
      Name: str(props.Name) ?? lbName(rc),
      Subnets: strList(props.Subnets),
      SubnetMappings: props.SubnetMappings ? objList(props.SubnetMappings).map((m) => clean({ SubnetId: str(m.SubnetId) })) : undefined,
      SecurityGroups: strList(props.SecurityGroups),
      Scheme: str(props.Scheme),
      Type: str(props.Type),
      IpAddressType: str(props.IpAddressType),
      Tags: allTags(rc, props),
    }));
    const arn = String(out.LoadBalancers[0].LoadBalancerArn);
    if (props.LoadBalancerAttributes) await elb(rc, 'ModifyLoadBalancerAttributes', { LoadBalancerArn: arn, Attributes: attributes(props.LoadBalancerAttributes) });
    return { physicalId: arn };
  },
  async update(rc, physicalId, props) {
    if (props.LoadBalancerAttributes) await elb(rc, 'ModifyLoadBalancerAttributes', { LoadBalancerArn: physicalId, Attributes: attributes(props.LoadBalancerAttributes) });
  },
  async delete(rc, physicalId) {
    await ignoreNotFound(elb(rc, 'DeleteLoadBalancer', { LoadBalancerArn: physicalId }));
  },
  async ready(rc, physicalId) {
    const out = await elb(rc, 'DescribeLoadBalancers', { LoadBalancerArns: [physicalId] });
    return out.LoadBalancers?.[0]?.State?.Code === 'active';
  },
  async attributes(rc, physicalId) {
    const lb = (await elb(rc, 'DescribeLoadBalancers', { LoadBalancerArns: [physicalId] })).LoadBalancers[0];
    return {
      DNSName: lb.DNSName,
      CanonicalHostedZoneID: lb.CanonicalHostedZoneId,
      LoadBalancerFullName: String(physicalId).split(':').slice(5).join(':').replace(/^loadbalancer\//, ''),
      LoadBalancerName: lb.LoadBalancerName,
      SecurityGroups: lb.SecurityGroups ?? [],
      LoadBalancerArn: physicalId,
    };
  },
};

const targetGroup: ResourceProvider = {
  async create(rc, props) {
    const hc = props.Matcher as JsonObject | undefined;
    const out = await elb(rc, 'CreateTargetGroup', clean({
      Name: str(props.Name) ?? lbName(rc),
      Protocol: str(props.Protocol),
      ProtocolVersion: str(props.ProtocolVersion),
      Port: num(props.Port),
      VpcId: str(props.VpcId),
      TargetType: str(props.TargetType),
      HealthCheckEnabled: bool(props.HealthCheckEnabled),
      HealthCheckProtocol: str(props.HealthCheckProtocol),
      HealthCheckPort: str(props.HealthCheckPort),
      HealthCheckPath: str(props.HealthCheckPath),
      HealthCheckIntervalSeconds: num(props.HealthCheckIntervalSeconds),
      HealthCheckTimeoutSeconds: num(props.HealthCheckTimeoutSeconds),
      HealthyThresholdCount: num(props.HealthyThresholdCount),
      UnhealthyThresholdCount: num(props.UnhealthyThresholdCount),
      Matcher: hc ? clean({ HttpCode: str(hc.HttpCode) }) : undefined,
      Tags: allTags(rc, props),
    }));
    const arn = String(out.TargetGroups[0].TargetGroupArn);
    if (props.TargetGroupAttributes) await elb(rc, 'ModifyTargetGroupAttributes', { TargetGroupArn: arn, Attributes: attributes(props.TargetGroupAttributes) });
    const targets = objList(props.Targets).map((t) => clean({ Id: str(t.Id), Port: num(t.Port) }));
    if (targets.length) await elb(rc, 'RegisterTargets', { TargetGroupArn: arn, Targets: targets });
    return { physicalId: arn };
  },
  async update(rc, physicalId, props, old) {
    const hc = props.Matcher as JsonObject | undefined;
    await elb(rc, 'ModifyTargetGroup', clean({
      TargetGroupArn: physicalId,
      HealthCheckProtocol: str(props.HealthCheckProtocol),
      HealthCheckPort: str(props.HealthCheckPort),
      HealthCheckPath: str(props.HealthCheckPath),
      HealthCheckEnabled: bool(props.HealthCheckEnabled),
      HealthCheckIntervalSeconds: num(props.HealthCheckIntervalSeconds),
      HealthCheckTimeoutSeconds: num(props.HealthCheckTimeoutSeconds),
      HealthyThresholdCount: num(props.HealthyThresholdCount),
      UnhealthyThresholdCount: num(props.UnhealthyThresholdCount),
      Matcher: hc ? clean({ HttpCode: str(hc.HttpCode) }) : undefined,
    }));
    if (props.TargetGroupAttributes) await elb(rc, 'ModifyTargetGroupAttributes', { TargetGroupArn: physicalId, Attributes: attributes(props.TargetGroupAttributes) });
    const key = (t: JsonObject) => `${str(t.Id)}:${num(t.Port) ?? ''}`;
    const before = new Map(objList(old.Targets).map((t) => [key(t), t]));
    const after = new Map(objList(props.Targets).map((t) => [key(t), t]));
    const gone = [...before.entries()].filter(([k]) => !after.has(k)).map(([, t]) => clean({ Id: str(t.Id), Port: num(t.Port) }));
    const added = [...after.entries()].filter(([k]) => !before.has(k)).map(([, t]) => clean({ Id: str(t.Id), Port: num(t.Port) }));
    if (gone.length) await elb(rc, 'DeregisterTargets', { TargetGroupArn: physicalId, Targets: gone });
    if (added.length) await elb(rc, 'RegisterTargets', { TargetGroupArn: physicalId, Targets: added });
  },
  async delete(rc, physicalId) {
    await ignoreNotFound(elb(rc, 'DeleteTargetGroup', { TargetGroupArn: physicalId }));
  },
  async attributes(rc, physicalId) {
    const tg = (await elb(rc, 'DescribeTargetGroups', { TargetGroupArns: [physicalId] })).TargetGroups[0];
    return {
      TargetGroupArn: physicalId,
      TargetGroupFullName: String(physicalId).split(':').slice(5).join(':'),
      TargetGroupName: tg.TargetGroupName,
      LoadBalancerArns: tg.LoadBalancerArns ?? [],
    };
  },
};

const listener: ResourceProvider = {
  async create(rc, props) {
    const out = await elb(rc, 'CreateListener', clean({
      LoadBalancerArn: str(props.LoadBalancerArn),
      Protocol: str(props.Protocol),
      Port: num(props.Port),
      SslPolicy: str(props.SslPolicy),
      Certificates: props.Certificates ? objList(props.Certificates).map((c) => ({ CertificateArn: str(c.CertificateArn) })) : undefined,
      DefaultActions: actions(props.DefaultActions),
    }));
    return { physicalId: String(out.Listeners[0].ListenerArn) };
  },
  async update(rc, physicalId, props) {
    await elb(rc, 'ModifyListener', clean({ ListenerArn: physicalId, Protocol: str(props.Protocol), Port: num(props.Port), DefaultActions: actions(props.DefaultActions) }));
  },
  async delete(rc, physicalId) {
    await ignoreNotFound(elb(rc, 'DeleteListener', { ListenerArn: physicalId }));
  },
  async attributes(_rc, physicalId) {
    return { ListenerArn: physicalId };
  },
};

const listenerRule: ResourceProvider = {
  async create(rc, props) {
    const out = await elb(rc, 'CreateRule', { ListenerArn: str(props.ListenerArn), Priority: num(props.Priority), Conditions: conditions(props.Conditions), Actions: actions(props.Actions) });
    return { physicalId: String(out.Rules[0].RuleArn) };
  },
  async delete(rc, physicalId) {
    await ignoreNotFound(elb(rc, 'DeleteRule', { RuleArn: physicalId }));
  },
  async attributes(_rc, physicalId) {
    return { RuleArn: physicalId, IsDefault: false };
  },
};

export const elbv2CloudFormation: Record<string, ResourceProvider> = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::ElasticLoadBalancingV2::TargetGroup': targetGroup,
  'AWS::ElasticLoadBalancingV2::Listener': listener,
  'AWS::ElasticLoadBalancingV2::ListenerRule': listenerRule,
};
