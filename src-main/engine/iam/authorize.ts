/**
 * The authorization hook every call passes (the dispatcher calls it after validation). It maps the
 * call to IAM actions and resource ARNs (resource-table.ts), gathers the principal's identity
 * policies (cached per principal until the account's IAM generation changes), the resource's
 * policy and the session's facts, and asks the pure evaluator. A denial answers in the service's
 * own form with AWS's message.
 */
import type { Ctx } from '../core/provider';
import type { Store } from '../store/store';
import type { ContextLookup } from './conditions';
import type { EvalPrincipal } from './compile';
import { evaluate, type EvalResult, type PolicySet } from './evaluate';
import type { AuthzHooks, IdentityPolicies, SessionFacts } from './hooks';
import { denial } from './denial';
import { expandTemplate, prefixOf, withPlanned, type ArnEnv, type ServiceTable, type ServiceTables } from './resource-table';

export type Authorize = (ctx: Ctx, input: Record<string, unknown>) => void;

export interface Check {
  action: string;
  resources: string[];
}

const partitionOf = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';

const hasStarPrefix = (table: ServiceTable, op: string): boolean =>
  !!table.starPrefixes?.some((p) => op.startsWith(p)) && !table.resources?.[op];

/** The (action, resources) pairs a call needs. */
export function checksFor(tables: ServiceTables, service: string, operation: string, input: Record<string, unknown>, env: ArnEnv, callerArn?: string): Check[] {
  const table = tables[service];
  const prefix = prefixOf(tables, service);
  const action = `${prefix}:${table?.actions?.[operation] ?? operation}`;
  let resources: string[] = [];
  if (table && !hasStarPrefix(table, operation)) {
    const templates = table.resources?.[operation];
    if (templates) for (const t of templates) resources.push(...expandTemplate(t, input, env));
    else if (table.members) {
      for (const [member, t] of Object.entries(table.members)) {
        const top = member.split('.')[0]!;
        if (input[top] === undefined) continue;
        resources = expandTemplate(t, input, env);
        if (resources.length > 0) break;
      }
      if (resources.length === 0 && table.selfMember && input[table.selfMember] === undefined && callerArn?.includes(':user/'))
        resources = [callerArn];
    }
  }
  const checks: Check[] = [{ action, resources: resources.length > 0 ? [...new Set(resources)] : ['*'] }];
  for (const extra of table?.also?.[operation] ?? []) {
    const rs = extra.resources.flatMap((t) => expandTemplate(t, input, env));
    if (rs.length > 0) checks.push({ action: extra.action, resources: rs });
  }
  return checks;
}

/** aws:PrincipalType as AWS spells it. */
const PRINCIPAL_TYPE: Record<string, string> = { root: 'Account', user: 'User', 'assumed-role': 'AssumedRole', federated: 'FederatedUser', anonymous: 'Anonymous' };

const normalizeIp = (ip: string | undefined): string | undefined => {
  if (!ip) return undefined;
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1] : ip;
};

interface CacheEntry {
  generation: number;
  policies: IdentityPolicies | undefined;
}

export interface Authorizer {
  authorize: Authorize;
  /** Evaluates one (action, resource) for a principal, as the simulator and AssumeRole do. */
  check(ctx: Ctx, input: Record<string, unknown>, checkOne: Check, extra?: { resourcePolicyOverride?: PolicySet['resource']; requireResourceAllow?: boolean }): EvalResult[];
}

