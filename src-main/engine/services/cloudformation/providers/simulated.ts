/**
 * Types whose service has no behaviour in the lab yet (RDS, ElastiCache, EFS, ...): CloudFormation
 * records them with the ids, names and attributes AWS would give, so templates resolve and outputs
 * show plausible values, and marks them as simulated without behaviour (DescribeStackResource says
 * so). Nothing is created in another service.
 */
import { randomUUID } from 'node:crypto';
import type { Json, JsonObject } from '../template/parse';
import { generatedName, num, randomSuffix, str, type ResourceCtx, type ResourceProvider } from './types';

const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(Math.random() * 10))).join('');

const arn = (rc: ResourceCtx, service: string, rest: string) => `arn:${rc.partition}:${service}:${rc.region}:${rc.accountId}:${rest}`;

type Sim = (rc: ResourceCtx, props: JsonObject) => { physicalId: string; attributes: Record<string, Json> };

const SIMULATIONS: Record<string, Sim> = {
  'AWS::EFS::FileSystem': (rc) => {
    const id = `fs-${hex(17)}`;
    return { physicalId: id, attributes: { FileSystemId: id, Arn: arn(rc, 'elasticfilesystem', `file-system/${id}`) } };
  },
  'AWS::EFS::MountTarget': () => {
    const id = `fsmt-${hex(17)}`;
    return { physicalId: id, attributes: { Id: id, IpAddress: `10.0.${Math.floor(Math.random() * 250)}.${4 + Math.floor(Math.random() * 250)}` } };
  },
  'AWS::RDS::DBInstance': (rc, p) => {
    const id = str(p.DBInstanceIdentifier)?.toLowerCase() ?? generatedName(rc, 63, { lower: true, suffix: 13 });
    const engine = (str(p.Engine) ?? 'mysql').toLowerCase();
    const port = num(p.Port) ?? (engine.startsWith('postgres') ? 5432 : engine.startsWith('sqlserver') ? 1433 : engine.startsWith('oracle') ? 1521 : 3306);
    return {
      physicalId: id,
      attributes: {
        'Endpoint.Address': `${id}.${hex(12)}.${rc.region}.rds.${rc.urlSuffix}`,
        'Endpoint.Port': String(port),
        'Endpoint.HostedZoneId': 'Z2R2ITUGPM61AM',
        DBInstanceArn: arn(rc, 'rds', `db:${id}`),
        DbiResourceId: `db-${randomSuffix(26)}`,
      },
    };
  },
  'AWS::RDS::DBSubnetGroup': (rc, p) => ({ physicalId: str(p.DBSubnetGroupName)?.toLowerCase() ?? generatedName(rc, 255, { lower: true, suffix: 13 }), attributes: {} }),
  'AWS::ElastiCache::SubnetGroup': (rc, p) => ({ physicalId: str(p.CacheSubnetGroupName)?.toLowerCase() ?? generatedName(rc, 255, { lower: true, suffix: 13 }), attributes: {} }),
  'AWS::ElastiCache::CacheCluster': (rc, p) => {
    const id = str(p.ClusterName)?.toLowerCase() ?? `${rc.stackName.slice(0, 6)}-${randomSuffix(13)}`.toLowerCase().slice(0, 20);
    const redis = str(p.Engine) === 'redis';
    const host = `${id}.${hex(6)}.0001.${rc.region.replace(/-(\w)\w*-(\d)$/, '$1$2').replace(/^(\w\w)-/, '$1')}.cache.${rc.urlSuffix}`;
    const attributes: Record<string, Json> = redis
      ? { 'RedisEndpoint.Address': host, 'RedisEndpoint.Port': '6379' }
      : { 'ConfigurationEndpoint.Address': host.replace('.0001.', '.cfg.'), 'ConfigurationEndpoint.Port': '11211' };
    return { physicalId: id, attributes };
  },
  'AWS::CloudWatch::Alarm': (rc, p) => {
    const name = str(p.AlarmName) ?? generatedName(rc, 255, { suffix: 13 });
    return { physicalId: name, attributes: { Arn: arn(rc, 'cloudwatch', `alarm:${name}`) } };
  },
  'AWS::SQS::Queue': (rc, p) => {
    const fifo = p.FifoQueue === true || p.FifoQueue === 'true';
    const name = str(p.QueueName) ?? `${generatedName(rc, fifo ? 75 : 80, { suffix: 12 })}${fifo ? '.fifo' : ''}`;
    const url = `https://sqs.${rc.region}.${rc.urlSuffix}/${rc.accountId}/${name}`;
    return { physicalId: url, attributes: { QueueUrl: url, QueueName: name, Arn: arn(rc, 'sqs', name) } };
  },
  'AWS::DynamoDB::Table': (rc, p) => {
    const name = str(p.TableName) ?? generatedName(rc, 255, { suffix: 13 });
    const a = arn(rc, 'dynamodb', `table/${name}`);
    return { physicalId: name, attributes: { Arn: a, StreamArn: p.StreamSpecification ? `${a}/stream/${new Date(rc.now()).toISOString().replace('Z', '')}` : null } };
  },
  'AWS::ApplicationAutoScaling::ScalableTarget': (_rc, p) => {
    const id = `${str(p.ResourceId)}|${str(p.ScalableDimension)}|${str(p.ServiceNamespace)}`;
    return { physicalId: id, attributes: { Id: id } };
  },
  'AWS::ApplicationAutoScaling::ScalingPolicy': (rc, p) => {
    const a = arn(rc, 'autoscaling', `scalingPolicy:${randomUUID()}:resource/${str(p.ServiceNamespace) ?? 'dynamodb'}/${str(p.ResourceId) ?? ''}:policyName/${str(p.PolicyName)}`);
    return { physicalId: a, attributes: { Arn: a } };
  },
  'AWS::ElasticBeanstalk::Application': (rc, p) => ({ physicalId: str(p.ApplicationName) ?? generatedName(rc, 100, { suffix: 13 }), attributes: {} }),
  'AWS::ElasticBeanstalk::ApplicationVersion': (rc) => ({ physicalId: generatedName(rc, 100, { lower: true, suffix: 12 }), attributes: {} }),
  'AWS::ElasticBeanstalk::ConfigurationTemplate': (rc) => ({ physicalId: generatedName(rc, 100, { lower: true, suffix: 12 }), attributes: {} }),
  'AWS::ElasticBeanstalk::Environment': (rc, p) => {
    const name = str(p.EnvironmentName) ?? `${rc.stackName.slice(0, 12)}-${randomSuffix(7)}`.toLowerCase();
    const worker = str((p.Tier as JsonObject | undefined)?.Name) === 'Worker';
    return {
      physicalId: name,
      attributes: { EndpointURL: worker ? '' : `awseb-e-${hex(10)}-stack-AWSEBLoa-${randomSuffix(12)}-${digits(9)}.${rc.region}.elb.${rc.urlSuffix}` },
    };
  },
  'AWS::CloudTrail::Trail': (rc, p) => {
    const name = str(p.TrailName) ?? generatedName(rc, 128, { suffix: 12 });
    return { physicalId: name, attributes: { Arn: arn(rc, 'cloudtrail', `trail/${name}`), SnsTopicArn: p.SnsTopicName ? arn(rc, 'sns', String(p.SnsTopicName)) : null } };
  },
  'AWS::Lambda::Function': (rc, p) => {
    const name = str(p.FunctionName) ?? generatedName(rc, 64, { suffix: 12 });
    return { physicalId: name, attributes: { Arn: arn(rc, 'lambda', `function:${name}`), SnapStartResponse: null } };
  },
  'AWS::Lambda::Permission': (rc) => {
    const id = generatedName(rc, 100, { suffix: 12 });
    return { physicalId: id, attributes: { Id: id } };
  },
  'AWS::Events::Rule': (rc, p) => {
    const name = str(p.Name) ?? generatedName(rc, 64, { suffix: 12 });
    return { physicalId: name, attributes: { Arn: arn(rc, 'events', `rule/${name}`) } };
  },
  'AWS::SNS::Topic': (rc, p) => {
    const name = str(p.TopicName) ?? generatedName(rc, 256, { suffix: 12 });
    const a = arn(rc, 'sns', name);
    return { physicalId: a, attributes: { TopicArn: a, TopicName: name } };
  },
};

/** A record-only provider for a type; the attributes are fixed at creation and kept on update. */
export function simulatedProvider(type: string): ResourceProvider | undefined {
  const sim = SIMULATIONS[type];
  if (!sim) return undefined;
  return {
    create: async (rc, props) => sim(rc, props),
    update: async () => undefined,
    delete: async () => undefined,
  };
}

export const simulatedTypes = (): string[] => Object.keys(SIMULATIONS);
