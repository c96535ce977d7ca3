/** billing.summary and workstation.info through the contract, over a real engine. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startInProcessLab, type InProcessLab } from './in-process-lab';

let lab: InProcessLab;
const MIN = 60_000;

beforeEach(() => {
  lab = startInProcessLab();
});
afterEach(() => lab.close());

async function launch(type: string): Promise<string> {
  const e = lab.engine;
  const images = (await e.call(e.account.root, 'ec2', 'DescribeImages', { Owners: ['amazon'] }, { source: 'api' })) as { Images: { ImageId: string; Name: string }[] };
  const image = images.Images.find((i) => i.Name.startsWith('amzn-ami-hvm-2017.09.1'))!;
  const out = (await e.call(e.account.root, 'ec2', 'RunInstances', { ImageId: image.ImageId, InstanceType: type, MinCount: 1, MaxCount: 1 }, { source: 'api' })) as {
    Instances: { InstanceId: string }[];
  };
  return out.Instances[0]!.InstanceId;
}

describe('billing.summary', () => {
  it('is zero with nothing running, and bills an m4.large by the hour for the month so far', async () => {
    const empty = await lab.client.request('billing.summary', {});
    expect(empty).toMatchObject({ currency: 'USD', total: 0, lines: [] });
    expect(empty.from).toBe('2026-01-01T00:00:00.000Z');
    await launch('m4.large');
    lab.engine.clock.advance(2 * 60 * MIN);
    const billed = await lab.client.request('billing.summary', {});
    expect(billed.total).toBeGreaterThan(0);
    expect(billed.lines.find((l) => l.usageType === 'instance')).toMatchObject({ region: 'us-east-1', item: 'm4.large', unit: 'Hrs' });
  });
});

describe('workstation.info', () => {
  it('gives the workstation address "My IP" uses', async () => {
    expect(await lab.client.request('workstation.info', {})).toEqual({ publicIp: '203.0.113.10' });
  });
});
