/**
 * What the learner has in the cloud beyond the account's defaults, as a flat list of keys
 * (`ec2:us-east-1:instance:i-0abc…`). The solver compares it before a chapter and after its cleanup.
 *
 * The account's defaults (never listed): in every region the default VPC with its default subnets,
 * its internet gateway, its main route table and default network ACL, the default security group
 * of every VPC, and the DHCP options; the root user itself and AWS-managed IAM policies and
 * service-linked roles. Resources AWS deletes together with their owner (an instance's primary
 * network interface and root volume while the instance lives) are listed with their owner only.
 *
 * Each service declares its kinds in its manifest (`inventory` field, `services/<svc>/inventory.ts`).
 * Kinds whose List/Describe operation the lab does not implement yet cannot be inventoried; they are
 * returned in `unchecked` so a caller can say so instead of claiming a clean account.
 */
import type { InventoryItem, InventoryKind } from '../core/inventory';
import type { ServiceProvider } from '../core/provider';
import { providers } from '../services/registry';
import { arr, str } from './cloud';
import type { StepContext } from './types';

export type { InventoryItem };

export interface Inventory {
  items: InventoryItem[];
  /** service:Operation pairs the lab has no behaviour for, so their kinds were not looked at. */
  unchecked: string[];
}

type Kind = InventoryKind & { service: string };

const item = (key: string, label: string): InventoryItem => ({ key, label });

/**
 * Kinds of services that have no manifest yet; a service's manifest (`inventory` field) replaces
 * them. Delete an entry when its service lands.
 */
const PLANNED: Kind[] = [
  {
    service: 'monitoring',
    operation: 'DescribeAlarms',
    list: async (ctx, region) =>
      arr((await ctx.aws('monitoring', 'DescribeAlarms', {}, region)).MetricAlarms).map((a) =>
        item(`cloudwatch:${region}:alarm:${String(a.AlarmName)}`, `alarm ${String(a.AlarmName)} in ${region}`),
      ),
  },
  {
    service: 'sns',
    operation: 'ListTopics',
    list: async (ctx, region) =>
      arr((await ctx.aws('sns', 'ListTopics', {}, region)).Topics).map((t) =>
        item(`sns:${region}:topic:${String(t.TopicArn).split(':').pop()}`, `SNS topic ${String(t.TopicArn)}`),
      ),
  },
];

/** The manifests' kinds (registry order), then the planned ones of services without a manifest. */
export function inventoryKinds(manifests: readonly ServiceProvider[] = providers): Kind[] {
  const declared = manifests.flatMap((m) => m.inventory.map((k) => ({ ...k, service: k.service ?? m.service })));
  const have = new Set(manifests.map((m) => m.service));
  return [...declared, ...PLANNED.filter((k) => !have.has(k.service))];
}

export async function takeInventory(ctx: StepContext, regions: string[]): Promise<Inventory> {
  const items: InventoryItem[] = [];
  const unchecked: string[] = [];
  for (const kind of inventoryKinds()) {
    if (!ctx.deps.hasOperation(kind.service, kind.operation)) {
      unchecked.push(`${kind.service}:${kind.operation}`);
      continue;
    }
    for (const region of kind.global ? ['us-east-1'] : regions) items.push(...(await kind.list(ctx, region)));
  }
  items.sort((a, b) => a.key.localeCompare(b.key));
  return { items, unchecked };
}

/** What `after` has that neither `before` nor the kept keys explain. */
export function leftovers(before: Inventory, after: Inventory, keeps: string[]): InventoryItem[] {
  const known = new Set([...before.items.map((i) => i.key), ...keeps]);
  return after.items.filter((i) => !known.has(i.key));
}

export const inventoryKey = (service: string, region: string, kind: string, id: string): string =>
  `${service}:${region}:${kind}:${id}`;

export { str };
