/**
 * What the authorizer needs from the services, injected by the composition root (engine/iam sits
 * below the services): IAM's identity policies, STS's session facts, resource-based policies
 * (S3 bucket policies), resource tags (EC2) and every service's IAM table (from the manifests).
 */
import type { ServiceTable } from '../core/iam-table';
import type { Ctx } from '../core/provider';
import type { Store } from '../store/store';
import type { CompiledPolicy, EvalPrincipal } from './compile';

export interface IdentityPolicies {
  /** The principal's identity-based policies, compiled (user + its groups, or the session's role). */
  identity: CompiledPolicy[];
  /** IAM user name (aws:username), for users only. */
  userName?: string;
  /** The role's ARN (with path) for an assumed-role session: aws:PrincipalArn. */
  roleArn?: string;
  /** Tags of the user or role: aws:PrincipalTag/KEY. */
  tags?: ReadonlyMap<string, string>;
}

export interface IdentitySource {
  /** Changes whenever the account's IAM state changes (every IAM write bumps it). */
  generation(store: Store, accountId: string): number;
  /** The principal's policies; undefined when the user or role no longer exists. */
  policiesFor(store: Store, principal: EvalPrincipal): IdentityPolicies | undefined;
  /** An IAM entity's path ('/' when unknown), for resource ARNs. */
  pathOf(store: Store, accountId: string, kind: string, name: string): string;
}

export interface SessionFacts {
  mfaAuthenticated: boolean;
  /** When the session was issued (simulated ms). */
  issuedAt: number;
  /** Session policies passed to AssumeRole. */
  sessionPolicies?: CompiledPolicy[];
  /** The instance a role session belongs to (instance profile credentials). */
  instanceId?: string;
}

export interface ResourcePolicy {
  policy: CompiledPolicy;
  /** Account that owns the resource. */
  accountId: string;
}

export interface AuthzHooks {
  /** Per service key: its IAM table, from the manifests (services/registry.ts); planned services fill the gaps. */
  tables?: Readonly<Record<string, ServiceTable>>;
  identity?: IdentitySource;
  /** STS: facts about temporary credentials (immutable once issued, so they are cached). */
  session?(store: Store, accessKeyId: string): SessionFacts | undefined;
  /** Per service key: the resource-based policy that applies to a resource ARN. */
  resourcePolicies?: Readonly<Record<string, (store: Store, resourceArn: string) => ResourcePolicy | undefined>>;
  /** Per service key: tags of the resource an ARN names (`ec2:ResourceTag/KEY`, `aws:ResourceTag/KEY`). */
  resourceTags?: Readonly<Record<string, (ctx: Ctx, resourceArn: string) => ReadonlyMap<string, string> | undefined>>;
}
