/** Application Auto Scaling's errors, in its wording. */
import { AwsError } from '../../protocol/errors';

export const validation = (message: string) => new AwsError('ValidationException', message, 400);
export const objectNotFound = (message: string) => new AwsError('ObjectNotFoundException', message, 400);
export const notScalableInLab = (namespace: string) =>
  new AwsError(
    'NotImplemented',
    `Nimbus Lab scales DynamoDB tables and indexes only; the ${namespace} namespace has no behaviour in the lab yet.`,
    501,
  );
