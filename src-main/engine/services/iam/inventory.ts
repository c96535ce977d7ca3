/** What chapter clean-up lists of IAM (global); the root user, AWS-managed policies and service-linked roles never count. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const iamInventory: readonly InventoryKind[] = [
  {
    operation: 'ListUsers',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListUsers', {})).Users).map((u) => inventoryItem(`iam::user:${String(u.UserName)}`, `IAM user ${String(u.UserName)}`)),
  },
  {
    operation: 'ListGroups',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListGroups', {})).Groups).map((g) => inventoryItem(`iam::group:${String(g.GroupName)}`, `IAM group ${String(g.GroupName)}`)),
  },
  {
    operation: 'ListRoles',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListRoles', {})).Roles)
        .filter((r) => !String(r.Path ?? '/').startsWith('/aws-service-role/'))
        .map((r) => inventoryItem(`iam::role:${String(r.RoleName)}`, `IAM role ${String(r.RoleName)}`)),
  },
  {
    operation: 'ListPolicies',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListPolicies', { Scope: 'Local' })).Policies).map((p) =>
        inventoryItem(`iam::policy:${String(p.PolicyName)}`, `IAM policy ${String(p.PolicyName)}`),
      ),
  },
  {
    operation: 'ListInstanceProfiles',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListInstanceProfiles', {})).InstanceProfiles).map((p) =>
        inventoryItem(`iam::instance-profile:${String(p.InstanceProfileName)}`, `instance profile ${String(p.InstanceProfileName)}`),
      ),
  },
  {
    operation: 'ListVirtualMFADevices',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListVirtualMFADevices', {})).VirtualMFADevices).map((d) =>
        inventoryItem(`iam::mfa-device:${String(d.SerialNumber).split('/').pop()}`, `virtual MFA device ${String(d.SerialNumber)}`),
      ),
  },
];
