/**
 * The evaluator against AWS's documented policy evaluation logic: one row per case
 * (policies, request, expected decision). Conditions cover every operator family.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type ContextValue, type Decision, type EvalPrincipal, type PolicySet } from '../../../src-main/engine/iam/evaluate';

const ACCT = '111111111111';
const OTHER = '222222222222';
const user: EvalPrincipal = { type: 'user', arn: `arn:aws:iam::${ACCT}:user/alice`, accountId: ACCT, userId: 'AIDAALICE' };
const bob: EvalPrincipal = { type: 'user', arn: `arn:aws:iam::${ACCT}:user/bob`, accountId: ACCT, userId: 'AIDABOB' };
const root: EvalPrincipal = { type: 'root', arn: `arn:aws:iam::${ACCT}:root`, accountId: ACCT, userId: ACCT };
const foreign: EvalPrincipal = { type: 'user', arn: `arn:aws:iam::${OTHER}:user/carol`, accountId: OTHER, userId: 'AIDACAROL' };
const session: EvalPrincipal = { type: 'assumed-role', arn: `arn:aws:sts::${ACCT}:assumed-role/app/i-123`, accountId: ACCT, userId: 'AROAAPP:i-123' };
const service: EvalPrincipal = { type: 'service', arn: `arn:aws:iam::${ACCT}:role/aws-service-role/cloudformation.amazonaws.com`, accountId: ACCT, userId: 'cloudformation.amazonaws.com' };

type Stmt = Record<string, unknown>;
const doc = (...Statement: Stmt[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: Stmt = {}): Stmt => ({ Effect: 'Allow', Action, Resource, ...extra });
const deny = (Action: string | string[], Resource: string | string[] = '*', extra: Stmt = {}): Stmt => ({ Effect: 'Deny', Action, Resource, ...extra });
const cond = (operator: string, key: string, value: unknown): Stmt => ({ Condition: { [operator]: { [key]: value } } });
/** An identity policy allowing `action` on everything under one condition. */
const allowIf = (operator: string, key: string, value: unknown, action = 's3:GetObject') => ({ identity: [doc(allow(action, '*', cond(operator, key, value)))] });

interface Case {
  name: string;
  policies: PolicySet;
  action?: string;
  resource?: string;
  principal?: EvalPrincipal;
  resourceAccountId?: string;
  context?: Record<string, ContextValue>;
  expect: Decision;
}

const OBJ = 'arn:aws:s3:::bucket/public/a.txt';
const NOW = '2026-06-15T12:00:00Z';

