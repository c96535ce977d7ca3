/**
 * Small readers over the cloud's API answers that several chapters share. Everything goes through
 * the step context's `aws()` (Describe, Get and List calls as the root user, source 'internal').
 */
import { AwsError } from '../protocol/errors';
import type { StepContext } from './types';

export type Obj = Record<string, unknown>;

export const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function tagValue(resource: Obj, key: string): string | undefined {
  return str(arr(resource.Tags).find((t) => t.Key === key)?.Value);
}

export interface Instance extends Obj {
  InstanceId: string;
  State: { Name: string };
  InstanceType: string;
}

/** Every instance of a region (flattening reservations), including terminated ones still listed. */
export async function describeInstances(ctx: StepContext, region: string, filters: Obj[] = []): Promise<Instance[]> {
  const out = await ctx.aws('ec2', 'DescribeInstances', filters.length ? { Filters: filters } : {}, region);
  return arr(out.Reservations).flatMap((r) => arr(r.Instances)) as Instance[];
}

export const isLive = (i: Instance): boolean => i.State.Name !== 'terminated' && i.State.Name !== 'shutting-down';

export const nameOf = (i: Obj): string | undefined => tagValue(i, 'Name');

export async function describeSecurityGroups(ctx: StepContext, region: string, ids?: string[]): Promise<Obj[]> {
  const out = await ctx.aws('ec2', 'DescribeSecurityGroups', ids ? { GroupIds: ids } : {}, region);
  return arr(out.SecurityGroups);
}

export async function findGroupByName(ctx: StepContext, region: string, name: string): Promise<Obj | undefined> {
  return (await describeSecurityGroups(ctx, region)).find((g) => g.GroupName === name);
}

/**
 * Whether an error says "there is no such thing" (and nothing else): a missing user, stack, key pair
 * or table. Checks treat that as "not there yet"; any other error (a bug, a missing operation, a
 * refused call) must surface, so it is never mistaken for the learner's unfinished work.
 */
export function isNotFound(e: unknown): boolean {
  if (!(e instanceof AwsError) || e.status >= 500) return false;
  if (/NotFound|^NoSuch|DoesNotExist|^ResourceNotFoundException$/.test(e.code)) return true;
  // CloudFormation answers a missing stack with ValidationError "Stack with id X does not exist".
  return e.code === 'ValidationError' && /does not exist/.test(e.message);
}

/** A read that answers undefined when the thing is not there; every other error is thrown. */
export async function ifExists<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export const instanceGroups = (i: Obj): string[] =>
  arr(i.SecurityGroups)
    .map((g) => str(g.GroupId))
    .filter((g): g is string => !!g);

export function describeImageName(ctx: StepContext, region: string, imageId: string): Promise<string | undefined> {
  return ifExists(ctx.aws('ec2', 'DescribeImages', { ImageIds: [imageId] }, region)).then((out) => str(arr(out?.Images)[0]?.Name));
}

export async function findImageId(ctx: StepContext, region: string, namePattern: string): Promise<string> {
  const out = await ctx.aws('ec2', 'DescribeImages', { Filters: [{ Name: 'name', Values: [namePattern] }] }, region);
  const images = arr(out.Images).sort((a, b) => String(b.CreationDate ?? '').localeCompare(String(a.CreationDate ?? '')));
  const id = str(images[0]?.ImageId);
  if (!id) throw new Error(`the lab's image catalog has no image named like ${namePattern} in ${region}`);
  return id;
}

export async function defaultSubnet(ctx: StepContext, region: string): Promise<{ vpcId: string; subnetId: string }> {
  const vpcs = await ctx.aws('ec2', 'DescribeVpcs', {}, region);
  const vpcId = str(arr(vpcs.Vpcs).find((v) => v.IsDefault === true)?.VpcId);
  if (!vpcId) throw new Error(`${region} has no default VPC`);
  const subnets = await ctx.aws('ec2', 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }, region);
  const sorted = arr(subnets.Subnets).sort((a, b) => String(a.AvailabilityZone).localeCompare(String(b.AvailabilityZone)));
  const subnetId = str(sorted[0]?.SubnetId);
  if (!subnetId) throw new Error(`the default VPC ${vpcId} has no subnet`);
  return { vpcId, subnetId };
}

/** Waits on the simulated clock (warping it) until the instance reaches a state. */
export async function waitForInstanceState(
  ctx: StepContext,
  region: string,
  instanceId: string,
  state: string,
  maxMs = 15 * 60_000,
): Promise<Instance> {
  const step = 5_000;
  for (let waited = 0; ; waited += step) {
    const found = (await describeInstances(ctx, region, [{ Name: 'instance-id', Values: [instanceId] }]))[0];
    if (found && found.State.Name === state) return found;
    if (waited >= maxMs) throw new Error(`${instanceId} did not reach '${state}' (it is '${found?.State.Name ?? 'gone'}')`);
    ctx.deps.clock.advance(step);
    await Promise.resolve();
  }
}

/**
 * Polls a predicate while moving simulated time forward (stacks, NAT gateways, spot requests).
 * `realMs` lets real time pass between polls too, for work done off the main thread (a database
 * engine stopping and its files being copied for a snapshot) that the simulated clock cannot hurry.
 */
export async function waitFor<T>(ctx: StepContext, what: string, probe: () => Promise<T | undefined>, maxMs = 30 * 60_000, realMs = 0): Promise<T> {
  const step = 5_000;
  for (let waited = 0; ; waited += step) {
    const v = await probe();
    if (v !== undefined) return v;
    if (waited >= maxMs) throw new Error(`gave up waiting for ${what} after ${maxMs / 60_000} simulated minutes`);
    ctx.deps.clock.advance(step);
    if (realMs > 0) await new Promise((r) => setTimeout(r, realMs));
    else await Promise.resolve();
  }
}
