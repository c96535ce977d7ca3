import { describe, expect, it } from 'vitest';
import { costReport, exhaustionTime, HOURS_PER_MONTH, startUsage, stopUsage } from '../../../../src-main/engine/services/ec2/state/costs';
import { internalCtx } from '../../../../src-main/engine/services/ec2/state/instance-lifecycle';
import { BOOK_AMI, ec2Lab } from './lab';

const IDLE_PRICE = 0.005; // $ per hour for an idle Elastic IP (AWS's published price)

const HOUR = 3_600_000;
const JAN = Date.UTC(2026, 0, 1);
const FEB = Date.UTC(2026, 1, 1);

function meterLab() {
  const lab = ec2Lab();
  const ctx = internalCtx(lab.engine, lab.engine.account.accountId, 'us-east-1');
  const tx = (fn: () => void) => lab.engine.store.tx(fn);
  return { lab, ctx, tx };
}

describe('costs', () => {
  it('a t2.micro running all month is free; a second free-tier instance uses the pool up early (§1.4.1)', () => {
    const { ctx, tx } = meterLab();
    tx(() => {
      startUsage(ctx, { resourceId: 'i-a', usageType: 'instance', item: 't2.micro', quantity: 1, pricePerHour: 0.0116 }, JAN);
      stopUsage(ctx, 'i-a', 'instance', FEB);
    });
    const alone = costReport(ctx, { from: JAN, to: FEB });
    expect(alone.lines).toHaveLength(1);
    expect(alone.lines[0]).toMatchObject({ region: 'us-east-1', usageType: 'instance', item: 't2.micro', unit: 'Hrs', cost: 0 });
    expect(alone.lines[0]!.usage).toBeCloseTo(744, 9);
    expect(alone.total).toBe(0);
    // A t3.micro for 10 hours from hour 100: the 750 free hours are used up at hour 740.
    tx(() => {
      startUsage(ctx, { resourceId: 'i-b', usageType: 'instance', item: 't3.micro', quantity: 1, pricePerHour: 0.0104 }, JAN + 100 * HOUR);
      stopUsage(ctx, 'i-b', 'instance', JAN + 110 * HOUR);
    });
    const both = costReport(ctx, { from: JAN, to: FEB });
    expect(both.gross).toBeCloseTo(744 * 0.0116 + 10 * 0.0104, 9);
    expect(both.total).toBeCloseTo(4 * 0.0116, 9);
    expect(both.freeTier).toBeCloseTo(both.gross - both.total, 9);
  });

  it('two free-tier instances share the 750 hours: the pool runs out after 375 hours', () => {
    const { ctx, tx } = meterLab();
    tx(() => {
      for (const id of ['i-a', 'i-b']) {
        startUsage(ctx, { resourceId: id, usageType: 'instance', item: 't2.micro', quantity: 1, pricePerHour: 0.0116 }, JAN);
        stopUsage(ctx, id, 'instance', JAN + 400 * HOUR);
      }
    });
    const r = costReport(ctx, { from: JAN, to: FEB });
    expect(r.total).toBeCloseTo(2 * 25 * 0.0116, 9);
    // Asking for a later part of the month sees only what was billed in it.
    const late = costReport(ctx, { from: JAN + 375 * HOUR, to: FEB });
    expect(late.total).toBeCloseTo(r.total, 9);
    expect(late.freeTier).toBe(0);
    const early = costReport(ctx, { from: JAN, to: JAN + 375 * HOUR });
    expect(early.total).toBe(0);
  });

  it('the free tier starts again each month', () => {
    const { ctx, tx } = meterLab();
    tx(() => startUsage(ctx, { resourceId: 'i-a', usageType: 'instance', item: 't2.micro', quantity: 1, pricePerHour: 0.0116 }, JAN));
    tx(() => stopUsage(ctx, 'i-a', 'instance', FEB + 10 * HOUR));
    const feb = costReport(ctx, { from: FEB, to: FEB + 24 * HOUR });
    expect(feb.gross).toBeCloseTo(10 * 0.0116, 9);
    expect(feb.total).toBe(0);
    const jan = costReport(ctx, { from: JAN, to: FEB });
    expect(jan.total).toBe(0); // January has 744 hours, inside the 750 free ones
  });

  it('m4.large is not in the free tier; a stop shorter than a minute is billed a minute (§3.8)', () => {
    const { ctx, tx } = meterLab();
    tx(() => {
      startUsage(ctx, { resourceId: 'i-m', usageType: 'instance', item: 'm4.large', quantity: 1, pricePerHour: 0.1 }, JAN);
      stopUsage(ctx, 'i-m', 'instance', JAN + 2 * HOUR);
      startUsage(ctx, { resourceId: 'i-m', usageType: 'instance', item: 'm4.large', quantity: 1, pricePerHour: 0.1 }, JAN + 3 * HOUR);
      stopUsage(ctx, 'i-m', 'instance', JAN + 3 * HOUR + 10_000);
    });
    const r = costReport(ctx, { from: JAN, to: FEB });
    expect(r.total).toBeCloseTo(0.2 + 0.1 / 60, 9);
  });

  it('EBS: 30 GB-months free, the rest at the GB-month price; snapshots have 1 GB-month', () => {
    const { ctx, tx } = meterLab();
    const perHour = 0.1 / HOURS_PER_MONTH;
    tx(() => {
      startUsage(ctx, { resourceId: 'vol-a', usageType: 'volume', item: 'gp2', quantity: 50, pricePerHour: perHour }, JAN);
      stopUsage(ctx, 'vol-a', 'volume', JAN + HOURS_PER_MONTH * HOUR);
    });
    const r = costReport(ctx, { from: JAN, to: FEB });
    expect(r.lines[0]).toMatchObject({ usageType: 'volume', item: 'gp2', unit: 'GB-Mo' });
    expect(r.lines[0]!.usage).toBeCloseTo(50, 9);
    expect(r.total).toBeCloseTo(20 * 0.1, 9);
  });

  it('exhaustionTime finds when cumulative use reaches the allowance', () => {
    const seg = (start: number, end: number, quantity = 1) => ({ row: { quantity } as never, start, end });
    expect(exhaustionTime([seg(JAN, FEB)], JAN, FEB, 10)).toBe(JAN + 10 * HOUR);
    expect(exhaustionTime([seg(JAN, JAN + 5 * HOUR), seg(JAN + 10 * HOUR, FEB)], JAN, FEB, 10)).toBe(JAN + 15 * HOUR);
    expect(exhaustionTime([seg(JAN, JAN + HOUR)], JAN, FEB, 10)).toBe(Infinity);
  });

  it('the meter follows real instances and volumes through the API', async () => {
    const { lab, ctx } = meterLab();
    const id = (await lab.ec2('RunInstances', { ImageId: BOOK_AMI, InstanceType: 'm4.large', MinCount: 1, MaxCount: 1 })).Instances[0].InstanceId;
    const t0 = lab.engine.clock.now();
    lab.advance(30_000 + HOUR);
    await lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.advance(20_000);
    const r = costReport(ctx, { from: t0, to: lab.engine.clock.now() });
    const inst = r.lines.find((l) => l.usageType === 'instance')!;
    expect(inst).toMatchObject({ item: 'm4.large' });
    expect(inst.usage).toBeCloseTo(1, 9);
    expect(inst.cost).toBeCloseTo(0.1, 9);
    // The 8 GiB root volume accrues for the whole period, inside the free 30 GB-months.
    const vol = r.lines.find((l) => l.usageType === 'volume')!;
    expect(vol.cost).toBe(0);
    expect(vol.usage).toBeCloseTo((8 * (HOUR + 50_000)) / HOUR / HOURS_PER_MONTH, 9);
  });

  it('bills an Elastic IP only while it is allocated and not associated', async () => {
    const { lab, ctx } = meterLab();
    const id = (await lab.ec2('RunInstances', { ImageId: BOOK_AMI, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 })).Instances[0].InstanceId;
    lab.advance(30_000);
    const t0 = lab.engine.clock.now();
    const { AllocationId } = await lab.ec2('AllocateAddress', { Domain: 'vpc' });
    lab.advance(2 * HOUR);
    await lab.ec2('AssociateAddress', { AllocationId, InstanceId: id });
    lab.advance(3 * HOUR);
    await lab.ec2('DisassociateAddress', { PublicIp: (await lab.ec2('DescribeAddresses', {})).Addresses[0].PublicIp });
    lab.advance(HOUR);
    await lab.ec2('ReleaseAddress', { AllocationId });
    lab.advance(5 * HOUR);
    const idle = costReport(ctx, { from: t0, to: lab.engine.clock.now() }).lines.filter((l) => l.usageType === 'idle-address');
    expect(idle.reduce((n, l) => n + l.usage, 0)).toBeCloseTo(3, 9);
    expect(idle.reduce((n, l) => n + l.cost, 0)).toBeCloseTo(3 * IDLE_PRICE, 9);
  });
});
