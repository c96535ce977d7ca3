/** Classic Load Balancing's errors, one factory per AWS code (HTTP 400 unless noted). */
import { AwsError } from '../../protocol/errors';

const err = (code: string, message: string, status = 400) => new AwsError(code, message, status);

export const loadBalancerNotFound = (name: string) => err('LoadBalancerNotFound', `There is no ACTIVE Load Balancer named '${name}'`);
export const duplicateLoadBalancerName = (name: string) => err('DuplicateLoadBalancerName', `Load Balancer named '${name}' already exists and it is configured with different parameters.`);
export const duplicateListener = (port: number) => err('DuplicateListener', `A listener already exists for the load balancer with port ${port}, but with a different instance port, protocol, or SSL certificate.`);
export const invalidInstance = (message: string) => err('InvalidInstance', message);
export const invalidConfigurationRequest = (message: string) => err('InvalidConfigurationRequest', message, 409);
export const invalidSubnet = (message: string) => err('InvalidSubnet', message);
export const subnetNotFound = (message: string) => err('SubnetNotFound', message);
export const invalidSecurityGroup = (message: string) => err('InvalidSecurityGroup', message);
export const invalidScheme = (scheme: string) => err('InvalidScheme', `Invalid scheme '${scheme}': it must be 'internet-facing' or 'internal'.`);
export const validationError = (message: string) => err('ValidationError', message);
export const tooManyTags = (name: string) => err('TooManyTags', `The quota for the number of tags that can be assigned to load balancer '${name}' has been reached.`);
