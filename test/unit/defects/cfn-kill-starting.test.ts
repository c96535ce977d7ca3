// Defect 2: a lab killed while a CloudFormation resource was in phase `starting` left the stack in
// CREATE_IN_PROGRESS forever, and the resource its service had made was unknown to the stack, so
// DeleteStack left it behind. The rows are put in exactly that state, then the lab's start-up
// resumes them (as after a restart).
import { describe, expect, it } from 'vitest';
import { cloudformationProvider } from '../../../src-main/engine/services/cloudformation';
import { cfnLab, type CfnLab } from '../cloudformation/lab';

const TEMPLATE = JSON.stringify({
  Resources: {
    Group: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'web' } },
    Handle: { Type: 'AWS::CloudFormation::WaitConditionHandle', DependsOn: 'Group' },
  },
});

/** Puts the finished stack back to "killed while Group was being created" and restarts its runner. */
async function killedWhileStarting(lab: CfnLab, { serviceMadeIt }: { serviceMadeIt: boolean }): Promise<string> {
  await lab.cfn('CreateStack', { StackName: 'web', TemplateBody: TEMPLATE });
  await lab.settle();
  expect(await lab.status('web')).toBe('CREATE_COMPLETE');
  const db = lab.engine.store.db;
  const row = db.prepare("SELECT stack_id, physical_id FROM cfn_resources WHERE logical_id = 'Group'").get() as { stack_id: string; physical_id: string };
  if (!serviceMadeIt) await lab.call('ec2', 'DeleteSecurityGroup', { GroupId: row.physical_id });
  db.prepare("UPDATE cfn_stacks SET status = 'CREATE_IN_PROGRESS', op = 'CREATE', op_phase = 'apply' WHERE stack_id = ?").run(row.stack_id);
  db.prepare(
    "UPDATE cfn_resources SET phase = CASE logical_id WHEN 'Group' THEN 'starting' ELSE 'pending' END, status = 'CREATE_IN_PROGRESS', physical_id = NULL, action = 'create', properties_json = NULL, done_at = NULL WHERE stack_id = ?",
  ).run(row.stack_id);
  const { store, clock, call } = lab.engine;
  cloudformationProvider.start!({ store, clock, call });
  await lab.settle();
  return row.physical_id;
}

const groups = async (lab: CfnLab) =>
  ((await lab.call('ec2', 'DescribeSecurityGroups', {})).SecurityGroups as { GroupId: string; GroupName: string }[]).filter((g) => g.GroupName !== 'default');

describe('a kill while a resource is starting', () => {
  it('the orphan the service made is found and replaced, the stack completes, and DeleteStack leaves nothing', async () => {
    const lab = cfnLab();
    const orphan = await killedWhileStarting(lab, { serviceMadeIt: true });
    expect(await lab.status('web')).toBe('CREATE_COMPLETE');
    const left = await groups(lab);
    expect(left).toHaveLength(1);
    expect(left[0]!.GroupId).not.toBe(orphan);
    expect((await lab.events('web')).join('\n')).toContain(`the half-made ${orphan} was deleted`);
    await lab.cfn('DeleteStack', { StackName: 'web' });
    await lab.settle();
    expect(await groups(lab)).toEqual([]);
  });

  it('when the service had not made it yet, the step simply starts over', async () => {
    const lab = cfnLab();
    await killedWhileStarting(lab, { serviceMadeIt: false });
    expect(await lab.status('web')).toBe('CREATE_COMPLETE');
    expect(await groups(lab)).toHaveLength(1);
  });
});
