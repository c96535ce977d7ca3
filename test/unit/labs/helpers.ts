/** A real in-process engine (in-memory database, manual clock) with its chapter runtime. */
import { createEngine, type Engine } from '../../../src-main/engine/index';
import { createClock } from '../../../src-main/engine/clock/clock';
import { labsFor } from '../../../src-main/engine/contract-host';
import type { Labs } from '../../../src-main/engine/labs/runtime';

export interface TestLab {
  engine: Engine;
  labs: Labs;
  /** A call as the learner would make it (root user), from the CLI by default. */
  aws(service: string, op: string, input?: Record<string, unknown>, opts?: { region?: string; source?: 'cli' | 'console' | 'api' }): Promise<Record<string, unknown>>;
  close(): void;
}

export function openLab(): TestLab {
  const engine = createEngine({ clock: createClock({ warp: 0, start: Date.parse('2026-03-01T09:00:00Z') }) });
  const labs = labsFor(engine, { recheckDelayMs: 0 });
  return {
    engine,
    labs,
    aws: (service, op, input = {}, opts = {}) =>
      engine.call(engine.account.root, service, op, input, { region: opts.region ?? 'us-east-1', source: opts.source ?? 'cli' }),
    close() {
      labs.dispose();
      engine.close();
    },
  };
}

/** Waits on the simulated clock until an instance is running. */
export async function runningInstance(lab: TestLab, input: Record<string, unknown>, region = 'us-east-1'): Promise<string> {
  const out = await lab.aws('ec2', 'RunInstances', { MinCount: 1, MaxCount: 1, ...input }, { region });
  const id = String((out.Instances as { InstanceId: string }[])[0]!.InstanceId);
  for (let i = 0; i < 120; i++) {
    const d = await lab.aws('ec2', 'DescribeInstances', { InstanceIds: [id] }, { region });
    const state = ((d.Reservations as { Instances: { State: { Name: string } }[] }[])[0]!.Instances[0]!.State.Name);
    if (state === 'running') return id;
    lab.engine.clock.advance(5_000);
  }
  throw new Error(`${id} never became running`);
}

export async function ubuntuImage(lab: TestLab, region = 'us-east-1'): Promise<string> {
  const out = await lab.aws('ec2', 'DescribeImages', { Filters: [{ Name: 'name', Values: ['ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-*'] }] }, { region });
  return String((out.Images as { ImageId: string }[])[0]!.ImageId);
}

export const stepOf = (status: Awaited<ReturnType<Labs['evaluate']>>, id: string) => {
  const s = status.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};
