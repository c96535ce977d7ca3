/**
 * User data in the book's shape whose strict part fails half-way: the trace of both shells lands in
 * /var/log/cloud-init-output.log and cfn-signal reports the failure, so the stack rolls back at once
 * instead of waiting for its timeout (real engine, manual clock).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cfnLab, type CfnLab } from '../cloudformation/lab';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let lab: CfnLab | undefined;
afterAll(() => lab?.engine.close());

describe('user data that fails half-way', () => {
  it('signals FAILURE with cfn-signal -e $? and leaves its trace in cloud-init-output.log', async () => {
    lab = cfnLab();
    await lab.cfn('CreateStack', { StackName: 'strict', TemplateBody: readFileSync(join(import.meta.dirname, '../../fixtures/guest/user-data-fails.yaml'), 'utf8') });
    // Step a second at a time, keeping the log as the instance writes it (the rollback terminates
    // the instance right after the signal).
    let log = '';
    const watched = new Set<object>();
    const keep = (g: { state: string; rootFs: { readSyncText(p: string): string } } | undefined) => {
      try {
        const t = g?.state === 'running' ? g.rootFs.readSyncText('/var/log/cloud-init-output.log') : '';
        if (t.length > log.length) log = t;
      } catch {
        // not written yet, or the instance is gone
      }
    };
    for (let i = 0; i < 300 && (await lab.status('strict')) === 'CREATE_IN_PROGRESS'; i++) {
      const res = (await lab.cfn('DescribeStackResources', { StackName: 'strict' })).StackResources as { PhysicalResourceId?: string }[];
      const id = res[0]?.PhysicalResourceId;
      const g = id?.startsWith('i-') ? await lab.engine.terminals.guest(id) : undefined;
      if (g && !watched.has(g)) {
        // Read the log just before the instance goes (the rollback terminates it).
        watched.add(g);
        const off = g.powerOff.bind(g);
        g.powerOff = () => (keep(g), off());
      }
      await new Promise((r) => setTimeout(r, 5));
      await lab.run(1000);
    }
    const last = (await lab.cfn('DescribeStackResources', { StackName: 'strict' })).StackResources as { PhysicalResourceId?: string }[];
    const g = await lab.engine.terminals.guest(last[0]!.PhysicalResourceId!);
    keep(g);
    const events = await lab.events('strict');
    expect(events.some((e) => /^Server CREATE_FAILED Received FAILURE signal with UniqueId i-/.test(e))).toBe(true);
    // Rolled back long before the ten-minute timeout.
    await lab.settle();
    expect(await lab.status('strict')).toBe('ROLLBACK_COMPLETE');
    expect(log).toContain("+ bash -ex\n+ echo 'preparing the server'\npreparing the server\n+ test -f /etc/not-there.conf\n");
    expect(log).not.toContain('never printed');
  }, 30_000);
});
