/** Auto Scaling's errors, one factory per AWS code, in its wording. */
import { AwsError } from '../../protocol/errors';

export const validationError = (message: string) => new AwsError('ValidationError', message, 400);
export const alreadyExists = (message: string) => new AwsError('AlreadyExists', message, 400);
export const resourceInUse = (message: string) => new AwsError('ResourceInUse', message, 400);
export const scalingActivityInProgress = (message: string) => new AwsError('ScalingActivityInProgress', message, 400);
export const groupNotFound = (name: string) => validationError(`AutoScalingGroup name not found - AutoScalingGroup '${name}' not found`);
export const launchConfigurationNotFound = (name: string) => validationError(`Launch configuration name not found - Launch configuration ${name} not found`);