export function createAuthorizer(hooks: AuthzHooks): Authorizer {
  const tables = withPlanned(hooks.tables);
  const identityCache = new WeakMap<Store, Map<string, CacheEntry>>();
  const sessionCache = new WeakMap<Store, Map<string, SessionFacts | null>>();

  const identityOf = (store: Store, p: EvalPrincipal): IdentityPolicies | undefined => {
    const src = hooks.identity;
    if (!src) return undefined;
    let byKey = identityCache.get(store);
    if (!byKey) identityCache.set(store, (byKey = new Map()));
    const generation = src.generation(store, p.accountId);
    const key = `${p.accountId}|${p.type}|${p.userId}|${p.arn}`;
    const hit = byKey.get(key);
    if (hit && hit.generation === generation) return hit.policies;
    const policies = src.policiesFor(store, p);
    if (byKey.size > 2000) byKey.clear();
    byKey.set(key, { generation, policies });
    return policies;
  };

  const sessionOf = (store: Store, accessKeyId: string | undefined): SessionFacts | undefined => {
    if (!accessKeyId || !hooks.session) return undefined;
    let byKey = sessionCache.get(store);
    if (!byKey) sessionCache.set(store, (byKey = new Map()));
    let hit = byKey.get(accessKeyId);
    if (hit === undefined) {
      hit = hooks.session(store, accessKeyId) ?? null;
      if (byKey.size > 5000) byKey.clear();
      byKey.set(accessKeyId, hit);
    }
    return hit ?? undefined;
  };

  function contextFor(
    ctx: Ctx,
    input: Record<string, unknown>,
    identity: IdentityPolicies | undefined,
    session: SessionFacts | undefined,
    resource: () => string,
  ): ContextLookup {
    const p = ctx.principal;
    const table = tables[ctx.service];
    const one = (v: string | undefined): readonly string[] | undefined => (v === undefined ? undefined : [v]);
    return {
      get(key) {
        switch (key) {
          case 'aws:sourceip':
            return one(normalizeIp(ctx.sourceIp));
          case 'aws:currenttime':
            return [new Date(ctx.clock.now()).toISOString()];
          case 'aws:epochtime':
            return [String(Math.floor(ctx.clock.now() / 1000))];
          case 'aws:multifactorauthpresent':
            return session ? [String(session.mfaAuthenticated)] : undefined;
          case 'aws:multifactorauthage':
            return session?.mfaAuthenticated ? [String(Math.floor((ctx.clock.now() - session.issuedAt) / 1000))] : undefined;
          case 'aws:principalarn':
            return [identity?.roleArn ?? p.arn];
          case 'aws:principalaccount':
            return [p.accountId];
          case 'aws:principaltype':
            return one(PRINCIPAL_TYPE[p.type]);
          case 'aws:username':
            return one(identity?.userName);
          case 'aws:userid':
            return [p.userId];
          case 'aws:requestedregion':
            return [ctx.region];
          case 'aws:securetransport':
            return [ctx.source === 'api' ? 'false' : 'true'];
          case 'aws:tokenissuetime':
            return session ? [new Date(session.issuedAt).toISOString()] : undefined;
          case 'ec2:region':
            return ctx.service === 'ec2' ? [ctx.region] : undefined;
          case 'ec2:sourceinstancearn':
            return session?.instanceId ? [`arn:${partitionOf(ctx.region)}:ec2:${ctx.region}:${p.accountId}:instance/${session.instanceId}`] : undefined;
        }
        const slash = key.indexOf('/');
        if (slash > 0) {
          const head = key.slice(0, slash);
          const tagKey = key.slice(slash + 1);
          if (head === 'aws:principaltag') {
            for (const [k, v] of identity?.tags ?? []) if (k.toLowerCase() === tagKey) return [v];
            return undefined;
          }
          if (head === 'aws:resourcetag' || head === `${table?.prefix ?? ctx.service}:resourcetag`) {
            const tags = hooks.resourceTags?.[ctx.service]?.(ctx, resource());
            for (const [k, v] of tags ?? []) if (k.toLowerCase() === tagKey) return [v];
            return undefined;
          }
        }
        const member = table?.conditionKeys?.[key];
        if (member !== undefined) {
          const v = input[member];
          return v === undefined || v === null ? undefined : [String(v)];
        }
        return undefined;
      },
    };
  }

  const envFor = (ctx: Ctx): ArnEnv => ({
    partition: partitionOf(ctx.region),
    region: ctx.region,
    account: ctx.accountId,
    pathOf: hooks.identity ? (kind, name) => hooks.identity!.pathOf(ctx.store, ctx.accountId, kind, name) : undefined,
  });

  function check(
    ctx: Ctx,
    input: Record<string, unknown>,
    c: Check,
    extra: { resourcePolicyOverride?: PolicySet['resource']; requireResourceAllow?: boolean } = {},
  ): EvalResult[] {
    const p = ctx.principal;
    const identity = p.type === 'root' || p.type === 'service' ? undefined : identityOf(ctx.store, p);
    const session = p.sessionToken ? sessionOf(ctx.store, p.accessKeyId) : undefined;
    const results: EvalResult[] = [];
    for (const resource of c.resources) {
      let resourcePolicies = extra.resourcePolicyOverride;
      let resourceAccountId: string | undefined;
      if (!resourcePolicies && resource !== '*') {
        const rp = hooks.resourcePolicies?.[ctx.service]?.(ctx.store, resource);
        if (rp) {
          resourcePolicies = [rp.policy];
          resourceAccountId = rp.accountId;
        }
      }
      if (!resourceAccountId && resource !== '*') {
        const acct = resource.split(':')[4];
        if (acct && /^\d{12}$/.test(acct)) resourceAccountId = acct;
      }
      results.push(
        evaluate(
          {
            action: c.action,
            resource,
            principal: p,
            resourceAccountId,
            context: contextFor(ctx, input, identity, session, () => resource),
          },
          {
            identity: identity?.identity ?? [],
            resource: resourcePolicies,
            session: session?.sessionPolicies,
            requireResourceAllow: extra.requireResourceAllow,
          },
        ),
      );
    }
    return results;
  }

  const authorize: Authorize = (ctx, input) => {
    const p = ctx.principal;
    if (p.type === 'service' && p.accountId === ctx.accountId) return;
    const table = tables[ctx.service];
    if (table?.alwaysAllowed?.includes(ctx.operation)) return;
    // Root in its own account: only a resource policy's explicit deny can stop it.
    if (p.type === 'root' && !hooks.resourcePolicies?.[ctx.service]) return;
    const env = envFor(ctx);
    const trusted = !!table?.requireResourcePolicy?.includes(ctx.operation);
    for (const [n, c] of checksFor(tables, ctx.service, ctx.operation, input, env, p.arn).entries()) {
      const results = check(ctx, input, c, { requireResourceAllow: trusted && n === 0 });
      for (let i = 0; i < results.length; i++) {
        const r = results[i]!;
        if (r.decision !== 'Allow') throw denial(ctx.service, p.arn, c.action, c.resources[i]!, r);
      }
    }
  };

  return { authorize, check };
}

/** The foundation's rule, kept for engines built without IAM: root and service principals only. */
export const rootOnly = createAuthorizer({});
