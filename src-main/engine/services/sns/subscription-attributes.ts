/** The attributes a subscription may carry, and what SNS says about bad values. */
import { parsePattern, PatternError } from '../events/pattern';
import { invalidParameter } from './errors';

const SETTABLE = new Set(['RawMessageDelivery', 'FilterPolicy', 'FilterPolicyScope', 'DeliveryPolicy', 'RedrivePolicy', 'SubscriptionRoleArn']);

export function checkSubscriptionAttribute(name: string, value: string, protocol: string): void {
  if (!SETTABLE.has(name)) throw invalidParameter('Invalid parameter: AttributeName');
  if (name === 'RawMessageDelivery') {
    if (value !== 'true' && value !== 'false') throw invalidParameter('Invalid parameter: RawMessageDelivery: Invalid value [' + value + ']. Must be true or false.');
    if (!['sqs', 'http', 'https', 'firehose'].includes(protocol) && value === 'true') throw invalidParameter('Invalid parameter: Delivery protocol [' + protocol + '] does not support raw message delivery.');
  }
  if (name === 'FilterPolicyScope' && value !== 'MessageAttributes' && value !== 'MessageBody')
    throw invalidParameter('Invalid parameter: FilterPolicyScope: Invalid value [' + value + ']. Please use either MessageBody or MessageAttributes');
  if (name === 'FilterPolicy' && value !== '') {
    try {
      parsePattern(value);
    } catch (e) {
      if (e instanceof PatternError) throw invalidParameter(`Invalid parameter: FilterPolicy: ${e.message}`);
      throw e;
    }
  }
}
