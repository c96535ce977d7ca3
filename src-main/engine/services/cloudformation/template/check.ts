/**
 * Static checks of a parsed template, in CloudFormation's order and wording, before anything is
 * created: sections, parameter declarations, resource types, references, attributes, dependencies.
 */
import { templateError, templateFormatError, validationError } from '../errors';
import { resourceType } from '../resource-types';
import { collectReferences, type References } from './intrinsics';
import { isObject, type Json, type JsonObject } from './parse';

export const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId',
  'AWS::StackName', 'AWS::URLSuffix',
]);

const SECTIONS = new Set([
  'AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Mappings', 'Conditions', 'Resources', 'Outputs',
  'Transform', 'Rules', 'Hooks',
]);

const PARAMETER_PROPERTIES = new Set([
  'Type', 'Default', 'AllowedValues', 'AllowedPattern', 'ConstraintDescription', 'Description', 'MaxLength', 'MaxValue',
  'MinLength', 'MinValue', 'NoEcho',
]);

const RESOURCE_ATTRIBUTES = new Set([
  'Type', 'Properties', 'DependsOn', 'Metadata', 'Condition', 'CreationPolicy', 'DeletionPolicy', 'UpdatePolicy',
  'UpdateReplacePolicy', 'Version',
]);

const AWS_SPECIFIC = /^(AWS::EC2::(AvailabilityZone::Name|Image::Id|Instance::Id|KeyPair::KeyName|SecurityGroup::GroupName|SecurityGroup::Id|Subnet::Id|Volume::Id|VPC::Id)|AWS::Route53::HostedZone::Id)$/;

export function isValidParameterType(type: string): boolean {
  if (['String', 'Number', 'List<Number>', 'CommaDelimitedList'].includes(type)) return true;
  if (AWS_SPECIFIC.test(type)) return true;
  const list = /^List<(.+)>$/.exec(type);
  if (list && AWS_SPECIFIC.test(list[1]!)) return true;
  const ssm = /^AWS::SSM::Parameter::(Name|Value<(.+)>)$/.exec(type);
  if (ssm) return ssm[1] === 'Name' || ssm[2] === 'String' || ssm[2] === 'List<String>' || ssm[2] === 'CommaDelimitedList' || isValidParameterType(ssm[2]!);
  return false;
}

export interface CheckedResource {
  logicalId: string;
  type: string;
  properties: JsonObject;
  dependsOn: string[];
  /** Every resource this one needs first: DependsOn, Ref, GetAtt and Sub. */
  deps: Set<string>;
  condition?: string;
  decl: JsonObject;
}

export interface CheckedTemplate {
  json: JsonObject;
  parameters: Map<string, JsonObject>;
  resources: Map<string, CheckedResource>;
  conditions: Map<string, Json>;
  mappings: Record<string, Json>;
  outputs: Map<string, JsonObject>;
  transforms: string[];
}

