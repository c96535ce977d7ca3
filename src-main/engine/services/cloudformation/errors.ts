/**
 * CloudFormation's errors, one factory per AWS code, in CloudFormation's own wording. Almost every
 * template and request mistake is a `ValidationError` (400, Sender) with a specific message.
 */
import { AwsError } from '../../protocol/errors';

export const validationError = (message: string) => new AwsError('ValidationError', message, 400);

export const templateFormatError = (detail: string) => validationError(`Template format error: ${detail}`);

export const templateError = (detail: string) => validationError(`Template error: ${detail}`);

export const stackDoesNotExist = (nameOrId: string) => validationError(`Stack with id ${nameOrId} does not exist`);

export const alreadyExists = (stackName: string) => new AwsError('AlreadyExistsException', `Stack [${stackName}] already exists`, 400);

export const changeSetAlreadyExists = (name: string) =>
  new AwsError('AlreadyExistsException', `ChangeSet ${name} already exists`, 400);

export const changeSetNotFound = (nameOrId: string) =>
  new AwsError('ChangeSetNotFound', `ChangeSet [${nameOrId}] does not exist`, 404);

export const insufficientCapabilities = (capabilities: string[]) =>
  new AwsError('InsufficientCapabilitiesException', `Requires capabilities : [${capabilities.join(', ')}]`, 400);

export const noUpdates = () => validationError('No updates are to be performed.');

export const invalidState = (stackId: string, status: string, verb: string) =>
  validationError(`Stack:${stackId} is in ${status} state and can not be ${verb}.`);

export const terminationProtected = (stackName: string) =>
  validationError(`Stack [${stackName}] cannot be deleted while TerminationProtection is enabled`);

export const resourceDoesNotExist = (logicalId: string, stackName: string) =>
  validationError(`Resource ${logicalId} does not exist for stack ${stackName}`);

export const invalidChangeSetStatus = (message: string) => new AwsError('InvalidChangeSetStatus', message, 400);

export const tokenAlreadyExists = (message: string) => new AwsError('TokenAlreadyExistsException', message, 400);
