/** Elastic Load Balancing (v2)'s errors, one factory per AWS code, in its wording. */
import { AwsError } from '../../protocol/errors';

export const validationError = (message: string) => new AwsError('ValidationError', message, 400);
export const loadBalancerNotFound = (message = 'One or more load balancers not found') => new AwsError('LoadBalancerNotFound', message, 400);
export const targetGroupNotFound = (message = 'One or more target groups not found') => new AwsError('TargetGroupNotFound', message, 400);
export const listenerNotFound = (message = 'One or more listeners not found') => new AwsError('ListenerNotFound', message, 400);
export const ruleNotFound = (message = 'One or more rules not found') => new AwsError('RuleNotFound', message, 400);
export const duplicateLoadBalancerName = (name: string) =>
  new AwsError('DuplicateLoadBalancerName', `A load balancer with the same name '${name}' exists, but with different settings`, 400);
export const duplicateTargetGroupName = (name: string) =>
  new AwsError('DuplicateTargetGroupName', `A target group with the same name '${name}' exists, but with different settings`, 400);
export const duplicateListener = (lbArn: string) => new AwsError('DuplicateListener', `A listener already exists on this port for this load balancer '${lbArn}'`, 400);
export const priorityInUse = (priority: number) => new AwsError('PriorityInUse', `Priority '${priority}' is currently in use`, 400);
export const invalidSubnet = (message: string) => new AwsError('InvalidSubnet', message, 400);
export const subnetNotFound = (message: string) => new AwsError('SubnetNotFound', message, 400);
export const invalidSecurityGroup = (message: string) => new AwsError('InvalidSecurityGroup', message, 400);
export const invalidTarget = (message: string) => new AwsError('InvalidTarget', message, 400);
export const invalidConfigurationRequest = (message: string) => new AwsError('InvalidConfigurationRequest', message, 400);
export const resourceInUse = (message: string) => new AwsError('ResourceInUse', message, 400);
export const targetGroupAssociationLimit = (message: string) => new AwsError('TargetGroupAssociationLimit', message, 400);
export const invalidLoadBalancerAction = (message: string) => new AwsError('InvalidLoadBalancerAction', message, 400);
export const unsupportedProtocol = (message: string) => new AwsError('UnsupportedProtocol', message, 400);
export const certificateNotFound = (message = 'Certificate not found') => new AwsError('CertificateNotFound', message, 400);
export const incompatibleProtocols = (message: string) => new AwsError('IncompatibleProtocols', message, 400);
export const operationNotPermitted = (message: string) => new AwsError('OperationNotPermitted', message, 400);
export const tooManyTags = (message: string) => new AwsError('TooManyTags', message, 400);
