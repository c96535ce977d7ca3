/**
 * The oracle for the book's IAM commands (book-coverage §B.5, §4.2 and §6.3.3-6.3.4): an admin group with
 * AdministratorAccess, a user in it with a console password and access keys, and `get-user` signed with
 * those keys, through the real AWS CLI and ours; plus the errors a learner meets on the way.
 */
import { describe, expect, it } from 'vitest';
import { useOracle, createLanes, FORMATS } from './oracle-lab';

const { compare, ours } = useOracle();
const { set, get } = createLanes();
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('§6.3.4: a group, its policy, a user with a password', () => {
  it('create-group, a duplicate group, attach-group-policy, get-group', async () => {
    await compare((s) => ['iam', 'create-group', '--group-name', set(s, 'group', `admin-${s}`)]);
    await compare((s) => ['iam', 'create-group', '--group-name', get(s, 'group')]);
    await compare((s) => ['iam', 'attach-group-policy', '--group-name', get(s, 'group'), '--policy-arn', ADMIN]);
    await compare((s) => ['iam', 'attach-group-policy', '--group-name', `nogroup-${s}`, '--policy-arn', ADMIN]);
    await compare((s) => ['iam', 'attach-group-policy', '--group-name', get(s, 'group'), '--policy-arn', 'arn:aws:iam::aws:policy/NoSuchPolicy']);
    await compare((s) => ['iam', 'list-attached-group-policies', '--group-name', get(s, 'group')]);
  });
  it('create-user in every format, add-user-to-group, create-login-profile, get-group', async () => {
    for (const f of FORMATS) await compare((s) => ['iam', 'create-user', '--user-name', set(s, `user-${f}`, `myuser-${s}`), '--output', f]);
    await compare((s) => ['iam', 'create-user', '--user-name', get(s, 'user-json')]);
    await compare((s) => ['iam', 'add-user-to-group', '--group-name', get(s, 'group'), '--user-name', get(s, 'user-json')]);
    await compare((s) => ['iam', 'add-user-to-group', '--group-name', get(s, 'group'), '--user-name', `nouser-${s}`]);
    await compare((s) => ['iam', 'create-login-profile', '--user-name', get(s, 'user-json'), '--password', 'Pass-word-1234']);
    await compare((s) => ['iam', 'create-login-profile', '--user-name', get(s, 'user-json'), '--password', 'Pass-word-1234']);
    await compare((s) => ['iam', 'get-group', '--group-name', get(s, 'group')]);
    await compare((s) => ['iam', 'get-group', '--group-name', get(s, 'group'), '--output', 'table']);
  });
});

describe('§4.2 and §6.3.3: the CLI signed as the user', () => {
  it('get-user --query "User.Arn" --output text as root, as a user, and for a user that does not exist', async () => {
    await compare(() => ['iam', 'get-user', '--query', 'User.Arn', '--output', 'text']);
    await compare(() => ['iam', 'get-user', '--output', 'text']);
    await compare((s) => ['iam', 'get-user', '--user-name', `nobody-${s}`]);
    const made = await ours(['iam', 'create-user', '--user-name', 'mycli']);
    expect(made.status).toBe(0);
    const keys = JSON.parse((await ours(['iam', 'create-access-key', '--user-name', 'mycli'])).stdout) as { AccessKey: { AccessKeyId: string; SecretAccessKey: string } };
    await ours(['iam', 'attach-user-policy', '--user-name', 'mycli', '--policy-arn', ADMIN]);
    const env = { AWS_ACCESS_KEY_ID: keys.AccessKey.AccessKeyId, AWS_SECRET_ACCESS_KEY: keys.AccessKey.SecretAccessKey };
    await compare(() => ['iam', 'get-user', '--query', 'User.Arn', '--output', 'text'], { env });
    await compare(() => ['sts', 'get-caller-identity', '--output', 'table'], { env });
    await ours(['iam', 'detach-user-policy', '--user-name', 'mycli', '--policy-arn', ADMIN]);
    await compare(() => ['iam', 'list-users'], { env });
    await compare(() => ['ec2', 'describe-regions', '--query', 'Regions[0].RegionName'], { env });
  });
});

describe('iam lists in the book\'s formats', () => {
  it('list-users, list-groups, list-groups-for-user', async () => {
    await compare(() => ['iam', 'list-users', '--query', 'Users[].UserName', '--output', 'text']);
    for (const f of ['json', 'text', 'table']) await compare(() => ['iam', 'list-groups', '--output', f]);
    await compare(() => ['iam', 'list-groups-for-user', '--user-name', 'mycli']);
    await compare(() => ['iam', 'list-attached-user-policies', '--user-name', 'mycli']);
  });
});
