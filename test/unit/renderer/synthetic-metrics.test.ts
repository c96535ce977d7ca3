// Honest labels: instance metrics are shaped from run times, not measured from the guest, so the
// contract says `synthetic`, and InstanceMonitoringCharts.vue labels every chart so while it is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startInProcessLab, type InProcessLab } from './in-process-lab';

let lab: InProcessLab;
beforeEach(() => {
  lab = startInProcessLab();
});
afterEach(() => lab.close());

describe('synthetic instance metrics', () => {
  it('metrics.instance marks its values synthetic', async () => {
    const out = await lab.client.request('metrics.instance', { instanceId: 'i-0123456789abcdef0', region: 'us-east-1', metric: 'CPUUtilization' });
    expect(out.synthetic).toBe(true);
  });
});
