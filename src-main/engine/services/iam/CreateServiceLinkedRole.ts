import type { Ctx } from '../../core/provider';
import { invalidInput } from './errors';
import { roleOutput } from './output';
import { insertRole } from './roles';

/** The services of the book that create service-linked roles, with AWS's role names. */
const LINKED: Record<string, { name: string; description: string }> = {
  'autoscaling.amazonaws.com': { name: 'AWSServiceRoleForAutoScaling', description: 'Default Service-Linked Role enables access to AWS Services and Resources used or managed by Auto Scaling' },
  'elasticloadbalancing.amazonaws.com': { name: 'AWSServiceRoleForElasticLoadBalancing', description: "Allows ELB to call AWS services on customer's behalf." },
  'rds.amazonaws.com': { name: 'AWSServiceRoleForRDS', description: 'Allows Amazon RDS to manage AWS resources on your behalf' },
  'elasticbeanstalk.amazonaws.com': { name: 'AWSServiceRoleForElasticBeanstalk', description: 'Allows Elastic Beanstalk to create and manage AWS resources on your behalf.' },
  'elasticache.amazonaws.com': { name: 'AWSServiceRoleForElastiCache', description: 'This policy allows ElastiCache to manage AWS resources on your behalf as necessary to manage your cache.' },
  'elasticfilesystem.amazonaws.com': { name: 'AWSServiceRoleForAmazonElasticFileSystem', description: 'Allows EFS to manage AWS resources on your behalf' },
  'ec2scheduled.amazonaws.com': { name: 'AWSServiceRoleForEC2Scheduled', description: 'Allows EC2 Scheduled Instances to manage instances on your behalf' },
  'spot.amazonaws.com': { name: 'AWSServiceRoleForEC2Spot', description: 'Default EC2 Spot Service Linked Role' },
  'opsworks.amazonaws.com': { name: 'AWSServiceRoleForOpsWorks', description: 'Allows OpsWorks to manage AWS resources on your behalf' },
  'events.amazonaws.com': { name: 'AWSServiceRoleForCloudWatchEvents', description: 'Allows CloudWatch Events to call AWS services on your behalf' },
};

export const CreateServiceLinkedRole = (ctx: Ctx, input: { AWSServiceName: string; Description?: string; CustomSuffix?: string }) => {
  const linked = LINKED[input.AWSServiceName];
  if (!linked) throw invalidInput(`Service role name ${input.AWSServiceName} is not supported by the lab.`);
  const name = input.CustomSuffix ? `${linked.name}_${input.CustomSuffix}` : linked.name;
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: [input.AWSServiceName] }, Action: ['sts:AssumeRole'] }] });
  const role = insertRole(ctx, { name, path: `/aws-service-role/${input.AWSServiceName}/`, trustPolicy: trust, description: input.Description ?? linked.description });
  return { Role: roleOutput(ctx.store, role) };
};
