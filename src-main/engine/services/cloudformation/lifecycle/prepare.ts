/**
 * Everything CreateStack, UpdateStack and CreateChangeSet check before they accept a template:
 * its source, syntax, transform, structure, parameters (including AWS-specific types checked against
 * the account), capabilities, and a dry evaluation of every resource and output.
 */
import { servicePrincipal } from '../../../core/account';
import type { Ctx } from '../../../core/provider';
import { AwsError } from '../../../protocol/errors';
import { insufficientCapabilities, validationError } from '../errors';
import { ssmPublicParameters } from '../resource-types';
import { listExports, type StackRow } from '../state/stacks';
import { checkTemplate, requiredCapabilities, type CheckedTemplate } from '../template/check';
import { collectReferences, evaluate, NO_VALUE } from '../template/intrinsics';
import { isListType, resolveParameters, type ParameterInput, type ResolvedParameter } from '../template/parameters';
import { isObject, parseTemplate, type Json, type JsonObject } from '../template/parse';
import { applySam, SAM_TRANSFORM } from '../template/sam';
import { fetchTemplateUrl } from '../template/source';
import { buildEnv, zonesOf, type StackIdentity } from './env';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findResourcesDir } from '../../../models/paths';

export interface TemplateSource {
  TemplateBody?: string;
  TemplateURL?: string;
  UsePreviousTemplate?: boolean;
}

export async function templateBody(ctx: Ctx, input: TemplateSource, stack?: StackRow): Promise<string> {
  const given = [input.TemplateBody !== undefined, input.TemplateURL !== undefined, input.UsePreviousTemplate === true].filter(Boolean).length;
  if (given > 1) throw validationError('Specify exactly one of TemplateBody, TemplateURL or UsePreviousTemplate.');
  if (input.TemplateBody !== undefined) return input.TemplateBody;
  if (input.TemplateURL !== undefined) return fetchTemplateUrl(ctx, input.TemplateURL);
  if (input.UsePreviousTemplate) {
    if (!stack) throw validationError('UsePreviousTemplate cannot be used for a stack that does not exist.');
    return stack.template_body;
  }
  throw validationError('Either Template URL or Template Body must be specified.');
}

export interface Processed {
  raw: JsonObject;
  processed: JsonObject;
  checked: CheckedTemplate;
  transforms: string[];
}

/** Parse, expand transforms, check. */
export function processTemplate(body: string): Processed {
  const raw = parseTemplate(body);
  const transforms = raw.Transform === undefined ? [] : Array.isArray(raw.Transform) ? raw.Transform.map(String) : [String(raw.Transform)];
  let processed = raw;
  for (const t of transforms) {
    if (t !== SAM_TRANSFORM) throw validationError(`Template format error: Unsupported transform ${t}. Nimbus Lab supports ${SAM_TRANSFORM}.`);
    processed = applySam(processed);
  }
  return { raw, processed, checked: checkTemplate(processed), transforms };
}

export function checkCapabilities(
  p: Processed,
  given: string[] | undefined,
  viaChangeSet: boolean,
  isNamed?: Parameters<typeof requiredCapabilities>[1],
): string[] {
  const have = new Set(given ?? []);
  const needed = requiredCapabilities(p.checked, isNamed);
  const missing: string[] = [];
  if (needed.includes('CAPABILITY_NAMED_IAM') && !have.has('CAPABILITY_NAMED_IAM')) missing.push('CAPABILITY_NAMED_IAM');
  else if (needed.includes('CAPABILITY_IAM') && !have.has('CAPABILITY_IAM') && !have.has('CAPABILITY_NAMED_IAM')) missing.push('CAPABILITY_IAM');
  if (!viaChangeSet && p.transforms.length && !have.has('CAPABILITY_AUTO_EXPAND')) missing.push('CAPABILITY_AUTO_EXPAND');
  if (missing.length) throw insufficientCapabilities(missing);
  return needed;
}

