/**
 * What the launch wizard offers, loaded once per visit through AWS calls: Quick Start AMIs
 * (DescribeImages over the lab's catalog), instance types, VPCs, subnets, security groups, key pairs.
 */
import { computed, inject, ref, type InjectionKey } from 'vue';
import type { JsonObject } from '../../src-main/contract';
import { list, text, type Row } from '../aws/json';
import { useAws } from './useAws';

/** Quick Start owners: Amazon and Canonical. */
const QUICK_START_OWNERS = ['amazon', '099720109477'];

/** The book's AMI first (§3.1.1 uses Amazon Linux AMI 2017.09.1 / Ubuntu), then newest per family. */
export function quickStartOrder(images: Row[]): Row[] {
  const rank = (i: Row) => {
    const name = text(i, 'Name');
    if (name.startsWith('amzn-ami-hvm-2017.09.1')) return 0;
    if (name.startsWith('amzn2-ami')) return 1;
    if (name.startsWith('al2023-ami')) return 2;
    if (name.includes('ubuntu')) return 3;
    return 4;
  };
  return [...images].sort((a, b) => rank(a) - rank(b) || text(b, 'CreationDate').localeCompare(text(a, 'CreationDate')));
}

export const FREE_TIER_TYPES = new Set(['t2.micro', 't3.micro']);

export function useLaunchCatalog() {
  const { call, showError } = useAws();
  const images = ref<Row[]>([]);
  const types = ref<Row[]>([]);
  const vpcs = ref<Row[]>([]);
  const subnets = ref<Row[]>([]);
  const groups = ref<Row[]>([]);
  const keyPairs = ref<Row[]>([]);
  const loading = ref(false);

  const defaultVpcId = computed(() => text(vpcs.value.find((v) => v.IsDefault === true) ?? vpcs.value[0], 'VpcId'));

  async function load(): Promise<void> {
    loading.value = true;
    const get = async (fail: string, op: string, input: JsonObject, key: string): Promise<Row[]> => {
      try {
        return list(await call('ec2', op, input), key);
      } catch (e) {
        showError(fail, e);
        return [];
      }
    };
    const [i, t, v, s, g, k] = await Promise.all([
      get('Could not list AMIs', 'DescribeImages', { Owners: QUICK_START_OWNERS }, 'Images'),
      get('Could not list instance types', 'DescribeInstanceTypes', {}, 'InstanceTypes'),
      get('Could not list VPCs', 'DescribeVpcs', {}, 'Vpcs'),
      get('Could not list subnets', 'DescribeSubnets', {}, 'Subnets'),
      get('Could not list security groups', 'DescribeSecurityGroups', {}, 'SecurityGroups'),
      get('Could not list key pairs', 'DescribeKeyPairs', {}, 'KeyPairs'),
    ]);
    images.value = quickStartOrder(i);
    types.value = t.sort((a, b) => text(a, 'InstanceType').localeCompare(text(b, 'InstanceType'), undefined, { numeric: true }));
    vpcs.value = v;
    subnets.value = s;
    groups.value = g;
    keyPairs.value = k;
    loading.value = false;
  }

  return { images, types, vpcs, subnets, groups, keyPairs, loading, defaultVpcId, load };
}

export type LaunchCatalog = ReturnType<typeof useLaunchCatalog>;
export const LAUNCH_CATALOG: InjectionKey<LaunchCatalog> = Symbol('launch-catalog');

/** For the wizard's steps: the catalog their wizard loaded. */
export function injectLaunchCatalog(): LaunchCatalog {
  const catalog = inject(LAUNCH_CATALOG);
  if (!catalog) throw new Error('launch wizard steps need the wizard\'s catalog');
  return catalog;
}
