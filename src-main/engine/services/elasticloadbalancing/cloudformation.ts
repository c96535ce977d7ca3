/**
 * AWS::ElasticLoadBalancing::LoadBalancer through the Classic API: Ref is the name; GetAtt DNSName,
 * CanonicalHostedZoneName(ID), SourceSecurityGroup.GroupName/OwnerAlias. Listeners, health check,
 * instances and security groups update in place.
 */
import { clean, generatedName, num, objList, str, strList, tagList, type JsonObject, type ResourceCtx, type ResourceProvider } from '../../core/resource-provider';

const elb = (rc: ResourceCtx, op: string, input: Record<string, unknown>) => rc.call('elasticloadbalancing', op, input);

const listenersOf = (props: JsonObject) =>
  objList(props.Listeners).map((l) =>
    clean({ Protocol: str(l.Protocol), LoadBalancerPort: num(l.LoadBalancerPort), InstanceProtocol: str(l.InstanceProtocol), InstancePort: num(l.InstancePort), SSLCertificateId: str(l.SSLCertificateId) }),
  );

function healthCheckOf(props: JsonObject) {
  const hc = props.HealthCheck as JsonObject | undefined;
  return hc ? { Target: str(hc.Target), Interval: num(hc.Interval), Timeout: num(hc.Timeout), UnhealthyThreshold: num(hc.UnhealthyThreshold), HealthyThreshold: num(hc.HealthyThreshold) } : undefined;
}

async function attributes(rc: ResourceCtx, name: string) {
  const lb = (await elb(rc, 'DescribeLoadBalancers', { LoadBalancerNames: [name] })).LoadBalancerDescriptions[0];
  return {
    DNSName: String(lb.DNSName),
    CanonicalHostedZoneName: String(lb.CanonicalHostedZoneName),
    CanonicalHostedZoneNameID: String(lb.CanonicalHostedZoneNameID),
    'SourceSecurityGroup.GroupName': String(lb.SourceSecurityGroup.GroupName),
    'SourceSecurityGroup.OwnerAlias': String(lb.SourceSecurityGroup.OwnerAlias),
  };
}

async function applySettings(rc: ResourceCtx, name: string, props: JsonObject, old?: JsonObject) {
  const hc = healthCheckOf(props);
  if (hc && JSON.stringify(props.HealthCheck) !== JSON.stringify(old?.HealthCheck)) await elb(rc, 'ConfigureHealthCheck', { LoadBalancerName: name, HealthCheck: hc });
  const now = strList(props.Instances) ?? [];
  const before = strList(old?.Instances) ?? [];
  const added = now.filter((i) => !before.includes(i));
  const gone = before.filter((i) => !now.includes(i));
  if (added.length) await elb(rc, 'RegisterInstancesWithLoadBalancer', { LoadBalancerName: name, Instances: added.map((InstanceId) => ({ InstanceId })) });
  if (gone.length) await elb(rc, 'DeregisterInstancesFromLoadBalancer', { LoadBalancerName: name, Instances: gone.map((InstanceId) => ({ InstanceId })) }).catch(() => undefined);
  const cd = props.ConnectionDrainingPolicy as JsonObject | undefined;
  const cs = props.ConnectionSettings as JsonObject | undefined;
  const cz = props.CrossZone;
  if (cd || cs || cz !== undefined) {
    await elb(rc, 'ModifyLoadBalancerAttributes', {
      LoadBalancerName: name,
      LoadBalancerAttributes: clean({
        ConnectionDraining: cd ? clean({ Enabled: String(cd.Enabled) === 'true', Timeout: num(cd.Timeout) }) : undefined,
        ConnectionSettings: cs ? { IdleTimeout: num(cs.IdleTimeout) } : undefined,
        CrossZoneLoadBalancing: cz !== undefined ? { Enabled: String(cz) === 'true' } : undefined,
      }),
    });
  }
}

const loadBalancer: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.LoadBalancerName) ?? generatedName(rc, 32).replace(/[^a-zA-Z0-9-]/g, '-').replace(/^-+|-+$/g, '');
    const tags = [...tagList(props.Tags), ...rc.tags.filter((t) => !tagList(props.Tags).some((x) => x.Key === t.Key))].slice(0, 10);
    await elb(rc, 'CreateLoadBalancer', clean({
      LoadBalancerName: name,
      Listeners: listenersOf(props),
      Subnets: strList(props.Subnets),
      AvailabilityZones: strList(props.AvailabilityZones),
      SecurityGroups: strList(props.SecurityGroups),
      Scheme: str(props.Scheme),
      Tags: tags.length ? tags : undefined,
    }));
    await applySettings(rc, name, props);
    return { physicalId: name, attributes: await attributes(rc, name) };
  },
  async update(rc, name, props, old) {
    const now = listenersOf(props);
    const before = listenersOf(old);
    const gone = before.filter((b) => !now.some((n) => JSON.stringify(n) === JSON.stringify(b))).map((b) => b.LoadBalancerPort);
    if (gone.length) await elb(rc, 'DeleteLoadBalancerListeners', { LoadBalancerName: name, LoadBalancerPorts: gone });
    const added = now.filter((n) => !before.some((b) => JSON.stringify(n) === JSON.stringify(b)));
    if (added.length) await elb(rc, 'CreateLoadBalancerListeners', { LoadBalancerName: name, Listeners: added });
    if (JSON.stringify(props.SecurityGroups) !== JSON.stringify(old.SecurityGroups) && strList(props.SecurityGroups))
      await elb(rc, 'ApplySecurityGroupsToLoadBalancer', { LoadBalancerName: name, SecurityGroups: strList(props.SecurityGroups) });
    await applySettings(rc, name, props, old);
    return { attributes: await attributes(rc, name) };
  },
  async delete(rc, name) {
    await elb(rc, 'DeleteLoadBalancer', { LoadBalancerName: name });
  },
};

export const elbCloudFormation: Record<string, ResourceProvider> = {
  'AWS::ElasticLoadBalancing::LoadBalancer': loadBalancer,
};
