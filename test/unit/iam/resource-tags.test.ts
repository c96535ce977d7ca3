/** ec2:ResourceTag conditions read the instance's real tags through the EC2 hook (§6.3). */
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine, type Principal } from '../../../src-main/engine/index';
import { createClock } from '../../../src-main/engine/clock/clock';

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

async function userWithKey(engine: Engine, name: string, policy: string): Promise<Principal> {
  const root = engine.account.root;
  await engine.call(root, 'iam', 'CreateUser', { UserName: name });
  await engine.call(root, 'iam', 'PutUserPolicy', { UserName: name, PolicyName: 'p', PolicyDocument: policy });
  const k = (await engine.call(root, 'iam', 'CreateAccessKey', { UserName: name })) as { AccessKey: { AccessKeyId: string } };
  return engine.lookupAccessKey(k.AccessKey.AccessKeyId)!.principal;
}

describe('ec2:ResourceTag conditions', () => {
  it('lets a user stop only the instances tagged with their own name', async () => {
    const engine = createEngine({ clock: createClock({ warp: 0 }) });
    const root = engine.account.root;
    const launch = async (owner: string) =>
      (
        (await engine.call(root, 'ec2', 'RunInstances', {
          ImageId: 'ami-6057e21a',
          InstanceType: 't2.micro',
          MinCount: 1,
          MaxCount: 1,
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Owner', Value: owner }] }],
        })) as { Instances: { InstanceId: string }[] }
      ).Instances[0]!.InstanceId;
    const mine = await launch('alice');
    const theirs = await launch('bob');
    engine.clock.advance(60_000);
    const alice = await userWithKey(
      engine,
      'alice',
      doc({
        Effect: 'Allow',
        Action: 'ec2:StopInstances',
        Resource: '*',
        Condition: { StringEquals: { 'ec2:ResourceTag/Owner': '${aws:username}' } },
      }),
    );
    const stopped = (await engine.call(alice, 'ec2', 'StopInstances', { InstanceIds: [mine] })) as {
      StoppingInstances: { CurrentState: { Name: string } }[];
    };
    expect(stopped.StoppingInstances[0]!.CurrentState.Name).toBe('stopping');
    const denied = await engine.call(alice, 'ec2', 'StopInstances', { InstanceIds: [theirs] }).catch((e: unknown) => e);
    expect(denied).toMatchObject({ code: 'UnauthorizedOperation', status: 403 });
    engine.close();
  });
});
