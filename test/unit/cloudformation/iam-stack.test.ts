import { describe, expect, it } from 'vitest';
import { cfnLab, fixture } from './lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('IAM resources', () => {
  it('creates a role with an inline policy and an instance profile; a named role needs CAPABILITY_NAMED_IAM', async () => {
    const lab = cfnLab();
    const acct = lab.engine.account.accountId;
    await lab.cfn('CreateStack', { StackName: 'roles', TemplateBody: fixture('iam-role.yaml'), Capabilities: ['CAPABILITY_IAM'] });
    await lab.settle();
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'roles' })).Stacks[0];
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack.Capabilities).toEqual(['CAPABILITY_IAM']);
    const roleName = (await lab.cfn('DescribeStackResource', { StackName: 'roles', LogicalResourceId: 'Role' })).StackResourceDetail.PhysicalResourceId;
    expect(roleName).toMatch(/^roles-Role-[A-Z0-9]{12}$/);
    const out = Object.fromEntries(stack.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    expect(out.RoleArn).toBe(`arn:aws:iam::${acct}:role/${roleName}`);
    const profileName = (await lab.cfn('DescribeStackResource', { StackName: 'roles', LogicalResourceId: 'Profile' })).StackResourceDetail.PhysicalResourceId;
    expect(out.ProfileArn).toBe(`arn:aws:iam::${acct}:instance-profile/${profileName}`);
    const profile = await lab.call('iam', 'GetInstanceProfile', { InstanceProfileName: profileName });
    expect(profile.InstanceProfile.Roles.map((r: any) => r.RoleName)).toEqual([roleName]);
    const policy = await lab.call('iam', 'GetRolePolicy', { RoleName: roleName, PolicyName: 'stop-self' });
    const doc = JSON.parse(decodeURIComponent(policy.PolicyDocument));
    expect(doc.Statement[0].Condition.StringEquals['ec2:ResourceTag/aws:cloudformation:stack-id']).toBe(stack.StackId);

    await lab.rejects(
      'UpdateStack',
      { StackName: 'roles', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'RoleName', ParameterValue: 'lab-admin' }], Capabilities: ['CAPABILITY_IAM'] },
      'InsufficientCapabilitiesException',
      'Requires capabilities : [CAPABILITY_NAMED_IAM]',
    );
    await lab.cfn('UpdateStack', { StackName: 'roles', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'RoleName', ParameterValue: 'lab-admin' }], Capabilities: ['CAPABILITY_NAMED_IAM'] });
    await lab.settle();
    expect(await lab.status('roles')).toBe('UPDATE_COMPLETE');
    expect((await lab.call('iam', 'GetRole', { RoleName: 'lab-admin' })).Role.RoleName).toBe('lab-admin');
    const gone = await lab.call('iam', 'GetRole', { RoleName: roleName }).then(() => 'exists', (e: any) => e.code);
    expect(gone).toBe('NoSuchEntity');
    await lab.cfn('DeleteStack', { StackName: 'roles' });
    await lab.settle();
    expect(await lab.call('iam', 'GetRole', { RoleName: 'lab-admin' }).then(() => 'exists', (e: any) => e.code)).toBe('NoSuchEntity');
  });
});
