/**
 * Policy documents: JSON → a checked, normalized form, with IAM's own error messages for whatever
 * the grammar refuses. The same parser serves identity policies (no Principal), resource policies
 * (S3 bucket policies: Principal required) and role trust policies (Principal required, no Resource).
 */
import { CONDITION_OPERATORS } from './conditions';

export type PolicyKind = 'identity' | 'resource' | 'trust';

export interface PrincipalSpec {
  /** `"*"` or `{"AWS": "*"}`: everyone. */
  any: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  canonicalUser: string[];
}

export interface ConditionEntry {
  /** As written, e.g. `ForAnyValue:StringLike` or `StringEqualsIfExists`. */
  operator: string;
  /** Lower-cased context key. */
  key: string;
  values: string[];
}

export interface Statement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  principal?: PrincipalSpec;
  notPrincipal?: PrincipalSpec;
  conditions: ConditionEntry[];
}

export interface ParsedPolicy {
  version: string;
  id?: string;
  statements: Statement[];
}

/** A policy the grammar refuses; `message` is IAM's wording (the caller picks the error code). */
export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

export interface ParseOptions {
  /** Known action names (lower-case, without prefix) of a service prefix; undefined = not modelled. */
  knownActions?(prefix: string): ReadonlySet<string> | undefined;
}

const SYNTAX = 'Syntax errors in policy.';
const syntax = (): PolicyError => new PolicyError(SYNTAX);
const STATEMENT_FIELDS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition']);
const TOP_FIELDS = new Set(['Version', 'Id', 'Statement']);
const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string or a list of strings (non-empty when `nonEmpty`), anything else is a syntax error. */
function stringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw syntax();
  return v as string[];
}

export function parsePolicy(text: string | object, kind: PolicyKind, opts: ParseOptions = {}): ParsedPolicy {
  let doc: unknown = text;
  if (typeof text === 'string') {
    try {
      doc = JSON.parse(text);
    } catch {
      throw syntax();
    }
  }
  if (!isObject(doc)) throw syntax();
  for (const k of Object.keys(doc)) if (!TOP_FIELDS.has(k)) throw syntax();
  const version = doc.Version;
  if (version === undefined) {
    if (kind === 'identity') throw new PolicyError('Policy document must be version 2012-10-17 or greater.');
  } else if (version === '2008-10-17') {
    if (kind === 'identity') throw new PolicyError('Policy document must be version 2012-10-17 or greater.');
  } else if (version !== '2012-10-17') throw syntax();
  if (doc.Id !== undefined && typeof doc.Id !== 'string') throw syntax();
  const raw = doc.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (list.length === 0) throw syntax();
  // Shape errors first (syntax), then the semantic checks, as IAM reports them.
  for (const s of list) {
    if (!isObject(s)) throw syntax();
    for (const k of Object.keys(s)) if (!STATEMENT_FIELDS.has(k)) throw syntax();
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw syntax();
    if (s.Action !== undefined && s.NotAction !== undefined) throw syntax();
    if (s.Resource !== undefined && s.NotResource !== undefined) throw syntax();
    if (s.Principal !== undefined && s.NotPrincipal !== undefined) throw syntax();
    if (s.Sid !== undefined && typeof s.Sid !== 'string') throw syntax();
    if (s.Condition !== undefined && !isObject(s.Condition)) throw syntax();
  }
  const sids = new Set<string>();
  const statements = list.map((s) => parseStatement(s as Record<string, unknown>, kind, opts, sids));
  return { version: (version as string | undefined) ?? '2008-10-17', id: doc.Id as string | undefined, statements };
}

function parseStatement(s: Record<string, unknown>, kind: PolicyKind, opts: ParseOptions, sids: Set<string>): Statement {
  const st: Statement = { effect: s.Effect as 'Allow' | 'Deny', conditions: [] };
  if (typeof s.Sid === 'string') {
    if (s.Sid !== '' && sids.has(s.Sid)) throw new PolicyError('Statement IDs (SID) in a single policy must be unique.');
    sids.add(s.Sid);
    st.sid = s.Sid;
  }
  const actions = s.Action ?? s.NotAction;
  const actionList = actions === undefined ? [] : stringList(actions);
  if (actionList.length === 0) throw new PolicyError('Policy statement must contain actions.');
  for (const a of actionList) checkAction(a, opts);
  if (s.Action !== undefined) st.action = actionList;
  else st.notAction = actionList;

  if (kind === 'identity' && (s.Principal !== undefined || s.NotPrincipal !== undefined))
    throw new PolicyError('Policy document should not specify a principal.');
  if (kind !== 'identity') {
    const p = s.Principal ?? s.NotPrincipal;
    if (p === undefined) throw new PolicyError('Missing required field Principal');
    const spec = parsePrincipal(p);
    if (s.Principal !== undefined) st.principal = spec;
    else st.notPrincipal = spec;
  }

  const resources = s.Resource ?? s.NotResource;
  if (kind === 'trust') {
    if (resources !== undefined) throw new PolicyError('Has prohibited field Resource');
  } else {
    const resourceList = resources === undefined ? [] : stringList(resources);
    if (resourceList.length === 0) throw new PolicyError('Policy statement must contain resources.');
    for (const r of resourceList) checkResource(r);
    if (s.Resource !== undefined) st.resource = resourceList;
    else st.notResource = resourceList;
  }

  if (s.Condition !== undefined) st.conditions = parseConditions(s.Condition as Record<string, unknown>);
  return st;
}

