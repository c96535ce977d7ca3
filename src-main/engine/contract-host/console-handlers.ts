/**
 * Contract requests the console needs beside AWS operations: billing.summary (the EC2 usage meter's
 * cost report for the month so far), workstation.info and workstation.saveFile (a download into the
 * workstation's home folder). Instance metrics come from CloudWatch itself (GetMetricData).
 */
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

export function createConsoleHandlers(
  engine: Engine,
): Pick<ContractHandlers, 'billing.summary' | 'workstation.info' | 'workstation.saveFile'> {
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

