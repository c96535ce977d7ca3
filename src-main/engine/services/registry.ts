/**
 * Every service with behaviour in the lab, as its manifest (core/provider.ts). Adding a service =
 * one folder and one line here (docs/architecture.md, "Adding a service").
 */
import type { ServiceProvider } from '../core/provider';
import { cloudformationProvider } from './cloudformation';
import type { AuthzHooks } from '../iam/hooks';
import { ec2Provider, tagsOf } from './ec2';
import { iamProvider } from './iam';
import { iamIdentitySource } from './iam/api';
import { bucketPolicyFor, s3Provider } from './s3';
import { sessionFacts, stsProvider, trustPolicy } from './sts';
import { monitoringProvider } from './monitoring';
import { dynamodbProvider } from './dynamodb';
import { dynamodbstreamsProvider } from './dynamodbstreams';
import { applicationAutoscalingProvider } from './application-autoscaling';
import { snsProvider } from './sns';
import { eventsProvider } from './events';
import { cloudtrailProvider } from './cloudtrail';
import { logsProvider } from './logs';
import { queuePolicyFor, sqsProvider } from './sqs';
import { elbv2Provider } from './elasticloadbalancingv2';
import { elbProvider } from './elasticloadbalancing';
import { autoscalingProvider } from './autoscaling';
import { rdsProvider } from './rds';
import { elasticacheProvider } from './elasticache';
import { efsProvider } from './elasticfilesystem';
import { lambdaProvider } from './lambda';

export const providers: ServiceProvider[] = [s3Provider, stsProvider, ec2Provider, iamProvider, cloudformationProvider, monitoringProvider, sqsProvider, snsProvider, eventsProvider, cloudtrailProvider, logsProvider, elbv2Provider, elbProvider, dynamodbProvider, dynamodbstreamsProvider, applicationAutoscalingProvider, autoscalingProvider, rdsProvider, elasticacheProvider, efsProvider, lambdaProvider];

/** What IAM's authorizer reads from the services (engine/index.ts wires it into the dispatcher). */
export const authzHooks: AuthzHooks = {
  tables: Object.fromEntries(providers.map((p) => [p.service, p.iam])),
  identity: iamIdentitySource,
  session: sessionFacts,
  resourcePolicies: { s3: bucketPolicyFor, sts: trustPolicy, sqs: queuePolicyFor },
  // ec2:ResourceTag/KEY conditions (§6.3): the tags of the resource an ARN names.
  resourceTags: {
    ec2: (ctx, arn) => new Map(tagsOf(ctx, arn.slice(arn.lastIndexOf('/') + 1)).map((t) => [t.Key, t.Value])),
  },
};