// AWS-specific parameter types

const EC2_LOOKUPS: Record<string, { op: string; member: string }> = {
  'AWS::EC2::KeyPair::KeyName': { op: 'DescribeKeyPairs', member: 'KeyNames' },
  'AWS::EC2::VPC::Id': { op: 'DescribeVpcs', member: 'VpcIds' },
  'AWS::EC2::Subnet::Id': { op: 'DescribeSubnets', member: 'SubnetIds' },
  'AWS::EC2::SecurityGroup::Id': { op: 'DescribeSecurityGroups', member: 'GroupIds' },
  'AWS::EC2::SecurityGroup::GroupName': { op: 'DescribeSecurityGroups', member: 'GroupNames' },
  'AWS::EC2::Image::Id': { op: 'DescribeImages', member: 'ImageIds' },
  'AWS::EC2::Instance::Id': { op: 'DescribeInstances', member: 'InstanceIds' },
  'AWS::EC2::Volume::Id': { op: 'DescribeVolumes', member: 'VolumeIds' },
};

function missingValue(value: string, name: string): AwsError {
  return validationError(`Parameter validation failed: parameter value ${value} for parameter name ${name} does not exist. Rollback requested by user.`);
}

async function exists(ctx: Ctx, type: string, value: string): Promise<boolean> {
  if (type === 'AWS::EC2::AvailabilityZone::Name') return zonesOf(ctx.region).includes(value);
  const lookup = EC2_LOOKUPS[type];
  if (!lookup) return true;
  try {
    await ctx.call(servicePrincipal(ctx.accountId, 'cloudformation'), 'ec2', lookup.op, { [lookup.member]: [value] }, { region: ctx.region, source: 'internal' });
    return true;
  } catch (e) {
    // Until EC2 answers the lookup, the value is taken on trust (the resource using it will tell).
    if (e instanceof AwsError && e.code === 'NotImplemented') return true;
    if (e instanceof AwsError) return false;
    throw e;
  }
}

let imageCatalog: { name: string; creationDate: string; regions: Record<string, { imageId: string }> }[] | undefined;

function resolveSsm(ctx: Ctx, name: string): string | undefined {
  const prefix = ssmPublicParameters().get(name);
  if (!prefix) return undefined;
  imageCatalog ??= (JSON.parse(readFileSync(join(findResourcesDir(), 'ec2', 'images.json'), 'utf8')) as { images: typeof imageCatalog }).images!;
  const matches = imageCatalog.filter((i) => i.name.startsWith(prefix) && i.regions[ctx.region]).sort((a, b) => b.creationDate.localeCompare(a.creationDate));
  return matches[0]?.regions[ctx.region]?.imageId;
}

/** Checks AWS-specific values against the account and reads SSM-typed values. */
export async function checkAwsParameters(ctx: Ctx, params: ResolvedParameter[]): Promise<void> {
  const unresolved: string[] = [];
  for (const p of params) {
    const ssm = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(p.type);
    if (ssm) {
      const v = resolveSsm(ctx, p.value);
      if (v === undefined) unresolved.push(p.value);
      else p.resolvedValue = v;
      continue;
    }
    const list = /^List<(AWS::.+)>$/.exec(p.type);
    const type = list ? list[1]! : p.type;
    if (!type.startsWith('AWS::')) continue;
    const values = list ? p.value.split(',').map((s) => s.trim()).filter((s) => s !== '') : [p.value];
    for (const v of values) if (!(await exists(ctx, type, v))) throw missingValue(v, p.key);
  }
  if (unresolved.length) throw validationError(`Unable to fetch parameters [${unresolved.join(',')}] from parameter store for this account.`);
}

const LIST_ATTRIBUTES = new Set(['SecurityGroups', 'Ipv6CidrBlocks', 'CidrBlockAssociations', 'SecondaryPrivateIpAddresses', 'LoadBalancerArns']);