function checkAction(action: string, opts: ParseOptions): void {
  if (action === '*') return;
  const parts = action.split(':');
  if (parts.length < 2 || parts[0] === '') throw new PolicyError('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
  if (parts.length > 2) throw new PolicyError('Actions/Condition can contain only one colon.');
  const [vendor, name] = parts as [string, string];
  if (!/^[a-zA-Z0-9-]+$/.test(vendor)) throw new PolicyError(`Vendor ${vendor} is not valid`);
  if (name.includes('*') || name.includes('?')) return;
  const known = opts.knownActions?.(vendor.toLowerCase());
  if (known && !known.has(name.toLowerCase())) throw new PolicyError(`Policy has an invalid action: ${action}`);
}

function checkResource(resource: string): void {
  if (resource === '*') return;
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') {
    if (parts.length === 1 || parts[0] !== 'arn') throw new PolicyError(`Resource ${resource} must be in ARN format or "*".`);
  }
  if (parts.length < 3) throw new PolicyError('Resource vendor must be fully qualified and cannot contain regexes.');
  const partition = parts[1]!;
  if (!PARTITIONS.has(partition) && !partition.includes('*') && !partition.includes('$'))
    throw new PolicyError(`Partition "${partition}" is not valid for resource "${resource}".`);
  if (parts.length < 6) throw new PolicyError('The policy failed legacy parsing');
  if (parts[2] === 'iam' && parts[5] !== '*' && !/^(user|federated-user|role|group|instance-profile|mfa|server-certificate|policy|sms-mfa|saml-provider|oidc-provider|report|access-report|root)(\/|$)/.test(parts.slice(5).join(':')))
    throw new PolicyError(
      'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
    );
}

const invalidPrincipal = (type: string, value: string): PolicyError =>
  new PolicyError(`Invalid principal in policy: "${type}":"${value}"`);

/** An AWS principal: `*`, a 12-digit account, or an IAM/STS ARN (no wildcards). */
export function checkAwsPrincipal(value: string): void {
  if (value === '*' || /^\d{12}$/.test(value)) return;
  if (/^arn:aws[a-z-]*:(iam::\d{12}:(root|user\/|role\/|federated-user\/)|sts::\d{12}:(assumed-role|federated-user)\/)/.test(value) && !value.includes('*')) return;
  throw invalidPrincipal('AWS', value);
}

function parsePrincipal(p: unknown): PrincipalSpec {
  const spec: PrincipalSpec = { any: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (p === '*') return { ...spec, any: true };
  if (!isObject(p) || Object.keys(p).length === 0) throw syntax();
  for (const [type, v] of Object.entries(p)) {
    const values = stringList(v);
    switch (type) {
      case 'AWS':
        for (const a of values) {
          checkAwsPrincipal(a);
          if (a === '*') spec.any = true;
          else spec.aws.push(/^\d{12}$/.test(a) ? `arn:aws:iam::${a}:root` : a);
        }
        break;
      case 'Service':
        for (const s of values) if (!/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(s)) throw invalidPrincipal('Service', s);
        spec.service.push(...values);
        break;
      case 'Federated':
        spec.federated.push(...values);
        break;
      case 'CanonicalUser':
        spec.canonicalUser.push(...values);
        break;
      default:
        throw syntax();
    }
  }
  return spec;
}

/** `ForAnyValue:StringLike` → set qualifier, base operator, IfExists. */
export function splitOperator(operator: string): { set?: 'ForAllValues' | 'ForAnyValue'; base: string; ifExists: boolean } | undefined {
  let rest = operator;
  let set: 'ForAllValues' | 'ForAnyValue' | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon);
    if (q !== 'ForAllValues' && q !== 'ForAnyValue') return undefined;
    set = q;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists') && rest !== 'IfExists') {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (!CONDITION_OPERATORS.has(rest)) return undefined;
  if (rest === 'Null' && ifExists) return undefined;
  return { set, base: rest, ifExists };
}

function parseConditions(block: Record<string, unknown>): ConditionEntry[] {
  const out: ConditionEntry[] = [];
  for (const [operator, keys] of Object.entries(block)) {
    if (!splitOperator(operator) || !isObject(keys)) throw syntax();
    for (const [key, v] of Object.entries(keys)) {
      const raw = Array.isArray(v) ? v : [v];
      if (raw.length === 0) throw syntax();
      const values = raw.map((x) => {
        if (typeof x === 'string') return x;
        if (typeof x === 'number' || typeof x === 'boolean') return String(x);
        throw syntax();
      });
      out.push({ operator, key: key.toLowerCase(), values });
    }
  }
  return out;
}
