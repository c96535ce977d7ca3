/**
 * The issue's scripted session: the chapter 4 script (§4.2.4's shape, resources/labs/04-programming)
 * typed at the workstation's prompt against the real engine, to its end, at warp 1 and warp 60.
 * Simulated time is stepped by the test (never waited for): every few real milliseconds the clock
 * moves five simulated seconds, so waiters, boots and terminations pass in well under a second.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src-main/engine';
import { createClock } from '../../../src-main/engine/clock/clock';
import { GuestShell } from '../../../src-main/engine/guest/session';
import { script } from './harness';

const SCRIPT = readFileSync(join(import.meta.dirname, '../../../resources/labs/04-programming/virtualmachine.sh'), 'utf8');

let engine: Engine | undefined;
let stepper: ReturnType<typeof setInterval> | undefined;
afterEach(() => {
  clearInterval(stepper);
  engine?.close();
});

describe('a §4.2.4-shaped script runs to its end in a terminal', () => {
  for (const warp of [1, 60]) {
    it(`at warp ${warp}, with every line of output`, async () => {
      engine = createEngine({ clock: createClock({ warp, start: Date.UTC(2026, 10, 26, 20, 0, 0) }) });
      const e = engine;
      const { rootAccessKeyId: id, rootSecretAccessKey: secret } = e.account;
      await e.call(e.account.root, 'ec2', 'CreateKeyPair', { KeyName: 'mykey' }, { region: 'us-east-1' });
      const ws = await e.terminals.workstation();
      const sh = new GuestShell(ws, ws.user('learner')!);
      await sh.exec(`printf '[default]\\naws_access_key_id = ${id}\\naws_secret_access_key = ${secret}\\n' > ~/.aws/credentials; printf '[default]\\nregion = us-east-1\\n' > ~/.aws/config`);
      ws.rootFs.writeSync('/home/learner/virtualmachine.sh', new TextEncoder().encode(SCRIPT), false, 0o755);
      ws.rootFs.chownSync('/home/learner/virtualmachine.sh', 1000, 1000);
      const started = e.clock.now();
      stepper = setInterval(() => e.clock.advance(5_000), 2);
      const r = await script(sh, ['./virtualmachine.sh', '']);
      clearInterval(stepper);
      const m = /\n}\nwaiting for (i-[0-9a-f]+) \.\.\.\n/.exec(r.output);
      expect(m).not.toBeNull();
      const inst = m![1]!;
      expect(r.output).toMatch(/^{\n {4}"Return": true,\n {4}"SecurityGroupRules": \[\n/);
      expect(r.output).toMatch(new RegExp(`\n}\nwaiting for ${inst} \\.\\.\\.\\n${inst} is up: ssh -i ~/mykey\\.pem ec2-user@ec2-[\\d-]+\\.compute-1\\.amazonaws\\.com\\nPress \\[Enter\\] to remove the machine \\.\\.\\.terminating ${inst} \\.\\.\\.\\ndone\\.\\n$`));
      expect(r.status).toBe(0);
      // Simulated time went by (the waiters slept on the lab's clock), and nothing was left behind.
      expect(e.clock.now() - started).toBeGreaterThan(15_000);
      const d = (await e.call(e.account.root, 'ec2', 'DescribeInstances', { InstanceIds: [inst] }, { region: 'us-east-1' })) as { Reservations: { Instances: { State: { Name: string } }[] }[] };
      expect(d.Reservations[0]!.Instances[0]!.State.Name).toBe('terminated');
      const g = (await e.call(e.account.root, 'ec2', 'DescribeSecurityGroups', { Filters: [{ Name: 'group-name', Values: ['script-ssh'] }] }, { region: 'us-east-1' })) as { SecurityGroups: unknown[] };
      expect(g.SecurityGroups).toEqual([]);
    }, 30_000);
  }
});