/** Evaluates every active resource and output with placeholders for what does not exist yet. */
export function dryRun(ctx: Ctx, p: Processed, id: StackIdentity, params: ResolvedParameter[]): { exports: string[] } {
  const e = buildEnv(ctx.store, p.checked, id, params, () => ({
    ref: 'placeholder',
    attribute: (name) => (LIST_ATTRIBUTES.has(name) ? Array.from({ length: 8 }, () => 'placeholder') : 'placeholder'),
  }));
  // A value built from resources that do not exist yet is known only at creation time: its errors wait till then.
  const tryEvaluate = (v: Json) => {
    try {
      evaluate(v, e.env);
    } catch (err) {
      const refs = collectReferences(v);
      if (refs.getAtts.length === 0 && ![...refs.refs].some((r) => p.checked.resources.has(r))) throw err;
    }
  };
  for (const r of p.checked.resources.values()) {
    if (!e.active.has(r.logicalId)) continue;
    for (const v of Object.values(r.properties)) tryEvaluate(v);
  }
  const exports: string[] = [];
  for (const o of p.checked.outputs.values()) {
    if (o.Condition !== undefined && !e.conditions.get(String(o.Condition))) continue;
    tryEvaluate(o.Value!);
    if (isObject(o.Export) && o.Export.Name !== undefined) {
      const n = evaluate(o.Export.Name, e.env);
      if (n !== NO_VALUE) exports.push(String(n as Json));
    }
  }
  return { exports };
}

export interface PrepareInput extends TemplateSource {
  Parameters?: ParameterInput[];
  Capabilities?: string[];
}

export interface Prepared extends Processed {
  body: string;
  params: ResolvedParameter[];
  capabilities: string[];
}

export async function prepare(ctx: Ctx, input: PrepareInput, id: StackIdentity, opts: { stack?: StackRow; viaChangeSet?: boolean } = {}): Promise<Prepared> {
  const body = await templateBody(ctx, input, opts.stack);
  const p = processTemplate(body);
  const previous = opts.stack ? new Map((JSON.parse(opts.stack.parameters_json) as ResolvedParameter[]).map((x) => [x.key, x.value])) : undefined;
  const params = resolveParameters(p.checked, input.Parameters, previous);
  // Only resources whose condition holds count, and a name set to AWS::NoValue is no name.
  const e = buildEnv(ctx.store, p.checked, id, params, () => ({ ref: 'placeholder', attribute: () => 'placeholder' }));
  const isNamed = (r: { logicalId: string; properties: JsonObject }, property: string) => {
    if (!e.active.has(r.logicalId)) return false;
    if (!property) return true;
    try {
      return evaluate(r.properties[property]!, e.env) !== NO_VALUE;
    } catch {
      return true;
    }
  };
  const capabilities = checkCapabilities(p, input.Capabilities, opts.viaChangeSet ?? false, isNamed);
  await checkAwsParameters(ctx, params);
  const { exports } = dryRun(ctx, p, id, params);
  const taken = listExports(ctx.store, ctx.accountId, ctx.region).filter((e) => e.stackId !== id.stackId);
  for (const name of exports) {
    const other = taken.find((e) => e.name === name);
    if (other) throw validationError(`Export with name ${name} is already exported by stack ${other.stackId.split('/')[1]}`);
  }
  return { ...p, body, params, capabilities };
}

/** Parameters as DescribeStacks shows them: NoEcho values masked, SSM values resolved. */
export function describeParameters(params: ResolvedParameter[]): { ParameterKey: string; ParameterValue: string; ResolvedValue?: string }[] {
  return params.map((p) => ({
    ParameterKey: p.key,
    ParameterValue: p.noEcho ? '****' : p.value,
    ...(p.resolvedValue !== undefined ? { ResolvedValue: p.noEcho ? '****' : p.resolvedValue } : {}),
  }));
}

export { isListType };