const asList = (v: Json | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map((x) => String(x)) : [String(v)];

function unresolved(names: string[], block: string): never {
  throw templateFormatError(`Unresolved resource dependencies [${names.join(', ')}] in the ${block} block of the template`);
}

/** Checks everything that does not need parameter values. `transforms` were already expanded. */
export function checkTemplate(json: JsonObject): CheckedTemplate {
  const unknown = Object.keys(json).filter((k) => !SECTIONS.has(k));
  if (unknown.length) throw templateFormatError(`Invalid template property or properties [${unknown.join(', ')}]`);
  const version = json.AWSTemplateFormatVersion;
  if (version !== undefined && String(version) !== '2010-09-09') {
    throw templateFormatError(`'${String(version)}' is not a supported version.`);
  }
  if (json.Description !== undefined && typeof json.Description !== 'string') {
    throw templateFormatError('Every Description member must be a string.');
  }
  const parameters = new Map<string, JsonObject>();
  if (json.Parameters !== undefined) {
    if (!isObject(json.Parameters)) throw templateFormatError('Parameters must be an object.');
    for (const [name, decl] of Object.entries(json.Parameters)) {
      if (!isObject(decl)) throw templateFormatError(`Invalid template parameter property '${name}'`);
      for (const k of Object.keys(decl)) {
        if (!PARAMETER_PROPERTIES.has(k)) throw templateFormatError(`Invalid template parameter property '${k}'`);
      }
      if (decl.Type === undefined) throw templateFormatError('Every Parameters object must contain a Type member.');
      if (!isValidParameterType(String(decl.Type))) throw templateFormatError(`Unrecognized parameter type: ${String(decl.Type)}`);
      parameters.set(name, decl);
    }
  }
  const mappings = isObject(json.Mappings) ? json.Mappings : {};
  const conditions = new Map<string, Json>(isObject(json.Conditions) ? Object.entries(json.Conditions) : []);

  if (!isObject(json.Resources) || Object.keys(json.Resources).length === 0) {
    throw templateFormatError('At least one Resources member must be defined.');
  }
  const resources = new Map<string, CheckedResource>();
  const unrecognized: string[] = [];
  for (const [logicalId, decl] of Object.entries(json.Resources)) {
    if (!/^[A-Za-z0-9]+$/.test(logicalId)) throw templateFormatError(`Resource name ${logicalId} is non alphanumeric.`);
    if (!isObject(decl)) throw templateFormatError(`[/Resources/${logicalId}] resource definition is malformed`);
    if (typeof decl.Type !== 'string') throw templateFormatError(`[/Resources/${logicalId}] Every Resources object must contain a Type member.`);
    const bad = Object.keys(decl).filter((k) => !RESOURCE_ATTRIBUTES.has(k));
    if (bad.length) throw templateFormatError(`Invalid resource attribute ${bad[0]} in resource ${logicalId}`);
    if (!resourceType(decl.Type) && !decl.Type.startsWith('Custom::') && decl.Type !== 'AWS::CloudFormation::CustomResource') {
      if (!unrecognized.includes(decl.Type)) unrecognized.push(decl.Type);
    }
    if (decl.Properties !== undefined && !isObject(decl.Properties)) {
      throw templateFormatError(`[/Resources/${logicalId}/Properties] 'null' values are not allowed in templates`);
    }
    resources.set(logicalId, {
      logicalId,
      type: decl.Type,
      properties: (decl.Properties as JsonObject | undefined) ?? {},
      dependsOn: asList(decl.DependsOn),
      deps: new Set(),
      condition: typeof decl.Condition === 'string' ? decl.Condition : undefined,
      decl,
    });
  }
  if (unrecognized.length) throw templateFormatError(`Unrecognized resource types: [${unrecognized.join(', ')}]`);

  const outputs = new Map<string, JsonObject>();
  if (json.Outputs !== undefined) {
    if (!isObject(json.Outputs)) throw templateFormatError('Outputs must be an object.');
    for (const [name, decl] of Object.entries(json.Outputs)) {
      if (!isObject(decl) || decl.Value === undefined) throw templateFormatError(`Every Outputs member must contain a Value object, the Outputs member ${name} is missing one.`);
      outputs.set(name, decl);
    }
  }

  const known = (name: string) => parameters.has(name) || resources.has(name) || PSEUDO_PARAMETERS.has(name);
  const checkRefs = (refs: References, block: string, where?: string) => {
    const missing = [...refs.refs].filter((r) => !known(r));
    if (missing.length) unresolved(missing, block);
    for (const [id, attr] of refs.getAtts) {
      const target = resources.get(id);
      if (!target) throw templateError(`instance of Fn::GetAtt references undefined resource ${id}`);
      if (attr && !supportsAttribute(target.type, attr)) {
        throw templateError(`resource ${id} does not support attribute type ${attr} in Fn::GetAtt`);
      }
    }
    for (const c of refs.conditions) {
      if (!conditions.has(c)) throw templateFormatError(`Unresolved condition dependencies [${c}] in the ${block} block of the template`);
    }
    void where;
  };

  for (const [name, body] of conditions) {
    const refs = collectReferences(body);
    const res = [...refs.refs].filter((r) => resources.has(r));
    if (res.length || refs.getAtts.length) {
      throw templateFormatError(`Unresolved dependencies [${[...res, ...refs.getAtts.map((g) => g[0])].join(', ')}]. Cannot reference resources in the Conditions block of the template`);
    }
    checkRefs(refs, 'Conditions', name);
  }

  for (const r of resources.values()) {
    if (r.condition !== undefined && !conditions.has(r.condition)) {
      throw templateFormatError(`Unresolved condition dependencies [${r.condition}] in the Resources block of the template`);
    }
    const missingDeps = r.dependsOn.filter((d) => !resources.has(d));
    if (missingDeps.length) unresolved(missingDeps, 'Resources');
    const refs = collectReferences(r.properties);
    collectReferences((r.decl.Metadata as Json) ?? null, refs);
    checkRefs(refs, 'Resources', r.logicalId);
    for (const d of r.dependsOn) r.deps.add(d);
    for (const ref of refs.refs) if (resources.has(ref)) r.deps.add(ref);
    for (const [id] of refs.getAtts) r.deps.add(id);
  }
  for (const [name, o] of outputs) {
    const refs = collectReferences(o);
    checkRefs(refs, 'Outputs', name);
    if (o.Condition !== undefined && !conditions.has(String(o.Condition))) {
      throw templateFormatError(`Unresolved condition dependencies [${String(o.Condition)}] in the Outputs block of the template`);
    }
  }
  checkCycles(resources);
  return { json, parameters, resources, conditions, mappings, outputs, transforms: asList(json.Transform) };
}

/** Attributes: the table's, plus any attribute of a custom resource. */
export function supportsAttribute(type: string, attr: string): boolean {
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return true;
  return resourceType(type)?.attributes.includes(attr) ?? false;
}

/** Tarjan's strongly connected components: every resource on a cycle, named in template order. */
function checkCycles(resources: Map<string, CheckedResource>): void {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cyclic = new Set<string>();
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of resources.get(v)!.deps) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || resources.get(v)!.deps.has(v)) for (const s of scc) cyclic.add(s);
    }
  };
  for (const id of resources.keys()) if (!index.has(id)) visit(id);
  if (cyclic.size) {
    throw validationError(`Circular dependency between resources: [${[...resources.keys()].filter((k) => cyclic.has(k)).join(', ')}]`);
  }
}

/**
 * Capabilities a template needs, for InsufficientCapabilitiesException. `isNamed` decides whether a
 * resource's name property is really set (it may be `!If [cond, name, !Ref AWS::NoValue]`).
 */
export function requiredCapabilities(t: CheckedTemplate, isNamed?: (r: CheckedResource, property: string) => boolean): string[] {
  let iam = false;
  let named = false;
  for (const r of t.resources.values()) {
    const spec = resourceType(r.type);
    if (!spec?.capability) continue;
    if (isNamed && !isNamed(r, '')) continue;
    iam = true;
    if (spec.namedBy && r.properties[spec.namedBy] !== undefined && (!isNamed || isNamed(r, spec.namedBy))) named = true;
  }
  return named ? ['CAPABILITY_NAMED_IAM'] : iam ? ['CAPABILITY_IAM'] : [];
}
