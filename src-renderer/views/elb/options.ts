/** Choices for the load balancer and Auto Scaling forms, loaded through AWS calls when a dialog opens. */
import { list, text } from '../../aws/json';
import type { AwsCall } from '../../composables/useAws';
import type { Option, Values } from '../../pages/types';

export const str = (v: Values, k: string): string => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
export const numOf = (v: Values, k: string): number | undefined => (typeof v[k] === 'number' ? (v[k] as number) : str(v, k) ? Number(str(v, k)) : undefined);

export async function targetGroupOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('elasticloadbalancingv2', 'DescribeTargetGroups');
  return list(out, 'TargetGroups').map((g) => ({ value: text(g, 'TargetGroupArn'), label: `${text(g, 'TargetGroupName')} (${text(g, 'Protocol')}:${text(g, 'Port')})` }));
}

export async function optionalTargetGroupOptions(call: AwsCall): Promise<Option[]> {
  return [{ value: '', label: 'None' }, ...(await targetGroupOptions(call))];
}

export async function launchTemplateOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('ec2', 'DescribeLaunchTemplates');
  return list(out, 'LaunchTemplates').map((t) => ({ value: text(t, 'LaunchTemplateId'), label: `${text(t, 'LaunchTemplateName')} (${text(t, 'LaunchTemplateId')})` }));
}

export async function keyPairOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('ec2', 'DescribeKeyPairs');
  return [{ value: '', label: 'Proceed without a key pair' }, ...list(out, 'KeyPairs').map((k) => ({ value: text(k, 'KeyName'), label: text(k, 'KeyName') }))];
}

export async function imageOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('ec2', 'DescribeImages', { Owners: ['amazon'] });
  return list(out, 'Images').map((i) => ({ value: text(i, 'ImageId'), label: `${text(i, 'Name') || text(i, 'ImageId')} (${text(i, 'ImageId')})` }));
}

/** Subnets (and the VPC) of two fields, as the wizard's two mappings. */
export const subnetsOf = (v: Values, keys = ['SubnetA', 'SubnetB']): string[] => [...new Set(keys.map((k) => str(v, k)).filter(Boolean))];
