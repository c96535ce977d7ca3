/** ARNs, ids and DNS names as Elastic Load Balancing mints them. */
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../../core/provider';

export const partitionOf = (region: string): string => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
const hex16 = (): string => randomBytes(8).toString('hex');
const digits10 = (): string => String(1_000_000_000 + (randomBytes(4).readUInt32BE(0) % 8_999_999_999)).slice(0, 10);

export const arnPrefix = (ctx: Ctx): string => `arn:${partitionOf(ctx.region)}:elasticloadbalancing:${ctx.region}:${ctx.accountId}`;

export function loadBalancerArn(ctx: Ctx, type: string, name: string): string {
  return `${arnPrefix(ctx)}:loadbalancer/${type === 'network' ? 'net' : 'app'}/${name}/${hex16()}`;
}

export const targetGroupArn = (ctx: Ctx, name: string): string => `${arnPrefix(ctx)}:targetgroup/${name}/${hex16()}`;

/** listener/app/NAME/LBID/LISTENERID, below its load balancer's ARN. */
export const listenerArn = (lbArn: string): string => `${lbArn.replace(':loadbalancer/', ':listener/')}/${hex16()}`;

export const ruleArn = (listener: string): string => `${listener.replace(':listener/', ':listener-rule/')}/${hex16()}`;

export function dnsName(ctx: Ctx, name: string, internal: boolean): string {
  const suffix = partitionOf(ctx.region) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${internal ? 'internal-' : ''}${name}-${digits10()}.${ctx.region}.elb.${suffix}`;
}

/** The Route 53 zone of the region's load balancer names (AWS's real ids for a few regions). */
const ZONES: Record<string, string> = {
  'us-east-1': 'Z35SXDOTRQ7X7K',
  'us-east-2': 'Z3AADJGX6KTTL2',
  'us-west-1': 'Z368ELLRRE2KJ0',
  'us-west-2': 'Z1H1FL5HABSF5',
  'eu-west-1': 'Z32O12XQLNTSW2',
  'eu-central-1': 'Z215JYRZR1TBD5',
  'ap-southeast-1': 'Z1LMS91P8CMLE5',
  'ap-northeast-1': 'Z14GRHDCWA56QT',
};
export const canonicalHostedZoneId = (region: string): string => ZONES[region] ?? 'Z35SXDOTRQ7X7K';

/** `app/NAME/ID` and `targetgroup/NAME/ID`: the names CloudWatch dimensions and GetAtt use. */
export const fullName = (arn: string): string => arn.split(':').slice(5).join(':').replace(/^loadbalancer\//, '');
