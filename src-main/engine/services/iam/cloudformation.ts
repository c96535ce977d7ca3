/** IAM roles, instance profiles, policies, users, groups and access keys. */
import { clean, generatedName, ignoreNotFound, num, objList, str, strList, tagList, type ResourceCtx, type ResourceProvider, type Json, type JsonObject } from '../../core/resource-provider';

const doc = (v: Json | undefined): string | undefined => (v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v));

interface InlinePolicy {
  name: string;
  document: string;
}
const inline = (v: Json | undefined): InlinePolicy[] =>
  objList(v).map((p) => ({ name: String(p.PolicyName), document: doc(p.PolicyDocument)! }));

type Kind = 'Role' | 'User' | 'Group';

/** Inline and managed policies of a role, user or group, brought from `old` to `props`. */
async function syncPolicies(rc: ResourceCtx, kind: Kind, name: string, props: JsonObject, old: JsonObject | undefined): Promise<void> {
  const nameKey = `${kind}Name`;
  const now = inline(props.Policies);
  const before = inline(old?.Policies);
  for (const p of before) {
    if (!now.some((n) => n.name === p.name)) await ignoreNotFound(rc.call('iam', `Delete${kind}Policy`, { [nameKey]: name, PolicyName: p.name }));
  }
  for (const p of now) {
    const prev = before.find((b) => b.name === p.name);
    if (!prev || prev.document !== p.document) await rc.call('iam', `Put${kind}Policy`, { [nameKey]: name, PolicyName: p.name, PolicyDocument: p.document });
  }
  const managed = strList(props.ManagedPolicyArns) ?? [];
  const managedBefore = strList(old?.ManagedPolicyArns) ?? [];
  for (const arn of managedBefore) if (!managed.includes(arn)) await ignoreNotFound(rc.call('iam', `Detach${kind}Policy`, { [nameKey]: name, PolicyArn: arn }));
  for (const arn of managed) if (!managedBefore.includes(arn)) await rc.call('iam', `Attach${kind}Policy`, { [nameKey]: name, PolicyArn: arn });
}

async function dropPolicies(rc: ResourceCtx, kind: Kind, name: string, props: JsonObject): Promise<void> {
  await syncPolicies(rc, kind, name, {}, props);
}

const role: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.RoleName) ?? generatedName(rc, 64);
    const tags = tagList(props.Tags);
    const out = await rc.call(
      'iam',
      'CreateRole',
      clean({
        RoleName: name,
        AssumeRolePolicyDocument: doc(props.AssumeRolePolicyDocument),
        Path: str(props.Path),
        Description: str(props.Description),
        MaxSessionDuration: num(props.MaxSessionDuration),
        PermissionsBoundary: str(props.PermissionsBoundary),
        Tags: tags.length ? tags : undefined,
      }),
    );
    await syncPolicies(rc, 'Role', name, props, undefined);
    return { physicalId: name, attributes: { Arn: out.Role.Arn, RoleId: out.Role.RoleId } };
  },
  async update(rc, name, props, old) {
    if (doc(props.AssumeRolePolicyDocument) !== doc(old.AssumeRolePolicyDocument)) {
      await rc.call('iam', 'UpdateAssumeRolePolicy', { RoleName: name, PolicyDocument: doc(props.AssumeRolePolicyDocument) });
    }
    if (str(props.Description) !== str(old.Description) || num(props.MaxSessionDuration) !== num(old.MaxSessionDuration)) {
      await rc.call('iam', 'UpdateRole', clean({ RoleName: name, Description: str(props.Description) ?? '', MaxSessionDuration: num(props.MaxSessionDuration) }));
    }
    await syncPolicies(rc, 'Role', name, props, old);
  },
  async delete(rc, name, props) {
    await dropPolicies(rc, 'Role', name, props).catch(() => undefined);
    await ignoreNotFound(rc.call('iam', 'DeleteRole', { RoleName: name }));
  },
};

