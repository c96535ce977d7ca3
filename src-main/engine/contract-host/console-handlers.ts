/**
 * Contract requests the console needs beside AWS operations: billing.summary (the EC2 usage meter's
 * cost report for the month so far), metrics.instance (CloudWatch-style instance metrics until a
 * CloudWatch service exists), workstation.info and workstation.saveFile (a download into the
 * workstation's home folder).
 */
import type { InstanceMetricName } from '../../contract';
import { WORKSTATION_IP } from '../network/world';
import type { Ctx } from '../core/provider';
import type { Engine } from '../index';
import { costReport } from '../services/ec2';
import type { ContractHandlers } from './handlers';

/** A read-only context for engine functions that want one (the cost report reads the usage meter). */
function readCtx(engine: Engine, region: string): Ctx {
  return {
    requestId: 'console-read',
    accountId: engine.account.accountId,
    region,
    service: 'ec2',
    operation: 'ConsoleRead',
    principal: engine.account.root,
    source: 'console',
    store: engine.store,
    clock: engine.clock,
    call: engine.call,
    commit: (fn) => fn(),
  };
}

const monthStart = (t: number): number => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

const round = (n: number, digits = 6) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A stable pseudo-random number in [0, 1) for a string (FNV-1a, then scaled): same input, same noise. */
export function noise(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

interface Interval {
  start: number;
  end: number;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Minutes after each start in which the instance boots (cloud-init, package updates): busier. */
const BOOT_MS = 4 * 60_000;

/**
 * One metric value for a period the instance ran `runMs` of, `bootMs` of which were booting.
 * Idle: 1-3 % CPU, a few KB/min on the network; booting: 20-35 % CPU and package downloads.
 */
export function metricValue(metric: InstanceMetricName, seed: string, runMs: number, bootMs: number): number {
  const n = noise(seed);
  const share = bootMs / runMs;
  const minutes = runMs / 60_000;
  switch (metric) {
    case 'CPUUtilization':
      return round((1 + 2 * n) * (1 - share) + (20 + 15 * n) * share, 3);
    case 'NetworkIn':
      return Math.round((2_000 + 4_000 * n) * minutes + (bootMs / 60_000) * (1_200_000 + 400_000 * n));
    case 'NetworkOut':
      return Math.round((1_500 + 2_500 * n) * minutes + (bootMs / 60_000) * (60_000 + 30_000 * n));
  }
}

export function createConsoleHandlers(
  engine: Engine,
): Pick<ContractHandlers, 'billing.summary' | 'metrics.instance' | 'workstation.info' | 'workstation.saveFile'> {
  const hasUsageTable = () =>
    engine.store.stmt(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ec2_usage'`).get() !== undefined;

  return {
    async 'billing.summary'() {
      const to = engine.clock.now();
      const from = monthStart(to);
      const iso = (t: number) => new Date(t).toISOString();
      if (!hasUsageTable())
        return { currency: 'USD', from: iso(from), to: iso(to), total: 0, gross: 0, freeTier: 0, lines: [] };
      const report = costReport(readCtx(engine, 'us-east-1'), { from, to });
      return {
        currency: 'USD',
        from: iso(from),
        to: iso(to),
        total: round(report.total),
        gross: round(report.gross),
        freeTier: round(report.freeTier),
        lines: report.lines.map((l) => ({
          region: l.region,
          usageType: l.usageType,
          item: l.item,
          usage: round(l.usage),
          unit: l.unit,
          cost: round(l.cost),
        })),
      };
    },

    async 'metrics.instance'({ instanceId, region, metric, rangeSeconds, periodSeconds }) {
      const unit = metric === 'CPUUtilization' ? ('Percent' as const) : ('Bytes' as const);
      if (!hasUsageTable()) return { metric, unit, datapoints: [], synthetic: true };
      const now = engine.clock.now();
      // The usage meter's instance intervals are exactly the times the instance was running.
      const runs = (
        engine.store
          .stmt(
            `SELECT started_at, ended_at FROM ec2_usage
              WHERE account_id = ? AND region = ? AND resource_id = ? AND usage_type = 'instance' ORDER BY started_at`,
          )
          .all(engine.account.accountId, region, instanceId) as { started_at: number; ended_at: number | null }[]
      ).map((r): Interval => ({ start: r.started_at, end: r.ended_at ?? now }));
      const period = periodSeconds * 1000;
      const first = Math.floor((now - rangeSeconds * 1000) / period) * period;
      const datapoints: { timestamp: string; value: number }[] = [];
      for (let p = first; p + period <= now + period && p < now; p += period) {
        const end = Math.min(p + period, now);
        let runMs = 0;
        let bootMs = 0;
        for (const run of runs) {
          runMs += overlap(run.start, run.end, p, end);
          bootMs += overlap(run.start, Math.min(run.end, run.start + BOOT_MS), p, end);
        }
        if (runMs < 1000) continue; // CloudWatch has no datapoint for a period the instance did not run
        datapoints.push({ timestamp: new Date(p).toISOString(), value: metricValue(metric, `${instanceId}|${metric}|${p}`, runMs, bootMs) });
      }
      // Shaped from run and boot times, not measured: labelled synthetic until CloudWatch computes it.
      return { metric, unit, datapoints, synthetic: true };
    },

    async 'workstation.info'() {
      return { publicIp: WORKSTATION_IP };
    },

    // "Save to workstation": like a browser download, but into the lab's own home folder (mode 644,
    // so the learner still has to chmod 400 a key before ssh accepts it, §1.8.3).
    async 'workstation.saveFile'({ fileName, content, mode }) {
      const path = await engine.terminals.saveToWorkstationHome(fileName, content, mode);
      const home = path.slice(0, path.lastIndexOf('/'));
      return { path, displayPath: `~${path.slice(home.length)}` };
    },
  };
}

