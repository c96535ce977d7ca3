/** IAM and STS operations through engine.call: behaviour and AWS's exact errors (code, message, status). */
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine, type Principal } from '../../../src-main/engine/index';
import { totp } from '../../../src-main/engine/services/iam/state/mfa';
import { issueInstanceProfileCredentials } from '../../../src-main/engine/services/sts';

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

async function expectError(p: Promise<unknown>, code: string, message: string, status: number) {
  const e = (await p.then(
    () => undefined,
    (x: unknown) => x,
  )) as { code: string; message: string; status: number } | undefined;
  expect(e, 'call should fail').toBeDefined();
  expect({ code: e!.code, message: e!.message, status: e!.status }).toEqual({ code, message, status });
}

function lab() {
  const engine = createEngine();
  const root = engine.account.root;
  const acct = engine.account.accountId;
  const iam = (op: string, input: Record<string, unknown> = {}, who: Principal = root) => engine.call(who, 'iam', op, input);
  return { engine, root, acct, iam };
}

async function userWithKey(engine: Engine, name: string, policy?: string): Promise<Principal> {
  const root = engine.account.root;
  await engine.call(root, 'iam', 'CreateUser', { UserName: name });
  if (policy) await engine.call(root, 'iam', 'PutUserPolicy', { UserName: name, PolicyName: 'p', PolicyDocument: policy });
  const k = (await engine.call(root, 'iam', 'CreateAccessKey', { UserName: name })) as { AccessKey: { AccessKeyId: string } };
  return engine.lookupAccessKey(k.AccessKey.AccessKeyId)!.principal;
}

describe('users', () => {
  it('creates, reads, lists, renames and deletes a user', async () => {
    const { iam, acct } = lab();
    const created = (await iam('CreateUser', { UserName: 'myuser', Path: '/staff/' })) as { User: Record<string, unknown> };
    expect(created.User).toMatchObject({ UserName: 'myuser', Path: '/staff/', Arn: `arn:aws:iam::${acct}:user/staff/myuser` });
    expect(created.User.UserId).toMatch(/^AIDA[A-Z2-7]{16}$/);
    expect(((await iam('GetUser', { UserName: 'MYUSER' })) as { User: { UserName: string } }).User.UserName).toBe('myuser');
    await iam('UpdateUser', { UserName: 'myuser', NewUserName: 'renamed' });
    expect(((await iam('ListUsers')) as { Users: { UserName: string }[] }).Users.map((u) => u.UserName)).toEqual(['renamed']);
    await iam('DeleteUser', { UserName: 'renamed' });
    await expectError(iam('GetUser', { UserName: 'renamed' }), 'NoSuchEntity', 'The user with name renamed cannot be found.', 404);
  });

  it('GetUser without a name answers the root ARN (book §6.3.3)', async () => {
    const { iam, acct } = lab();
    expect(((await iam('GetUser')) as { User: { Arn: string } }).User.Arn).toBe(`arn:aws:iam::${acct}:root`);
  });

  it('refuses duplicates, bad names and deletes with leftovers', async () => {
    const { iam } = lab();
    await iam('CreateUser', { UserName: 'mycli' });
    await expectError(iam('CreateUser', { UserName: 'MyCli' }), 'EntityAlreadyExists', 'User with name MyCli already exists.', 409);
    await expectError(
      iam('CreateUser', { UserName: 'bad name' }),
      'ValidationError',
      "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      400,
    );
    await iam('CreateAccessKey', { UserName: 'mycli' });
    await expectError(iam('DeleteUser', { UserName: 'mycli' }), 'DeleteConflict', 'Cannot delete entity, must delete access keys first.', 409);
    const keys = (await iam('ListAccessKeys', { UserName: 'mycli' })) as { AccessKeyMetadata: { AccessKeyId: string }[] };
    await iam('DeleteAccessKey', { UserName: 'mycli', AccessKeyId: keys.AccessKeyMetadata[0]!.AccessKeyId });
    await iam('PutUserPolicy', { UserName: 'mycli', PolicyName: 'p', PolicyDocument: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) });
    await expectError(iam('DeleteUser', { UserName: 'mycli' }), 'DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
    await iam('DeleteUserPolicy', { UserName: 'mycli', PolicyName: 'p' });
    await iam('CreateGroup', { GroupName: 'admin' });
    await iam('AddUserToGroup', { GroupName: 'admin', UserName: 'mycli' });
    await expectError(iam('DeleteUser', { UserName: 'mycli' }), 'DeleteConflict', 'Cannot delete entity, must remove users from group first.', 409);
    await expectError(iam('DeleteGroup', { GroupName: 'admin' }), 'DeleteConflict', 'Cannot delete entity, must remove users from group first.', 409);
    await iam('RemoveUserFromGroup', { GroupName: 'admin', UserName: 'mycli' });
    await iam('DeleteUser', { UserName: 'mycli' });
  });
});