const instanceProfile: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.InstanceProfileName) ?? generatedName(rc, 128);
    const out = await rc.call('iam', 'CreateInstanceProfile', clean({ InstanceProfileName: name, Path: str(props.Path) }));
    for (const r of strList(props.Roles) ?? []) await rc.call('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: name, RoleName: r });
    return { physicalId: name, attributes: { Arn: out.InstanceProfile.Arn } };
  },
  async update(rc, name, props, old) {
    const now = strList(props.Roles) ?? [];
    const before = strList(old.Roles) ?? [];
    for (const r of before) if (!now.includes(r)) await ignoreNotFound(rc.call('iam', 'RemoveRoleFromInstanceProfile', { InstanceProfileName: name, RoleName: r }));
    for (const r of now) if (!before.includes(r)) await rc.call('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: name, RoleName: r });
  },
  async delete(rc, name, props) {
    for (const r of strList(props.Roles) ?? []) await ignoreNotFound(rc.call('iam', 'RemoveRoleFromInstanceProfile', { InstanceProfileName: name, RoleName: r }));
    await ignoreNotFound(rc.call('iam', 'DeleteInstanceProfile', { InstanceProfileName: name }));
  },
};

const TARGETS: [string, Kind][] = [
  ['Roles', 'Role'],
  ['Users', 'User'],
  ['Groups', 'Group'],
];

const policy: ResourceProvider = {
  async create(rc, props) {
    for (const [member, kind] of TARGETS) {
      for (const n of strList(props[member]) ?? []) {
        await rc.call('iam', `Put${kind}Policy`, { [`${kind}Name`]: n, PolicyName: str(props.PolicyName), PolicyDocument: doc(props.PolicyDocument) });
      }
    }
    const id = generatedName(rc, 60, { suffix: 12 });
    return { physicalId: id, attributes: { Id: id } };
  },
  async update(rc, id, props, old) {
    await this.delete(rc, id, old, {});
    await this.create(rc, props);
  },
  async delete(rc, _id, props) {
    for (const [member, kind] of TARGETS) {
      for (const n of strList(props[member]) ?? []) {
        await ignoreNotFound(rc.call('iam', `Delete${kind}Policy`, { [`${kind}Name`]: n, PolicyName: str(props.PolicyName) }));
      }
    }
  },
};

async function attachManaged(rc: ResourceCtx, arn: string, props: JsonObject, detach: boolean): Promise<void> {
  for (const [member, kind] of TARGETS) {
    for (const n of strList(props[member]) ?? []) {
      const p = rc.call('iam', `${detach ? 'Detach' : 'Attach'}${kind}Policy`, { [`${kind}Name`]: n, PolicyArn: arn });
      if (detach) await ignoreNotFound(p);
      else await p;
    }
  }
}

const managedPolicy: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.ManagedPolicyName) ?? generatedName(rc, 128);
    const out = await rc.call('iam', 'CreatePolicy', clean({ PolicyName: name, Path: str(props.Path), Description: str(props.Description), PolicyDocument: doc(props.PolicyDocument) }));
    const arn = String(out.Policy.Arn);
    await attachManaged(rc, arn, props, false);
    return { physicalId: arn, attributes: { PolicyArn: arn, PolicyId: out.Policy.PolicyId ?? null, DefaultVersionId: 'v1', IsAttachable: true } };
  },
  async update(rc, arn, props, old) {
    if (doc(props.PolicyDocument) !== doc(old.PolicyDocument)) {
      await rc.call('iam', 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: doc(props.PolicyDocument), SetAsDefault: true });
    }
    await attachManaged(rc, arn, old, true);
    await attachManaged(rc, arn, props, false);
  },
  async delete(rc, arn, props) {
    await attachManaged(rc, arn, props, true);
    await ignoreNotFound(rc.call('iam', 'DeletePolicy', { PolicyArn: arn }));
  },
};