const cases: Case[] = [
  // Basics: default deny, allow, explicit deny wins, wildcards.
  { name: 'no policy: implicit deny', policies: {}, expect: 'ImplicitDeny' },
  { name: 'empty identity list: implicit deny', policies: { identity: [] }, expect: 'ImplicitDeny' },
  { name: 'exact action allow', policies: { identity: [doc(allow('s3:GetObject'))] }, expect: 'Allow' },
  { name: 'other action: implicit deny', policies: { identity: [doc(allow('s3:PutObject'))] }, expect: 'ImplicitDeny' },
  { name: 'action is case-insensitive', policies: { identity: [doc(allow('S3:getobject'))] }, expect: 'Allow' },
  { name: 'service wildcard', policies: { identity: [doc(allow('s3:*'))] }, expect: 'Allow' },
  { name: 'full wildcard', policies: { identity: [doc(allow('*'))] }, expect: 'Allow' },
  { name: 'prefix wildcard Get*', policies: { identity: [doc(allow('s3:Get*'))] }, expect: 'Allow' },
  { name: 'prefix wildcard List* misses GetObject', policies: { identity: [doc(allow('s3:List*'))] }, expect: 'ImplicitDeny' },
  { name: '? wildcard matches one character', policies: { identity: [doc(allow('s3:GetObjec?'))] }, expect: 'Allow' },
  { name: '? wildcard needs exactly one character', policies: { identity: [doc(allow('s3:GetObj?'))] }, expect: 'ImplicitDeny' },
  { name: 'middle wildcard', policies: { identity: [doc(allow('s3:*Object'))] }, expect: 'Allow' },
  { name: 'other service wildcard', policies: { identity: [doc(allow('ec2:*'))] }, expect: 'ImplicitDeny' },
  { name: 'action list, one matches', policies: { identity: [doc(allow(['ec2:DescribeInstances', 's3:GetObject']))] }, expect: 'Allow' },
  { name: 'explicit deny beats allow (same policy)', policies: { identity: [doc(allow('*'), deny('s3:GetObject'))] }, expect: 'ExplicitDeny' },
  { name: 'explicit deny beats allow (other policy)', policies: { identity: [doc(allow('*')), doc(deny('s3:*'))] }, expect: 'ExplicitDeny' },
  { name: 'deny alone is explicit deny', policies: { identity: [doc(deny('s3:GetObject'))] }, expect: 'ExplicitDeny' },
  { name: 'deny on other action does not apply', policies: { identity: [doc(allow('*'), deny('s3:PutObject'))] }, expect: 'Allow' },
  { name: 'deny on other resource does not apply', policies: { identity: [doc(allow('*'), deny('s3:*', 'arn:aws:s3:::other/*'))] }, expect: 'Allow' },
  { name: 'single statement object (not array)', policies: { identity: [{ Version: '2012-10-17', Statement: allow('s3:GetObject') }] }, expect: 'Allow' },
  { name: 'JSON text input', policies: { identity: [JSON.stringify(doc(allow('s3:GetObject')))] }, expect: 'Allow' },

  // Resources.
  { name: 'exact resource', policies: { identity: [doc(allow('s3:GetObject', OBJ))] }, expect: 'Allow' },
  { name: 'resource prefix wildcard', policies: { identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/public/*'))] }, expect: 'Allow' },
  { name: 'resource other prefix', policies: { identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/private/*'))] }, expect: 'ImplicitDeny' },
  { name: 'resource is case-sensitive', policies: { identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::BUCKET/public/*'))] }, expect: 'ImplicitDeny' },
  { name: 'bucket ARN does not cover objects', policies: { identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket'))] }, expect: 'ImplicitDeny' },
  { name: 'resource ? wildcard', policies: { identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/public/?.txt'))] }, expect: 'Allow' },
  { name: 'resource list, second matches', policies: { identity: [doc(allow('s3:GetObject', ['arn:aws:s3:::x/*', 'arn:aws:s3:::bucket/*']))] }, expect: 'Allow' },
  { name: 'ec2 instance ARN wildcard region', action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${ACCT}:instance/i-1`, policies: { identity: [doc(allow('ec2:StopInstances', 'arn:aws:ec2:*:*:instance/*'))] }, expect: 'Allow' },
  { name: 'ec2 volume not instance', action: 'ec2:DeleteVolume', resource: `arn:aws:ec2:us-east-1:${ACCT}:volume/vol-1`, policies: { identity: [doc(allow('ec2:*', 'arn:aws:ec2:*:*:instance/*'))] }, expect: 'ImplicitDeny' },
  { name: 'star resource request matched by star', resource: '*', policies: { identity: [doc(allow('s3:ListAllMyBuckets', '*'))] }, action: 's3:ListAllMyBuckets', expect: 'Allow' },
  { name: 'star resource request not matched by specific ARN', resource: '*', action: 's3:ListAllMyBuckets', policies: { identity: [doc(allow('s3:ListAllMyBuckets', 'arn:aws:s3:::bucket'))] }, expect: 'ImplicitDeny' },

  // NotAction / NotResource.
  { name: 'NotAction allow covers other actions', policies: { identity: [doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] }, expect: 'Allow' },
  { name: 'NotAction allow excludes listed', action: 'iam:CreateUser', policies: { identity: [doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] }, expect: 'ImplicitDeny' },
  { name: 'NotAction deny blocks everything else', policies: { identity: [doc(allow('*'), { Effect: 'Deny', NotAction: ['ec2:*'], Resource: '*' })] }, expect: 'ExplicitDeny' },
  { name: 'NotAction deny spares listed', action: 'ec2:DescribeInstances', policies: { identity: [doc(allow('*'), { Effect: 'Deny', NotAction: ['ec2:*'], Resource: '*' })] }, expect: 'Allow' },
  { name: 'PowerUser-like: iam denied implicitly', action: 'iam:CreateUser', policies: { identity: [doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }, allow('iam:ListRoles'))] }, expect: 'ImplicitDeny' },
  { name: 'PowerUser-like: iam:ListRoles allowed', action: 'iam:ListRoles', policies: { identity: [doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }, allow('iam:ListRoles'))] }, expect: 'Allow' },
  { name: 'NotResource allow elsewhere', policies: { identity: [doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' })] }, expect: 'Allow' },
  { name: 'NotResource allow excludes listed', resource: 'arn:aws:s3:::secret/x', policies: { identity: [doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' })] }, expect: 'ImplicitDeny' },
  { name: 'NotResource deny protects all but listed', resource: 'arn:aws:s3:::other/x', policies: { identity: [doc(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::bucket/*'] })] }, expect: 'ExplicitDeny' },
  { name: 'NotResource deny spares listed', policies: { identity: [doc(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::bucket/*'] })] }, expect: 'Allow' },
  { name: 'NotAction + NotResource', resource: 'arn:aws:s3:::x/y', action: 'sqs:SendMessage', policies: { identity: [doc({ Effect: 'Allow', NotAction: 's3:*', NotResource: 'arn:aws:s3:::bucket/*' })] }, expect: 'Allow' },

  // Policy variables.
  { name: '${aws:username} in resource matches own folder', resource: 'arn:aws:s3:::home/alice/notes', context: { 'aws:username': 'alice' }, policies: { identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'))] }, expect: 'Allow' },
  { name: '${aws:username} does not match another folder', resource: 'arn:aws:s3:::home/bob/notes', context: { 'aws:username': 'alice' }, policies: { identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'))] }, expect: 'ImplicitDeny' },
  { name: 'missing variable: no match', resource: 'arn:aws:s3:::home/alice/notes', policies: { identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'))] }, expect: 'ImplicitDeny' },
  { name: 'variable default value', resource: 'arn:aws:s3:::home/guest/x', policies: { identity: [doc(allow('s3:GetObject', "arn:aws:s3:::home/${aws:username, 'guest'}/*"))] }, expect: 'Allow' },
  { name: 'variable key is case-insensitive', resource: 'arn:aws:s3:::home/alice/x', context: { 'aws:username': 'alice' }, policies: { identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::home/${AWS:UserName}/*'))] }, expect: 'Allow' },
  { name: 'variable in condition value', context: { 's3:prefix': 'home/alice/', 'aws:username': 'alice' }, policies: allowIf('StringLike', 's3:prefix', 'home/${aws:username}/*'), expect: 'Allow' },
  { name: 'variable in condition value, other user', context: { 's3:prefix': 'home/bob/', 'aws:username': 'alice' }, policies: allowIf('StringLike', 's3:prefix', 'home/${aws:username}/*'), expect: 'ImplicitDeny' },

  // String operators.
  { name: 'StringEquals match', context: { 'aws:RequestedRegion': 'us-east-1' }, policies: allowIf('StringEquals', 'aws:RequestedRegion', 'us-east-1'), expect: 'Allow' },
  { name: 'StringEquals mismatch', context: { 'aws:RequestedRegion': 'eu-west-1' }, policies: allowIf('StringEquals', 'aws:RequestedRegion', 'us-east-1'), expect: 'ImplicitDeny' },
  { name: 'StringEquals is case-sensitive', context: { 'aws:RequestedRegion': 'US-EAST-1' }, policies: allowIf('StringEquals', 'aws:RequestedRegion', 'us-east-1'), expect: 'ImplicitDeny' },
  { name: 'StringEquals any of values', context: { 'aws:RequestedRegion': 'eu-west-1' }, policies: allowIf('StringEquals', 'aws:RequestedRegion', ['us-east-1', 'eu-west-1']), expect: 'Allow' },
  { name: 'StringEquals missing key', policies: allowIf('StringEquals', 'aws:RequestedRegion', 'us-east-1'), expect: 'ImplicitDeny' },
  { name: 'condition key name is case-insensitive', context: { 'AWS:REQUESTEDREGION': 'us-east-1' }, policies: allowIf('StringEquals', 'aws:requestedregion', 'us-east-1'), expect: 'Allow' },
  { name: 'StringNotEquals with other value', context: { 'aws:RequestedRegion': 'eu-west-1' }, policies: allowIf('StringNotEquals', 'aws:RequestedRegion', 'us-east-1'), expect: 'Allow' },
  { name: 'StringNotEquals with same value', context: { 'aws:RequestedRegion': 'us-east-1' }, policies: allowIf('StringNotEquals', 'aws:RequestedRegion', 'us-east-1'), expect: 'ImplicitDeny' },
  { name: 'StringNotEquals, value in list', context: { 'aws:RequestedRegion': 'eu-west-1' }, policies: allowIf('StringNotEquals', 'aws:RequestedRegion', ['us-east-1', 'eu-west-1']), expect: 'ImplicitDeny' },
  { name: 'StringNotEquals missing key holds', policies: allowIf('StringNotEquals', 'aws:RequestedRegion', 'us-east-1'), expect: 'Allow' },
  { name: 'StringEqualsIgnoreCase match', context: { 'aws:RequestedRegion': 'US-East-1' }, policies: allowIf('StringEqualsIgnoreCase', 'aws:RequestedRegion', 'us-east-1'), expect: 'Allow' },
  { name: 'StringEqualsIgnoreCase mismatch', context: { 'aws:RequestedRegion': 'us-east-2' }, policies: allowIf('StringEqualsIgnoreCase', 'aws:RequestedRegion', 'us-east-1'), expect: 'ImplicitDeny' },
  { name: 'StringNotEqualsIgnoreCase same value', context: { 'aws:RequestedRegion': 'US-EAST-1' }, policies: allowIf('StringNotEqualsIgnoreCase', 'aws:RequestedRegion', 'us-east-1'), expect: 'ImplicitDeny' },
  { name: 'StringLike with *', context: { 's3:prefix': 'public/photos/' }, policies: allowIf('StringLike', 's3:prefix', 'public/*'), expect: 'Allow' },
  { name: 'StringLike mismatch', context: { 's3:prefix': 'private/' }, policies: allowIf('StringLike', 's3:prefix', 'public/*'), expect: 'ImplicitDeny' },
  { name: 'StringLike with ?', context: { 's3:prefix': 'a1' }, policies: allowIf('StringLike', 's3:prefix', 'a?'), expect: 'Allow' },
  { name: 'StringLike empty string value', context: { 's3:prefix': '' }, policies: allowIf('StringLike', 's3:prefix', ['', 'public/*']), expect: 'Allow' },
  { name: 'StringNotLike with other value', context: { 's3:prefix': 'private/' }, policies: allowIf('StringNotLike', 's3:prefix', 'public/*'), expect: 'Allow' },
  { name: 'StringNotLike with matching value', context: { 's3:prefix': 'public/x' }, policies: allowIf('StringNotLike', 's3:prefix', 'public/*'), expect: 'ImplicitDeny' },
  { name: 'StringEqualsIfExists missing key holds', policies: allowIf('StringEqualsIfExists', 'ec2:InstanceType', 't2.micro'), expect: 'Allow' },
  { name: 'StringEqualsIfExists present and equal', context: { 'ec2:InstanceType': 't2.micro' }, policies: allowIf('StringEqualsIfExists', 'ec2:InstanceType', 't2.micro'), expect: 'Allow' },
  { name: 'StringEqualsIfExists present and different', context: { 'ec2:InstanceType': 'm4.large' }, policies: allowIf('StringEqualsIfExists', 'ec2:InstanceType', 't2.micro'), expect: 'ImplicitDeny' },
  { name: 'StringLikeIfExists missing key holds', policies: allowIf('StringLikeIfExists', 's3:prefix', 'public/*'), expect: 'Allow' },

  // Numeric operators.
  { name: 'NumericEquals', context: { 's3:max-keys': 10 }, policies: allowIf('NumericEquals', 's3:max-keys', '10'), expect: 'Allow' },
  { name: 'NumericEquals mismatch', context: { 's3:max-keys': 11 }, policies: allowIf('NumericEquals', 's3:max-keys', '10'), expect: 'ImplicitDeny' },
  { name: 'NumericEquals compares numbers not text', context: { 's3:max-keys': '10.0' }, policies: allowIf('NumericEquals', 's3:max-keys', '10'), expect: 'Allow' },
  { name: 'NumericNotEquals', context: { 's3:max-keys': 5 }, policies: allowIf('NumericNotEquals', 's3:max-keys', '10'), expect: 'Allow' },
  { name: 'NumericNotEquals equal', context: { 's3:max-keys': 10 }, policies: allowIf('NumericNotEquals', 's3:max-keys', '10'), expect: 'ImplicitDeny' },
  { name: 'NumericLessThan true', context: { 's3:max-keys': 9 }, policies: allowIf('NumericLessThan', 's3:max-keys', '10'), expect: 'Allow' },
  { name: 'NumericLessThan equal is false', context: { 's3:max-keys': 10 }, policies: allowIf('NumericLessThan', 's3:max-keys', '10'), expect: 'ImplicitDeny' },
  { name: 'NumericLessThanEquals equal', context: { 's3:max-keys': 10 }, policies: allowIf('NumericLessThanEquals', 's3:max-keys', '10'), expect: 'Allow' },
  { name: 'NumericGreaterThan true', context: { 's3:max-keys': 11 }, policies: allowIf('NumericGreaterThan', 's3:max-keys', '10'), expect: 'Allow' },
  { name: 'NumericGreaterThan false', context: { 's3:max-keys': 3 }, policies: allowIf('NumericGreaterThan', 's3:max-keys', '10'), expect: 'ImplicitDeny' },
  { name: 'NumericGreaterThanEquals equal', context: { 's3:max-keys': 10 }, policies: allowIf('NumericGreaterThanEquals', 's3:max-keys', '10'), expect: 'Allow' },
  { name: 'Numeric with non-number request value', context: { 's3:max-keys': 'ten' }, policies: allowIf('NumericLessThan', 's3:max-keys', '10'), expect: 'ImplicitDeny' },
  { name: 'Numeric missing key', policies: allowIf('NumericLessThan', 's3:max-keys', '10'), expect: 'ImplicitDeny' },
  { name: 'NumericLessThanIfExists missing key', policies: allowIf('NumericLessThanIfExists', 's3:max-keys', '10'), expect: 'Allow' },
  { name: 'MFA age under an hour', context: { 'aws:MultiFactorAuthAge': 1200 }, policies: allowIf('NumericLessThan', 'aws:MultiFactorAuthAge', '3600'), expect: 'Allow' },

  // Date operators.
  { name: 'DateLessThan before deadline', context: { 'aws:CurrentTime': NOW }, policies: allowIf('DateLessThan', 'aws:CurrentTime', '2026-12-31T23:59:59Z'), expect: 'Allow' },
  { name: 'DateLessThan after deadline', context: { 'aws:CurrentTime': NOW }, policies: allowIf('DateLessThan', 'aws:CurrentTime', '2026-01-01T00:00:00Z'), expect: 'ImplicitDeny' },
  { name: 'DateGreaterThan', context: { 'aws:CurrentTime': NOW }, policies: allowIf('DateGreaterThan', 'aws:CurrentTime', '2026-01-01T00:00:00Z'), expect: 'Allow' },
  { name: 'DateGreaterThan false', context: { 'aws:CurrentTime': NOW }, policies: allowIf('DateGreaterThan', 'aws:CurrentTime', '2027-01-01T00:00:00Z'), expect: 'ImplicitDeny' },
  { name: 'DateEquals same instant, other format', context: { 'aws:CurrentTime': NOW }, policies: allowIf('DateEquals', 'aws:CurrentTime', '2026-06-15T12:00:00.000Z'), expect: 'Allow' },
  { name: 'DateNotEquals', context: { 'aws:CurrentTime': NOW }, policies: allowIf('DateNotEquals', 'aws:CurrentTime', '2020-01-01T00:00:00Z'), expect: 'Allow' },
  { name: 'DateLessThanEquals equal', context: { 'aws:CurrentTime': NOW }, policies: allowIf('DateLessThanEquals', 'aws:CurrentTime', NOW), expect: 'Allow' },
  { name: 'DateGreaterThanEquals equal', context: { 'aws:CurrentTime': NOW }, policies: allowIf('DateGreaterThanEquals', 'aws:CurrentTime', NOW), expect: 'Allow' },
  { name: 'Date epoch seconds in policy', context: { 'aws:CurrentTime': NOW }, policies: allowIf('DateGreaterThan', 'aws:CurrentTime', '1700000000'), expect: 'Allow' },
  { name: 'Date invalid request value', context: { 'aws:CurrentTime': 'yesterday' }, policies: allowIf('DateGreaterThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z'), expect: 'ImplicitDeny' },
  { name: 'Date time window (two operators ANDed)', context: { 'aws:CurrentTime': NOW }, policies: { identity: [doc(allow('s3:GetObject', '*', { Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' }, DateLessThan: { 'aws:CurrentTime': '2026-07-01T00:00:00Z' } } }))] }, expect: 'Allow' },
  { name: 'Date time window outside', context: { 'aws:CurrentTime': NOW }, policies: { identity: [doc(allow('s3:GetObject', '*', { Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-06-20T00:00:00Z' }, DateLessThan: { 'aws:CurrentTime': '2026-07-01T00:00:00Z' } } }))] }, expect: 'ImplicitDeny' },

  // Bool, Binary, Null.
  { name: 'Bool true', context: { 'aws:MultiFactorAuthPresent': true }, policies: allowIf('Bool', 'aws:MultiFactorAuthPresent', 'true'), expect: 'Allow' },
  { name: 'Bool false vs true', context: { 'aws:MultiFactorAuthPresent': false }, policies: allowIf('Bool', 'aws:MultiFactorAuthPresent', 'true'), expect: 'ImplicitDeny' },
  { name: 'Bool is case-insensitive', context: { 'aws:SecureTransport': 'TRUE' }, policies: allowIf('Bool', 'aws:SecureTransport', 'true'), expect: 'Allow' },
  { name: 'Bool policy value as JSON boolean', context: { 'aws:SecureTransport': 'true' }, policies: allowIf('Bool', 'aws:SecureTransport', true), expect: 'Allow' },
  { name: 'Bool missing key', policies: allowIf('Bool', 'aws:MultiFactorAuthPresent', 'true'), expect: 'ImplicitDeny' },
  { name: 'BoolIfExists false blocks deny-pattern (MFA deny with long-term keys)', policies: { identity: [doc(allow('*'), deny('*', '*', cond('BoolIfExists', 'aws:MultiFactorAuthPresent', 'false')))] }, expect: 'ExplicitDeny' },
  { name: 'BoolIfExists MFA present: deny does not apply', context: { 'aws:MultiFactorAuthPresent': 'true' }, policies: { identity: [doc(allow('*'), deny('*', '*', cond('BoolIfExists', 'aws:MultiFactorAuthPresent', 'false')))] }, expect: 'Allow' },
  { name: 'BinaryEquals match', context: { 'custom:blob': 'QmluYXJ5' }, policies: allowIf('BinaryEquals', 'custom:blob', 'QmluYXJ5'), expect: 'Allow' },
  { name: 'BinaryEquals mismatch', context: { 'custom:blob': 'QmluYXJ6' }, policies: allowIf('BinaryEquals', 'custom:blob', 'QmluYXJ5'), expect: 'ImplicitDeny' },
  { name: 'Null true and key absent', policies: allowIf('Null', 'aws:TokenIssueTime', 'true'), expect: 'Allow' },
  { name: 'Null true and key present', context: { 'aws:TokenIssueTime': NOW }, policies: allowIf('Null', 'aws:TokenIssueTime', 'true'), expect: 'ImplicitDeny' },
  { name: 'Null false and key present', context: { 'aws:TokenIssueTime': NOW }, policies: allowIf('Null', 'aws:TokenIssueTime', 'false'), expect: 'Allow' },
  { name: 'Null false and key absent', policies: allowIf('Null', 'aws:TokenIssueTime', 'false'), expect: 'ImplicitDeny' },

  // IP addresses.
  { name: 'IpAddress in CIDR', context: { 'aws:SourceIp': '203.0.113.7' }, policies: allowIf('IpAddress', 'aws:SourceIp', '203.0.113.0/24'), expect: 'Allow' },
  { name: 'IpAddress outside CIDR', context: { 'aws:SourceIp': '203.0.114.7' }, policies: allowIf('IpAddress', 'aws:SourceIp', '203.0.113.0/24'), expect: 'ImplicitDeny' },
  { name: 'IpAddress single host /32', context: { 'aws:SourceIp': '198.51.100.10' }, policies: allowIf('IpAddress', 'aws:SourceIp', '198.51.100.10/32'), expect: 'Allow' },
  { name: 'IpAddress bare address', context: { 'aws:SourceIp': '198.51.100.10' }, policies: allowIf('IpAddress', 'aws:SourceIp', '198.51.100.10'), expect: 'Allow' },
  { name: 'IpAddress /0 matches all', context: { 'aws:SourceIp': '8.8.8.8' }, policies: allowIf('IpAddress', 'aws:SourceIp', '0.0.0.0/0'), expect: 'Allow' },
  { name: 'IpAddress list', context: { 'aws:SourceIp': '10.1.2.3' }, policies: allowIf('IpAddress', 'aws:SourceIp', ['192.168.0.0/16', '10.0.0.0/8']), expect: 'Allow' },
  { name: 'IpAddress IPv4-mapped IPv6 request', context: { 'aws:SourceIp': '::ffff:127.0.0.1' }, policies: allowIf('IpAddress', 'aws:SourceIp', '127.0.0.0/8'), expect: 'Allow' },
  { name: 'IpAddress IPv6 CIDR', context: { 'aws:SourceIp': '2001:db8::1' }, policies: allowIf('IpAddress', 'aws:SourceIp', '2001:db8::/32'), expect: 'Allow' },
  { name: 'IpAddress IPv6 outside', context: { 'aws:SourceIp': '2001:db9::1' }, policies: allowIf('IpAddress', 'aws:SourceIp', '2001:db8::/32'), expect: 'ImplicitDeny' },
  { name: 'NotIpAddress outside range', context: { 'aws:SourceIp': '8.8.8.8' }, policies: allowIf('NotIpAddress', 'aws:SourceIp', '10.0.0.0/8'), expect: 'Allow' },
  { name: 'NotIpAddress inside range', context: { 'aws:SourceIp': '10.0.0.1' }, policies: allowIf('NotIpAddress', 'aws:SourceIp', '10.0.0.0/8'), expect: 'ImplicitDeny' },
  { name: 'deny from outside the office network', context: { 'aws:SourceIp': '8.8.8.8' }, policies: { identity: [doc(allow('*'), deny('*', '*', cond('NotIpAddress', 'aws:SourceIp', '192.0.2.0/24')))] }, expect: 'ExplicitDeny' },
  { name: 'IpAddress missing key', policies: allowIf('IpAddress', 'aws:SourceIp', '0.0.0.0/0'), expect: 'ImplicitDeny' },

  // ARN operators.
  { name: 'ArnEquals', context: { 'aws:PrincipalArn': user.arn }, policies: allowIf('ArnEquals', 'aws:PrincipalArn', user.arn), expect: 'Allow' },
  { name: 'ArnEquals mismatch', context: { 'aws:PrincipalArn': bob.arn }, policies: allowIf('ArnEquals', 'aws:PrincipalArn', user.arn), expect: 'ImplicitDeny' },
  { name: 'ArnLike wildcard in resource part', context: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${ACCT}:topic-a` }, policies: allowIf('ArnLike', 'aws:SourceArn', 'arn:aws:sns:*:*:topic-*'), expect: 'Allow' },
  { name: 'ArnLike wildcard region', context: { 'aws:SourceArn': `arn:aws:ec2:eu-west-1:${ACCT}:instance/i-1` }, policies: allowIf('ArnLike', 'aws:SourceArn', `arn:aws:ec2:*:${ACCT}:instance/*`), expect: 'Allow' },
  { name: 'ArnLike account mismatch', context: { 'aws:SourceArn': `arn:aws:ec2:eu-west-1:${OTHER}:instance/i-1` }, policies: allowIf('ArnLike', 'aws:SourceArn', `arn:aws:ec2:*:${ACCT}:instance/*`), expect: 'ImplicitDeny' },
  { name: 'ArnNotEquals', context: { 'aws:PrincipalArn': bob.arn }, policies: allowIf('ArnNotEquals', 'aws:PrincipalArn', user.arn), expect: 'Allow' },
  { name: 'ArnNotLike matching', context: { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:role/admin-x` }, policies: allowIf('ArnNotLike', 'aws:PrincipalArn', `arn:aws:iam::${ACCT}:role/admin-*`), expect: 'ImplicitDeny' },
  { name: 'ArnNotLike missing key holds', policies: allowIf('ArnNotLike', 'aws:PrincipalArn', `arn:aws:iam::${ACCT}:role/admin-*`), expect: 'Allow' },
  { name: 'ArnLikeIfExists missing key', policies: allowIf('ArnLikeIfExists', 'aws:SourceArn', 'arn:aws:sns:*:*:x'), expect: 'Allow' },

  // Set operators.
  { name: 'ForAnyValue:StringEquals one matches', context: { 'aws:TagKeys': ['env', 'team'] }, policies: allowIf('ForAnyValue:StringEquals', 'aws:TagKeys', ['team']), expect: 'Allow' },
  { name: 'ForAnyValue:StringEquals none match', context: { 'aws:TagKeys': ['env'] }, policies: allowIf('ForAnyValue:StringEquals', 'aws:TagKeys', ['team']), expect: 'ImplicitDeny' },
  { name: 'ForAnyValue missing key is false', policies: allowIf('ForAnyValue:StringEquals', 'aws:TagKeys', ['team']), expect: 'ImplicitDeny' },
  { name: 'ForAllValues:StringEquals all in set', context: { 'aws:TagKeys': ['env', 'team'] }, policies: allowIf('ForAllValues:StringEquals', 'aws:TagKeys', ['env', 'team', 'cost']), expect: 'Allow' },
  { name: 'ForAllValues:StringEquals one outside', context: { 'aws:TagKeys': ['env', 'owner'] }, policies: allowIf('ForAllValues:StringEquals', 'aws:TagKeys', ['env', 'team']), expect: 'ImplicitDeny' },
  { name: 'ForAllValues missing key holds (vacuous truth)', policies: allowIf('ForAllValues:StringEquals', 'aws:TagKeys', ['env']), expect: 'Allow' },
  { name: 'ForAllValues:StringLike', context: { 'aws:TagKeys': ['app-x', 'app-y'] }, policies: allowIf('ForAllValues:StringLike', 'aws:TagKeys', 'app-*'), expect: 'Allow' },
  { name: 'ForAnyValue:StringNotEquals one differs', context: { 'aws:TagKeys': ['env', 'x'] }, policies: allowIf('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['env']), expect: 'Allow' },
  { name: 'ForAllValues:StringNotEquals none forbidden', context: { 'aws:TagKeys': ['a', 'b'] }, policies: allowIf('ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret']), expect: 'Allow' },
  { name: 'ForAllValues:StringNotEquals one forbidden', context: { 'aws:TagKeys': ['a', 'secret'] }, policies: allowIf('ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret']), expect: 'ImplicitDeny' },
  { name: 'multiple keys under one operator are ANDed', context: { 'aws:RequestedRegion': 'us-east-1', 'aws:username': 'bob' }, policies: { identity: [doc(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1', 'aws:username': 'alice' } } }))] }, expect: 'ImplicitDeny' },
  { name: 'multiple keys all true', context: { 'aws:RequestedRegion': 'us-east-1', 'aws:username': 'alice' }, policies: { identity: [doc(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1', 'aws:username': 'alice' } } }))] }, expect: 'Allow' },
  { name: 'resource tag condition (ec2:ResourceTag)', action: 'ec2:StopInstances', context: { 'ec2:ResourceTag/Owner': 'alice' }, policies: allowIf('StringEquals', 'ec2:ResourceTag/Owner', '${aws:username}', 'ec2:StopInstances'), expect: 'ImplicitDeny' },
  { name: 'resource tag condition with username', action: 'ec2:StopInstances', context: { 'ec2:ResourceTag/Owner': 'alice', 'aws:username': 'alice' }, policies: allowIf('StringEquals', 'ec2:ResourceTag/Owner', '${aws:username}', 'ec2:StopInstances'), expect: 'Allow' },
  { name: 'conditional deny that does not hold leaves the allow', context: { 'aws:RequestedRegion': 'us-east-1' }, policies: { identity: [doc(allow('*'), deny('*', '*', cond('StringNotEquals', 'aws:RequestedRegion', ['us-east-1', 'eu-west-1'])))] }, expect: 'Allow' },
  { name: 'region-restricting deny applies', context: { 'aws:RequestedRegion': 'ap-southeast-2' }, policies: { identity: [doc(allow('*'), deny('*', '*', cond('StringNotEquals', 'aws:RequestedRegion', ['us-east-1', 'eu-west-1'])))] }, expect: 'ExplicitDeny' },

  // Resource-based policies (same account).
  { name: 'bucket policy naming the user grants without identity policy', policies: { resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/public/*', { Principal: { AWS: user.arn } }))] }, expect: 'Allow' },
  { name: 'bucket policy naming another user', policies: { resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/public/*', { Principal: { AWS: bob.arn } }))] }, expect: 'ImplicitDeny' },
  { name: 'bucket policy public "*"', policies: { resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: '*' }))] }, expect: 'Allow' },
  { name: 'bucket policy {"AWS":"*"}', policies: { resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: { AWS: '*' } }))] }, expect: 'Allow' },
  { name: 'bucket policy naming the account delegates: identity needed', policies: { resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: { AWS: `arn:aws:iam::${ACCT}:root` } }))] }, expect: 'ImplicitDeny' },
  { name: 'bucket policy naming the account + identity allow', policies: { identity: [doc(allow('s3:GetObject'))], resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: { AWS: ACCT } }))] }, expect: 'Allow' },
  { name: 'identity allow alone suffices in one account', policies: { identity: [doc(allow('s3:GetObject'))], resource: [doc(allow('s3:PutObject', 'arn:aws:s3:::bucket/*', { Principal: '*' }))] }, expect: 'Allow' },
  { name: 'bucket policy deny beats identity allow', policies: { identity: [doc(allow('s3:*'))], resource: [doc(deny('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: '*' }))] }, expect: 'ExplicitDeny' },
  { name: 'identity deny beats bucket policy allow', policies: { identity: [doc(deny('s3:GetObject'))], resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: '*' }))] }, expect: 'ExplicitDeny' },
  { name: 'bucket policy allow with s3:prefix condition', action: 's3:ListBucket', resource: 'arn:aws:s3:::bucket', context: { 's3:prefix': 'public/' }, policies: { resource: [doc(allow('s3:ListBucket', 'arn:aws:s3:::bucket', { Principal: { AWS: user.arn }, ...cond('StringLike', 's3:prefix', 'public/*') }))] }, expect: 'Allow' },
  { name: 'bucket policy s3:prefix condition not met', action: 's3:ListBucket', resource: 'arn:aws:s3:::bucket', context: { 's3:prefix': 'secret/' }, policies: { resource: [doc(allow('s3:ListBucket', 'arn:aws:s3:::bucket', { Principal: { AWS: user.arn }, ...cond('StringLike', 's3:prefix', 'public/*') }))] }, expect: 'ImplicitDeny' },
  { name: 'NotPrincipal deny spares the named user', policies: { identity: [doc(allow('s3:*'))], resource: [doc({ Effect: 'Deny', NotPrincipal: { AWS: user.arn }, Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' })] }, expect: 'Allow' },
  { name: 'NotPrincipal deny hits others', principal: bob, policies: { identity: [doc(allow('s3:*'))], resource: [doc({ Effect: 'Deny', NotPrincipal: { AWS: user.arn }, Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' })] }, expect: 'ExplicitDeny' },
  { name: 'role ARN in Principal matches its sessions', principal: session, policies: { resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: { AWS: `arn:aws:iam::${ACCT}:role/app` } }))] }, expect: 'Allow' },
  { name: 'session ARN in Principal', principal: session, policies: { resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: { AWS: session.arn } }))] }, expect: 'Allow' },
  { name: 'other role does not match the session', principal: session, policies: { resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: { AWS: `arn:aws:iam::${ACCT}:role/other` } }))] }, expect: 'ImplicitDeny' },

  // Cross-account.
  { name: 'cross-account: identity allow alone is not enough', principal: foreign, resourceAccountId: ACCT, policies: { identity: [doc(allow('s3:GetObject'))] }, expect: 'ImplicitDeny' },
  { name: 'cross-account: resource allow alone is not enough', principal: foreign, resourceAccountId: ACCT, policies: { resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: { AWS: foreign.arn } }))] }, expect: 'ImplicitDeny' },
  { name: 'cross-account: both allow', principal: foreign, resourceAccountId: ACCT, policies: { identity: [doc(allow('s3:GetObject'))], resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: { AWS: foreign.arn } }))] }, expect: 'Allow' },
  { name: 'cross-account: resource names the other account', principal: foreign, resourceAccountId: ACCT, policies: { identity: [doc(allow('s3:GetObject'))], resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: { AWS: OTHER } }))] }, expect: 'Allow' },
  { name: 'cross-account: deny in either wins', principal: foreign, resourceAccountId: ACCT, policies: { identity: [doc(allow('s3:GetObject'), deny('s3:GetObject'))], resource: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: '*' }))] }, expect: 'ExplicitDeny' },
  { name: 'cross-account: root of other account without resource allow', principal: { ...root, arn: `arn:aws:iam::${OTHER}:root`, accountId: OTHER }, resourceAccountId: ACCT, policies: {}, expect: 'ImplicitDeny' },

  // Root and service principals.
  { name: 'root is allowed in its own account without policies', principal: root, policies: {}, expect: 'Allow' },
  { name: 'root ignores identity denies (it has none)', principal: root, policies: { identity: [doc(deny('*'))] }, expect: 'Allow' },
  { name: 'bucket policy deny applies to root', principal: root, policies: { resource: [doc(deny('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: '*' }))] }, expect: 'ExplicitDeny' },
  { name: 'bucket policy deny for others spares root', principal: root, policies: { resource: [doc(deny('s3:GetObject', 'arn:aws:s3:::bucket/*', { Principal: { AWS: bob.arn } }))] }, expect: 'Allow' },
  { name: 'service principal is allowed', principal: service, policies: { identity: [doc(deny('*'))] }, expect: 'Allow' },

  // Session policies.
  { name: 'session policy narrows the role', principal: session, action: 's3:PutObject', policies: { identity: [doc(allow('s3:*'))], session: [doc(allow('s3:GetObject'))] }, expect: 'ImplicitDeny' },
  { name: 'session policy and role both allow', principal: session, policies: { identity: [doc(allow('s3:*'))], session: [doc(allow('s3:GetObject'))] }, expect: 'Allow' },
  { name: 'session policy cannot add rights', principal: session, action: 'ec2:RunInstances', policies: { identity: [doc(allow('s3:*'))], session: [doc(allow('*'))] }, expect: 'ImplicitDeny' },
  { name: 'session policy deny', principal: session, policies: { identity: [doc(allow('s3:*'))], session: [doc(allow('*'), deny('s3:GetObject'))] }, expect: 'ExplicitDeny' },

  // Trust policies (sts:AssumeRole: the role's trust policy must allow).
  { name: 'trust policy naming the user grants alone', action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCT}:role/app`, policies: { requireResourceAllow: true, resource: [doc({ Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole' })] }, expect: 'Allow' },
  { name: 'trust policy naming the account needs identity allow', action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCT}:role/app`, policies: { requireResourceAllow: true, resource: [doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'sts:AssumeRole' })] }, expect: 'ImplicitDeny' },
  { name: 'trust policy naming the account + identity allow', action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCT}:role/app`, policies: { requireResourceAllow: true, identity: [doc(allow('sts:AssumeRole', `arn:aws:iam::${ACCT}:role/*`))], resource: [doc({ Effect: 'Allow', Principal: { AWS: ACCT }, Action: 'sts:AssumeRole' })] }, expect: 'Allow' },
  { name: 'identity allow without trust is denied', action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCT}:role/app`, policies: { requireResourceAllow: true, identity: [doc(allow('sts:AssumeRole'))], resource: [doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })] }, expect: 'ImplicitDeny' },
  { name: 'trust policy for a service', action: 'sts:AssumeRole', principal: { ...service, userId: 'ec2.amazonaws.com' }, policies: { requireResourceAllow: true, resource: [doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })] }, expect: 'Allow' },
  { name: 'trust policy with MFA condition, no MFA', action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCT}:role/app`, policies: { requireResourceAllow: true, resource: [doc({ Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole', ...cond('Bool', 'aws:MultiFactorAuthPresent', 'true') })] }, expect: 'ImplicitDeny' },
  { name: 'trust policy with MFA condition, MFA', action: 'sts:AssumeRole', context: { 'aws:MultiFactorAuthPresent': 'true' }, resource: `arn:aws:iam::${ACCT}:role/app`, policies: { requireResourceAllow: true, resource: [doc({ Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole', ...cond('Bool', 'aws:MultiFactorAuthPresent', 'true') })] }, expect: 'Allow' },
  { name: 'cross-account trust + identity allow', action: 'sts:AssumeRole', principal: foreign, resourceAccountId: ACCT, resource: `arn:aws:iam::${ACCT}:role/app`, policies: { requireResourceAllow: true, identity: [doc(allow('sts:AssumeRole'))], resource: [doc({ Effect: 'Allow', Principal: { AWS: OTHER }, Action: 'sts:AssumeRole' })] }, expect: 'Allow' },
  { name: 'cross-account trust without identity allow', action: 'sts:AssumeRole', principal: foreign, resourceAccountId: ACCT, resource: `arn:aws:iam::${ACCT}:role/app`, policies: { requireResourceAllow: true, resource: [doc({ Effect: 'Allow', Principal: { AWS: foreign.arn }, Action: 'sts:AssumeRole' })] }, expect: 'ImplicitDeny' },
];

describe('evaluate: AWS policy evaluation logic', () => {
  it('has at least 150 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = evaluate(
      {
        action: c.action ?? 's3:GetObject',
        resource: c.resource ?? OBJ,
        principal: c.principal ?? user,
        resourceAccountId: c.resourceAccountId,
        context: c.context,
      },
      c.policies,
    );
    expect(r.decision).toBe(c.expect);
  });
});

describe('evaluate: results', () => {
  it('names the deciding statement and AWS reason', () => {
    const r = evaluate(
      { action: 'ec2:TerminateInstances', resource: `arn:aws:ec2:us-east-1:${ACCT}:instance/i-x`, principal: user },
      { identity: [doc({ Sid: 'ReadOnly', ...allow('ec2:Describe*') })] },
    );
    expect(r).toEqual({ decision: 'ImplicitDeny', matched: [], reason: 'because no identity-based policy allows the ec2:TerminateInstances action' });
  });
  it('reports an explicit deny with its statement', () => {
    const r = evaluate({ action: 's3:GetObject', resource: OBJ, principal: user }, { identity: [doc(allow('*'), { Sid: 'NoS3', ...deny('s3:*') })] });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.reason).toBe('with an explicit deny in an identity-based policy');
    expect(r.decidingStatement).toMatchObject({ sid: 'NoS3', effect: 'Deny', source: 'identity', index: 1 });
    expect(r.matched.map((m) => m.effect)).toEqual(['Allow', 'Deny']);
  });
  it('says when a resource-based policy denies', () => {
    const r = evaluate({ action: 's3:GetObject', resource: OBJ, principal: user }, { identity: [doc(allow('*'))], resource: [doc(deny('s3:*', 'arn:aws:s3:::bucket/*', { Principal: '*' }))] });
    expect(r.reason).toBe('with an explicit deny in a resource-based policy');
  });
});
