/**
 * Access control lists: canned ACLs, grant headers and AccessControlPolicy bodies, stored as JSON
 * grant lists on the bucket or object row (NULL = the owner alone, S3's "private").
 */
import { AwsError } from '../../../protocol/errors';
import { invalidArgument, malformedXML } from '../errors';
import type { S3Owner } from '../owner';

export interface Grantee {
  Type: string;
  ID?: string;
  URI?: string;
  DisplayName?: string;
  EmailAddress?: string;
}
export interface Grant {
  Grantee: Grantee;
  Permission: string;
}

export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const PERMISSIONS = new Set(['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP']);

const user = (o: S3Owner, Permission: string): Grant => ({ Grantee: { Type: 'CanonicalUser', ID: o.ID, DisplayName: o.DisplayName }, Permission });
const group = (URI: string, Permission: string): Grant => ({ Grantee: { Type: 'Group', URI }, Permission });

/** The grants a canned ACL stands for; `bucketOwner` matters for the bucket-owner-* ones. */
export function cannedGrants(canned: string, owner: S3Owner, bucketOwner: S3Owner): Grant[] {
  const own = user(owner, 'FULL_CONTROL');
  switch (canned) {
    case 'private':
      return [own];
    case 'public-read':
      return [own, group(ALL_USERS, 'READ')];
    case 'public-read-write':
      return [own, group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')];
    case 'authenticated-read':
      return [own, group(AUTHENTICATED_USERS, 'READ')];
    case 'aws-exec-read':
      return [own];
    case 'bucket-owner-read':
      return owner.ID === bucketOwner.ID ? [own] : [own, user(bucketOwner, 'READ')];
    case 'bucket-owner-full-control':
      return owner.ID === bucketOwner.ID ? [own] : [own, user(bucketOwner, 'FULL_CONTROL')];
    case 'log-delivery-write':
      return [own, group(LOG_DELIVERY, 'WRITE'), group(LOG_DELIVERY, 'READ_ACP')];
    default:
      throw invalidArgument('', 'x-amz-acl', canned);
  }
}

/** `id="…", uri="…", emailAddress="…"` of an x-amz-grant-* header. */
function parseGrantHeader(value: string, permission: string): Grant[] {
  return value.split(',').map((part) => {
    const m = /^\s*(id|uri|emailAddress)\s*=\s*"?([^"]*)"?\s*$/i.exec(part);
    if (!m) throw invalidArgument('Argument format not recognized', `x-amz-grant-${permission.toLowerCase().replace('_', '-')}`, value);
    const kind = m[1]!.toLowerCase();
    const v = m[2]!;
    if (kind === 'uri') return group(v, permission);
    if (kind === 'id') return { Grantee: { Type: 'CanonicalUser', ID: v }, Permission: permission };
    return { Grantee: { Type: 'AmazonCustomerByEmail', EmailAddress: v }, Permission: permission };
  });
}

export interface AclInput {
  ACL?: string;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
  AccessControlPolicy?: { Grants?: Grant[]; Owner?: { ID?: string } };
}

const HEADER_GRANTS: [keyof AclInput, string][] = [
  ['GrantFullControl', 'FULL_CONTROL'],
  ['GrantRead', 'READ'],
  ['GrantReadACP', 'READ_ACP'],
  ['GrantWrite', 'WRITE'],
  ['GrantWriteACP', 'WRITE_ACP'],
];

function checkGrants(grants: Grant[]): Grant[] {
  for (const g of grants) {
    if (!g || !g.Grantee || !PERMISSIONS.has(g.Permission)) throw malformedXML();
    const t = g.Grantee.Type;
    if (t === 'Group' && !g.Grantee.URI) throw malformedXML();
    if (t === 'CanonicalUser' && !g.Grantee.ID) throw malformedXML();
    if (t !== 'Group' && t !== 'CanonicalUser' && t !== 'AmazonCustomerByEmail') throw malformedXML();
    if (t === 'AmazonCustomerByEmail') throw new AwsError('UnresolvableGrantByEmailAddress', 'The e-mail address you provided does not match any account on record.', 400);
  }
  return grants;
}

/** The grant list a request asks for, or undefined when it names none (the default: private). */
export function requestedGrants(input: AclInput, owner: S3Owner, bucketOwner: S3Owner): Grant[] | undefined {
  const headers = HEADER_GRANTS.filter(([k]) => input[k] !== undefined);
  if (input.ACL !== undefined && headers.length > 0) throw new AwsError('InvalidRequest', 'Specifying both Canned ACLs and Header Grants is not allowed', 400);
  if (input.ACL !== undefined) return cannedGrants(input.ACL, owner, bucketOwner);
  if (headers.length > 0) return checkGrants(headers.flatMap(([k, p]) => parseGrantHeader(input[k] as string, p)));
  if (input.AccessControlPolicy) return checkGrants(input.AccessControlPolicy.Grants ?? []);
  return undefined;
}

/** What is stored: NULL when the list says "the owner alone". */
export function grantsJson(grants: Grant[] | undefined, owner: S3Owner): string | null {
  if (!grants) return null;
  const ownerOnly = grants.length === 1 && grants[0]!.Grantee.ID === owner.ID && grants[0]!.Permission === 'FULL_CONTROL';
  return ownerOnly ? null : JSON.stringify(grants);
}

export const grantsOf = (json: string | null, owner: S3Owner): Grant[] => (json ? (JSON.parse(json) as Grant[]) : [user(owner, 'FULL_CONTROL')]);

/** Whether a grant list gives everyone (or every AWS user) anything. */
export const isPublic = (grants: Grant[]): boolean => grants.some((g) => g.Grantee.Type === 'Group' && (g.Grantee.URI === ALL_USERS || g.Grantee.URI === AUTHENTICATED_USERS));

/** Whether a stored ACL lets anonymous callers read (READ or FULL_CONTROL to AllUsers). */
export const allUsersMay = (json: string | null, permission: 'READ' | 'WRITE'): boolean =>
  json !== null && (JSON.parse(json) as Grant[]).some((g) => g.Grantee.URI === ALL_USERS && (g.Permission === permission || g.Permission === 'FULL_CONTROL'));