const user: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.UserName) ?? generatedName(rc, 64);
    const tags = tagList(props.Tags);
    const out = await rc.call('iam', 'CreateUser', clean({ UserName: name, Path: str(props.Path), PermissionsBoundary: str(props.PermissionsBoundary), Tags: tags.length ? tags : undefined }));
    for (const g of strList(props.Groups) ?? []) await rc.call('iam', 'AddUserToGroup', { UserName: name, GroupName: g });
    await syncPolicies(rc, 'User', name, props, undefined);
    const login = props.LoginProfile as JsonObject | undefined;
    if (login) {
      await rc.call('iam', 'CreateLoginProfile', clean({ UserName: name, Password: str(login.Password), PasswordResetRequired: login.PasswordResetRequired === true || login.PasswordResetRequired === 'true' }));
    }
    return { physicalId: name, attributes: { Arn: out.User.Arn } };
  },
  async update(rc, name, props, old) {
    const now = strList(props.Groups) ?? [];
    const before = strList(old.Groups) ?? [];
    for (const g of before) if (!now.includes(g)) await ignoreNotFound(rc.call('iam', 'RemoveUserFromGroup', { UserName: name, GroupName: g }));
    for (const g of now) if (!before.includes(g)) await rc.call('iam', 'AddUserToGroup', { UserName: name, GroupName: g });
    await syncPolicies(rc, 'User', name, props, old);
  },
  async delete(rc, name, props) {
    for (const g of strList(props.Groups) ?? []) await ignoreNotFound(rc.call('iam', 'RemoveUserFromGroup', { UserName: name, GroupName: g }));
    await dropPolicies(rc, 'User', name, props).catch(() => undefined);
    if (props.LoginProfile !== undefined) await ignoreNotFound(rc.call('iam', 'DeleteLoginProfile', { UserName: name }));
    await ignoreNotFound(rc.call('iam', 'DeleteUser', { UserName: name }));
  },
};

const group: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.GroupName) ?? generatedName(rc, 128);
    const out = await rc.call('iam', 'CreateGroup', clean({ GroupName: name, Path: str(props.Path) }));
    await syncPolicies(rc, 'Group', name, props, undefined);
    return { physicalId: name, attributes: { Arn: out.Group.Arn } };
  },
  update: (rc, name, props, old) => syncPolicies(rc, 'Group', name, props, old),
  async delete(rc, name, props) {
    await dropPolicies(rc, 'Group', name, props).catch(() => undefined);
    await ignoreNotFound(rc.call('iam', 'DeleteGroup', { GroupName: name }));
  },
};

const accessKey: ResourceProvider = {
  async create(rc, props) {
    const out = await rc.call('iam', 'CreateAccessKey', { UserName: str(props.UserName) });
    const id = String(out.AccessKey.AccessKeyId);
    if (str(props.Status) === 'Inactive') await rc.call('iam', 'UpdateAccessKey', { UserName: str(props.UserName), AccessKeyId: id, Status: 'Inactive' });
    return { physicalId: id, attributes: { SecretAccessKey: out.AccessKey.SecretAccessKey } };
  },
  async update(rc, id, props) {
    await rc.call('iam', 'UpdateAccessKey', { UserName: str(props.UserName), AccessKeyId: id, Status: str(props.Status) ?? 'Active' });
  },
  async delete(rc, id, props) {
    await ignoreNotFound(rc.call('iam', 'DeleteAccessKey', { UserName: str(props.UserName), AccessKeyId: id }));
  },
};

export const iamProviders: Record<string, ResourceProvider> = {
  'AWS::IAM::Role': role,
  'AWS::IAM::InstanceProfile': instanceProfile,
  'AWS::IAM::Policy': policy,
  'AWS::IAM::ManagedPolicy': managedPolicy,
  'AWS::IAM::User': user,
  'AWS::IAM::Group': group,
  'AWS::IAM::AccessKey': accessKey,
};