describe('access keys', () => {
  it('allows two keys per user, then LimitExceeded', async () => {
    const { iam } = lab();
    await iam('CreateUser', { UserName: 'mycli' });
    const k = (await iam('CreateAccessKey', { UserName: 'mycli' })) as { AccessKey: Record<string, string> };
    expect(k.AccessKey.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(k.AccessKey.SecretAccessKey).toHaveLength(40);
    expect(k.AccessKey.Status).toBe('Active');
    await iam('CreateAccessKey', { UserName: 'mycli' });
    await expectError(iam('CreateAccessKey', { UserName: 'mycli' }), 'LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409);
  });

  it('an inactive key no longer authenticates; last use comes from the history', async () => {
    const { engine, iam } = lab();
    const p = await userWithKey(engine, 'mycli', doc({ Effect: 'Allow', Action: 'sts:*', Resource: '*' }));
    expect(((await iam('GetAccessKeyLastUsed', { AccessKeyId: p.accessKeyId })) as { AccessKeyLastUsed: unknown }).AccessKeyLastUsed).toEqual({ ServiceName: 'N/A', Region: 'N/A' });
    await iam('UpdateAccessKey', { UserName: 'mycli', AccessKeyId: p.accessKeyId, Status: 'Inactive' });
    expect(engine.lookupAccessKey(p.accessKeyId!)!.status).toBe('Inactive');
    await expectError(iam('DeleteAccessKey', { UserName: 'mycli', AccessKeyId: 'AKIAXXXXXXXXXXXXXXXX' }), 'NoSuchEntity', 'The Access Key with id AKIAXXXXXXXXXXXXXXXX cannot be found.', 404);
  });
});

describe('policies', () => {
  it('attaches AWS managed policies and reports them', async () => {
    const { iam } = lab();
    await iam('CreateGroup', { GroupName: 'admin' });
    await iam('AttachGroupPolicy', { GroupName: 'admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expect(await iam('ListAttachedGroupPolicies', { GroupName: 'admin' })).toEqual({
      AttachedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
      IsTruncated: false,
      Marker: undefined,
    });
    const got = (await iam('GetPolicy', { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' })) as { Policy: Record<string, unknown> };
    expect(got.Policy).toMatchObject({ PolicyName: 'AdministratorAccess', AttachmentCount: 1, DefaultVersionId: 'v1', IsAttachable: true });
    const v = (await iam('GetPolicyVersion', { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', VersionId: 'v1' })) as { PolicyVersion: { Document: string } };
    expect(JSON.parse(decodeURIComponent(v.PolicyVersion.Document))).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const attached = (await iam('ListPolicies', { OnlyAttached: true })) as { Policies: { PolicyName: string }[] };
    expect(attached.Policies.map((p) => p.PolicyName)).toEqual(['AdministratorAccess']);
    await expectError(iam('AttachGroupPolicy', { GroupName: 'admin', PolicyArn: 'arn:aws:iam::aws:policy/Nope' }), 'NoSuchEntity', 'Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable.', 404);
  });

  it('customer managed policies keep up to five versions', async () => {
    const { iam, acct } = lab();
    const arn = `arn:aws:iam::${acct}:policy/ro`;
    await iam('CreatePolicy', { PolicyName: 'ro', PolicyDocument: doc({ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }) });
    for (let i = 2; i <= 5; i++) await iam('CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), SetAsDefault: i === 3 });
    await expectError(
      iam('CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }),
      'LimitExceeded',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
      409,
    );
    expect(((await iam('GetPolicy', { PolicyArn: arn })) as { Policy: { DefaultVersionId: string } }).Policy.DefaultVersionId).toBe('v3');
    await iam('SetDefaultPolicyVersion', { PolicyArn: arn, VersionId: 'v5' });
    expect(((await iam('ListPolicyVersions', { PolicyArn: arn })) as { Versions: { VersionId: string; IsDefaultVersion: boolean }[] }).Versions.filter((v) => v.IsDefaultVersion)).toEqual([
      expect.objectContaining({ VersionId: 'v5' }),
    ]);
    await expectError(iam('DeletePolicy', { PolicyArn: arn }), 'DeleteConflict', "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.", 409);
  });

  it('rejects malformed documents with IAM messages', async () => {
    const { iam } = lab();
    await iam('CreateUser', { UserName: 'u' });
    const put = (d: string) => iam('PutUserPolicy', { UserName: 'u', PolicyName: 'p', PolicyDocument: d });
    await expectError(put('{not json'), 'MalformedPolicyDocument', 'Syntax errors in policy.', 400);
    await expectError(put(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Principal: '*' })), 'MalformedPolicyDocument', 'Policy document should not specify a principal.', 400);
    await expectError(put(doc({ Effect: 'Allow', Action: 'GetObject', Resource: '*' })), 'MalformedPolicyDocument', 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.', 400);
    await expectError(put(doc({ Effect: 'Allow', Action: 'ec2:LaunchRocket', Resource: '*' })), 'MalformedPolicyDocument', 'Policy has an invalid action: ec2:LaunchRocket', 400);
    await expectError(put(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'bucket' })), 'MalformedPolicyDocument', 'Resource bucket must be in ARN format or "*".', 400);
    await expectError(put(doc({ Effect: 'Allow', Action: 's3:GetObject' })), 'MalformedPolicyDocument', 'Policy statement must contain resources.', 400);
    await expectError(put(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] })), 'MalformedPolicyDocument', 'Policy document must be version 2012-10-17 or greater.', 400);
    const big = doc(...Array.from({ length: 40 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${i}/*` })));
    await expectError(put(big), 'LimitExceeded', 'Maximum policy size of 2048 bytes exceeded for user u', 409);
  });
});

describe('roles and instance profiles', () => {
  const trust = doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });

  it('creates a role with a trust policy and wires it into an instance profile', async () => {
    const { iam, acct } = lab();
    const r = (await iam('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: trust })) as { Role: Record<string, unknown> };
    expect(r.Role).toMatchObject({ RoleName: 'app', Arn: `arn:aws:iam::${acct}:role/app`, MaxSessionDuration: 3600 });
    expect(r.Role.RoleId).toMatch(/^AROA/);
    await iam('CreateInstanceProfile', { InstanceProfileName: 'app' });
    await iam('AddRoleToInstanceProfile', { InstanceProfileName: 'app', RoleName: 'app' });
    await iam('CreateRole', { RoleName: 'other', AssumeRolePolicyDocument: trust });
    await expectError(iam('AddRoleToInstanceProfile', { InstanceProfileName: 'app', RoleName: 'other' }), 'LimitExceeded', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1', 409);
    await expectError(iam('DeleteRole', { RoleName: 'app' }), 'DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.', 409);
    const listed = (await iam('ListInstanceProfilesForRole', { RoleName: 'app' })) as { InstanceProfiles: { InstanceProfileName: string; Roles: { RoleName: string }[] }[] };
    expect(listed.InstanceProfiles.map((p) => [p.InstanceProfileName, p.Roles.map((x) => x.RoleName)])).toEqual([['app', ['app']]]);
    await expectError(iam('CreateRole', { RoleName: 'bad', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }) }), 'MalformedPolicyDocument', 'Missing required field Principal', 400);
    await expectError(
      iam('CreateRole', { RoleName: 'bad', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:user/ghost` }, Action: 'sts:AssumeRole' }) }),
      'MalformedPolicyDocument',
      `Invalid principal in policy: "AWS":"arn:aws:iam::${acct}:user/ghost"`,
      400,
    );
  });

  it('instance profile credentials call ec2:StopInstances and nothing else, and rotate near expiry', async () => {
    const { engine, iam, acct } = lab();
    await iam('CreateRole', { RoleName: 'stopper', AssumeRolePolicyDocument: trust });
    await iam('PutRolePolicy', { RoleName: 'stopper', PolicyName: 'stop', PolicyDocument: doc({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*' }) });
    await iam('CreateInstanceProfile', { InstanceProfileName: 'stopper' });
    await iam('AddRoleToInstanceProfile', { InstanceProfileName: 'stopper', RoleName: 'stopper' });
    const creds = issueInstanceProfileCredentials(engine.store, engine.clock, { accountId: acct, instanceProfileArn: `arn:aws:iam::${acct}:instance-profile/stopper`, instanceId: 'i-0abc' })!;
    expect(creds.AccessKeyId).toMatch(/^ASIA/);
    const key = engine.lookupAccessKey(creds.AccessKeyId)!;
    expect(key.sessionToken).toBe(creds.Token);
    expect(key.principal).toMatchObject({ type: 'assumed-role', arn: `arn:aws:sts::${acct}:assumed-role/stopper/i-0abc` });
    const who = (await engine.call(key.principal, 'sts', 'GetCallerIdentity', {})) as { Arn: string; UserId: string };
    expect(who.Arn).toBe(`arn:aws:sts::${acct}:assumed-role/stopper/i-0abc`);
    expect(who.UserId).toMatch(/^AROA[A-Z2-7]{16}:i-0abc$/);
    // Authorization passes for StopInstances (the EC2 handler then answers for the unknown instance).
    const stop = await engine.call(key.principal, 'ec2', 'StopInstances', { InstanceIds: ['i-0123456789abcdef0'] }).catch((e: { code: string }) => e.code);
    expect(stop).not.toBe('UnauthorizedOperation');
    await expectError(
      engine.call(key.principal, 'ec2', 'TerminateInstances', { InstanceIds: ['i-0123456789abcdef0'] }).then(() => undefined, (e: { code: string; message: string; status: number }) => { throw { code: e.code, message: e.message.split('. Encoded')[0], status: e.status }; }),
      'UnauthorizedOperation',
      `You are not authorized to perform this operation. User: arn:aws:sts::${acct}:assumed-role/stopper/i-0abc is not authorized to perform: ec2:TerminateInstances on resource: arn:aws:ec2:us-east-1:${acct}:instance/i-0123456789abcdef0 because no identity-based policy allows the ec2:TerminateInstances action`,
      403,
    );
    await expectError(engine.call(key.principal, 's3', 'ListBuckets', {}), 'AccessDenied', `User: arn:aws:sts::${acct}:assumed-role/stopper/i-0abc is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action`, 403);
    // Same credentials until 5 minutes before expiry, then new ones.
    const again = issueInstanceProfileCredentials(engine.store, engine.clock, { accountId: acct, roleName: 'stopper', instanceId: 'i-0abc' })!;
    expect(again.AccessKeyId).toBe(creds.AccessKeyId);
    engine.clock.advance(6 * 3600_000 - 4 * 60_000);
    const rotated = issueInstanceProfileCredentials(engine.store, engine.clock, { accountId: acct, roleName: 'stopper', instanceId: 'i-0abc' })!;
    expect(rotated.AccessKeyId).not.toBe(creds.AccessKeyId);
  });
});

describe('MFA with real TOTP codes', () => {
  it('enables a virtual device with two consecutive codes and gets an MFA session', async () => {
    const { engine, iam, acct } = lab();
    const p = await userWithKey(engine, 'myuser', doc({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }));
    const dev = (await iam('CreateVirtualMFADevice', { VirtualMFADeviceName: 'myuser' })) as { VirtualMFADevice: { SerialNumber: string; Base32StringSeed: Buffer } };
    const serial = dev.VirtualMFADevice.SerialNumber;
    expect(serial).toBe(`arn:aws:iam::${acct}:mfa/myuser`);
    const seed = Buffer.from(dev.VirtualMFADevice.Base32StringSeed).toString('ascii');
    expect(seed).toMatch(/^[A-Z2-7]{64}$/);
    const now = engine.clock.now();
    await expectError(
      iam('EnableMFADevice', { UserName: 'myuser', SerialNumber: serial, AuthenticationCode1: '000000', AuthenticationCode2: '111111' }),
      'InvalidAuthenticationCode',
      'Authentication code for device is not valid.',
      403,
    );
    await iam('EnableMFADevice', { UserName: 'myuser', SerialNumber: serial, AuthenticationCode1: totp(seed, now - 30_000), AuthenticationCode2: totp(seed, now) });
    expect(((await iam('ListMFADevices', { UserName: 'myuser' })) as { MFADevices: { SerialNumber: string }[] }).MFADevices.map((d) => d.SerialNumber)).toEqual([serial]);
    await expectError(iam('DeleteVirtualMFADevice', { SerialNumber: serial }), 'DeleteConflict', 'MFA device is still in use.', 409);

    // Long-term keys: no MFA, the conditional allow does not apply.
    await expectError(engine.call(p, 'iam', 'ListUsers', {}), 'AccessDenied', `User: arn:aws:iam::${acct}:user/myuser is not authorized to perform: iam:ListUsers because no identity-based policy allows the iam:ListUsers action`, 403);
    await expectError(engine.call(p, 'sts', 'GetSessionToken', { SerialNumber: serial, TokenCode: '123456' }), 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ', 403);
    engine.clock.advance(30_000);
    const s = (await engine.call(p, 'sts', 'GetSessionToken', { SerialNumber: serial, TokenCode: totp(seed, engine.clock.now()) })) as { Credentials: { AccessKeyId: string } };
    const mfaSession = engine.lookupAccessKey(s.Credentials.AccessKeyId)!.principal;
    const users = (await engine.call(mfaSession, 'iam', 'ListUsers', {})) as { Users: { UserName: string }[] };
    expect(users.Users.map((u) => u.UserName)).toEqual(['myuser']);
  });
});

describe('STS AssumeRole', () => {
  it('needs the trust policy, returns a session that acts as the role', async () => {
    const { engine, iam, acct } = lab();
    const alice = await userWithKey(engine, 'alice', doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }));
    await iam('CreateRole', { RoleName: 'reader', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 'sts:AssumeRole' }) });
    await iam('AttachRolePolicy', { RoleName: 'reader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
    const out = (await engine.call(alice, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${acct}:role/reader`, RoleSessionName: 'alice-session' })) as {
      Credentials: { AccessKeyId: string; Expiration: Date };
      AssumedRoleUser: { Arn: string; AssumedRoleId: string };
    };
    expect(out.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${acct}:assumed-role/reader/alice-session`);
    expect(out.Credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials.Expiration.getTime() - engine.clock.now()).toBeGreaterThan(3599_000);
    const session = engine.lookupAccessKey(out.Credentials.AccessKeyId)!.principal;
    expect(await engine.call(session, 's3', 'ListBuckets', {})).toMatchObject({ Buckets: [] });
    await expectError(engine.call(session, 's3', 'CreateBucket', { Bucket: 'nope-bucket' }), 'AccessDenied', `User: arn:aws:sts::${acct}:assumed-role/reader/alice-session is not authorized to perform: s3:CreateBucket on resource: arn:aws:s3:::nope-bucket because no identity-based policy allows the s3:CreateBucket action`, 403);
    await expectError(
      engine.call(alice, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${acct}:role/reader`, RoleSessionName: 's', DurationSeconds: 900 }),
      'ValidationError',
      "1 validation error detected: Value 's' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
      400,
    );
    await expectError(
      engine.call(alice, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${acct}:role/reader`, RoleSessionName: 'long', DurationSeconds: 7200 }),
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      400,
    );
    const bob = await userWithKey(engine, 'bob');
    await expectError(
      engine.call(bob, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${acct}:role/reader`, RoleSessionName: 'bob' }),
      'AccessDenied',
      `User: arn:aws:iam::${acct}:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${acct}:role/reader because no identity-based policy allows the sts:AssumeRole action`,
      403,
    );
  });
});

describe('simulator and account', () => {
  it('SimulatePrincipalPolicy reports allowed / implicitDeny / explicitDeny with statements', async () => {
    const { iam, acct } = lab();
    await iam('CreateUser', { UserName: 'mycli' });
    await iam('PutUserPolicy', { UserName: 'mycli', PolicyName: 'ro', PolicyDocument: doc({ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }, { Effect: 'Deny', Action: 'ec2:DescribeRegions', Resource: '*' }) });
    const r = (await iam('SimulatePrincipalPolicy', { PolicySourceArn: `arn:aws:iam::${acct}:user/mycli`, ActionNames: ['ec2:DescribeInstances', 'ec2:RunInstances', 'ec2:DescribeRegions'] })) as {
      EvaluationResults: { EvalActionName: string; EvalDecision: string; MatchedStatements: { SourcePolicyId: string; SourcePolicyType: string }[] }[];
    };
    expect(r.EvaluationResults.map((e) => [e.EvalActionName, e.EvalDecision])).toEqual([
      ['ec2:DescribeInstances', 'allowed'],
      ['ec2:RunInstances', 'implicitDeny'],
      ['ec2:DescribeRegions', 'explicitDeny'],
    ]);
    expect(r.EvaluationResults[0]!.MatchedStatements).toEqual([{ SourcePolicyId: 'ro', SourcePolicyType: 'user' }]);
  });

  it('password policy, aliases and the summary', async () => {
    const { iam, acct } = lab();
    await expectError(iam('GetAccountPasswordPolicy'), 'NoSuchEntity', `The Password Policy with domain name ${acct} cannot be found.`, 404);
    await iam('UpdateAccountPasswordPolicy', { MinimumPasswordLength: 12, RequireNumbers: true });
    await iam('CreateUser', { UserName: 'myuser' });
    await expectError(iam('CreateLoginProfile', { UserName: 'myuser', Password: 'short1' }), 'PasswordPolicyViolation', 'Password should have a minimum length of 12', 400);
    await expectError(iam('CreateLoginProfile', { UserName: 'myuser', Password: 'longenoughpassword' }), 'PasswordPolicyViolation', 'Password should have at least one number', 400);
    await iam('CreateLoginProfile', { UserName: 'myuser', Password: 'longenough-password-1' });
    await expectError(iam('DeleteUser', { UserName: 'myuser' }), 'DeleteConflict', 'Cannot delete entity, must delete login profile first.', 409);
    await iam('CreateAccountAlias', { AccountAlias: 'my-lab' });
    expect(await iam('ListAccountAliases')).toEqual({ AccountAliases: ['my-lab'], IsTruncated: false });
    const summary = (await iam('GetAccountSummary')) as { SummaryMap: Record<string, number> };
    expect(summary.SummaryMap).toMatchObject({ Users: 1, AccessKeysPerUserQuota: 2, AccountMFAEnabled: 0 });
  });
});
