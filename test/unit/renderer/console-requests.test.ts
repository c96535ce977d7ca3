/** billing.summary, metrics.instance and workstation.info through the contract, over a real engine. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { metricValue, noise } from '../../../src-main/engine/contract-host/console-handlers';
import { START, startInProcessLab, type InProcessLab } from './in-process-lab';

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

describe('metrics.instance', () => {
  it('has datapoints only for periods the instance ran: busy while booting, 1-3 % when idle, none once stopped', async () => {
    const id = await launch('t2.micro');
    lab.engine.clock.advance(30 * MIN);
    await lab.engine.call(lab.engine.account.root, 'ec2', 'StopInstances', { InstanceIds: [id] }, { source: 'api' });
    lab.engine.clock.advance(30 * MIN);
    const cpu = await lab.client.request('metrics.instance', { instanceId: id, region: 'us-east-1', metric: 'CPUUtilization', rangeSeconds: 3600, periodSeconds: 300 });
    expect(cpu.unit).toBe('Percent');
    const times = cpu.datapoints.map((p) => Date.parse(p.timestamp));
    // Launched at START (10:30): the periods 10:30 … 11:00 (the one it stopped in) have data; after, none.
    expect(times[0]).toBe(START);
    expect(times.at(-1)!).toBeGreaterThanOrEqual(START + 25 * MIN);
    expect(times.at(-1)!).toBeLessThanOrEqual(START + 30 * MIN);
    expect(cpu.datapoints[0]!.value).toBeGreaterThan(15); // booting
    for (const p of cpu.datapoints.slice(1, -1)) {
      expect(p.value).toBeGreaterThanOrEqual(1);
      expect(p.value).toBeLessThanOrEqual(3);
    }
    const again = await lab.client.request('metrics.instance', { instanceId: id, region: 'us-east-1', metric: 'CPUUtilization', rangeSeconds: 3600, periodSeconds: 300 });
    expect(again).toEqual(cpu); // deterministic
    const netIn = await lab.client.request('metrics.instance', { instanceId: id, region: 'us-east-1', metric: 'NetworkIn', rangeSeconds: 3600 });
    expect(netIn.unit).toBe('Bytes');
    expect(netIn.datapoints.length).toBe(cpu.datapoints.length);
    expect(netIn.datapoints[0]!.value).toBeGreaterThan(netIn.datapoints[1]!.value);
  });

  it('answers an instance that never ran with no datapoints, and refuses a malformed id', async () => {
    const none = await lab.client.request('metrics.instance', { instanceId: 'i-0123456789abcdef0', region: 'us-east-1', metric: 'NetworkOut' });
    expect(none).toEqual({ metric: 'NetworkOut', unit: 'Bytes', datapoints: [], synthetic: true });
    await expect(lab.client.request('metrics.instance', { instanceId: 'vol-1', region: 'us-east-1', metric: 'NetworkOut' })).rejects.toMatchObject({
      code: 'InvalidContractPayload',
    });
  });

  it('computes values from a stable noise function', () => {
    expect(noise('a')).toBe(noise('a'));
    expect(noise('a')).not.toBe(noise('b'));
    expect(metricValue('CPUUtilization', 'x', 5 * MIN, 0)).toBeCloseTo(1 + 2 * noise('x'), 3);
    expect(metricValue('CPUUtilization', 'x', 5 * MIN, 5 * MIN)).toBeCloseTo(20 + 15 * noise('x'), 3);
  });
});

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
