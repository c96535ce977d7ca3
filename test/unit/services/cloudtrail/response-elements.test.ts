// CloudTrail records of RunInstances carry responseElements.instancesSet (what §7.3's ec2-owner-tag
// function reads), in LookupEvents and in the EventBridge "AWS API Call via CloudTrail" event.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';

interface TrailRecord {
  errorCode?: string;
  requestID: string;
  responseElements: { ownerId: string; requestId: string; instancesSet: { items: Record<string, unknown>[] } } | null;
}

const START = Date.UTC(2026, 0, 5, 0, 0, 0);
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});

describe('CloudTrail responseElements', () => {
  it('lists the instances RunInstances launched, and none for a failed call', async () => {
    engine = createEngine({ clock: createClock({ warp: 0, start: START }) });
    const e = engine;
    const call = (svc: string, op: string, input: Record<string, unknown>) =>
      e.call(e.account.root, svc, op, input) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const run = await call('ec2', 'RunInstances', {
      ImageId: 'ami-6057e21a',
      InstanceType: 't2.micro',
      MinCount: 2,
      MaxCount: 2,
    });
    const ids = (run.Instances as { InstanceId: string }[]).map((i) => i.InstanceId);
    await call('ec2', 'RunInstances', {
      ImageId: 'ami-6057e21a',
      InstanceType: 't2.micro',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: 'subnet-00000000',
    }).catch(() => undefined);
    const out = await call('cloudtrail', 'LookupEvents', {
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'RunInstances' }],
    });
    const records = (out.Events as { CloudTrailEvent: string }[]).map(
      (x) => JSON.parse(x.CloudTrailEvent) as TrailRecord,
    );
    expect(records).toHaveLength(2);
    const failed = records.find((r) => r.errorCode)!;
    expect(failed.responseElements).toBeNull();
    const ok = records.find((r) => !r.errorCode)!;
    expect(ok.responseElements?.ownerId).toBe(e.account.accountId);
    expect(ok.responseElements?.requestId).toBe(ok.requestID);
    const items = ok.responseElements?.instancesSet.items ?? [];
    expect(items.map((i) => i.instanceId)).toEqual(ids);
    expect(items[0]).toMatchObject({
      imageId: 'ami-6057e21a',
      instanceType: 't2.micro',
      instanceState: { code: 0, name: 'pending' },
      amiLaunchIndex: 0,
    });
    expect(items[1]).toMatchObject({ amiLaunchIndex: 1, launchTime: '2026-01-05T00:00:00Z' });
    expect(String(items[0]!.subnetId)).toMatch(/^subnet-/);
  });
});
