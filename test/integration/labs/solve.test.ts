/**
 * The solver of each chapter, from a fresh lab: every step passes right after it is performed, in
 * order, and the clean-up leaves nothing beyond the account's defaults (and what the chapter keeps
 * for later ones). Steps that need a shell really run through the workstation's terminal (ssh with
 * the key file, yum, apt, aws configure, the script), and the templates go through CloudFormation.
 * Only a step that waits for a later part of the lab (chapter 1's billing alarm) may be unavailable,
 * and it must say which piece is missing. Time is the simulated clock: warped, so programs inside
 * the machines (an `aws ec2 wait` in a script) see time pass, and moved forward by the solver.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src-main/engine/index';
import { createClock } from '../../../src-main/engine/clock/clock';
import { labsFor } from '../../../src-main/engine/contract-host';
import type { Labs } from '../../../src-main/engine/labs/runtime';
import { repoRoot } from '../../helpers/lab';
import { startInProcessLab, type InProcessLab } from '../../helpers/inproc-lab';

let lab: { engine: Engine; labs: Labs; served: InProcessLab } | undefined;
afterEach(async () => {
  lab?.labs.dispose();
  await lab?.served.stop();
  lab = undefined;
});

/** A lab whose endpoint listens (chapter 4's program reaches it there), its clock warped. */
async function openWarpedLab(): Promise<{ engine: Engine; labs: Labs; served: InProcessLab }> {
  const served = await startInProcessLab({ clock: createClock({ warp: 60, start: Date.parse('2026-03-01T09:00:00Z') }) });
  return { engine: served.engine, labs: labsFor(served.engine, { recheckDelayMs: 0 }), served };
}

const MISSING = /needs (the [a-z0-9-]+:[A-Za-z0-9]+ operation)( and the [a-z0-9-]+:[A-Za-z0-9]+ operation)*, which this build of the lab does not have yet\.$/;

describe.each([1, 3, 4, 6, 9, 11, 12, 13])('chapter %i', (n) => {
  it('is solved step by step from a fresh lab, through terminals and templates, and cleaned up', async () => {
    const began = Date.now();
    lab = await openWarpedLab();
    const chapter = lab.labs.chapter(n);
    const seen: string[] = [];
    const report = await lab.labs.solveChapter(n, { onStep: (r) => seen.push(r.id) });
    // In order, every step.
    expect(seen).toEqual(chapter.steps.map((s) => s.id));
    for (const step of chapter.steps) {
      const r = report.steps.find((x) => x.id === step.id)!;
      if (step.comesLater && r.status === 'unavailable') expect(r.detail, step.id).toMatch(MISSING);
      else expect(r, step.id).toMatchObject({ id: step.id, status: 'passed' });
    }
    expect(report.steps.filter((s) => s.id === 'cleanup' && s.title === 'Chapter clean-up')).toEqual([]);
    expect(report.leftovers).toEqual([]);
    expect(report.ok).toBe(true);
    // The learner's progress shows the same marks.
    const status = lab.labs.status(n);
    expect(status.passed).toBe(status.total);
    console.log(`chapter ${n} solved in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    // Chapter 11 starts, snapshots and restores real database engines in their own processes.
  }, n === 11 ? 180_000 : 60_000);
});

describe('what the solvers leave on the machines', () => {
  it('chapter 3 logs in over ssh with the key file made private, as a learner would', async () => {
    lab = await openWarpedLab();
    const report = await lab.labs.solveChapter(3);
    expect(report.steps.find((s) => s.id === 'connect')?.detail).toMatch(
      /^You logged in to mymachine at ec2-[0-9-]+\.compute-1\.amazonaws\.com \(last login \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d 2026 from 203\.0\.113\.10\)\.$/,
    );
    const ws = await lab.engine.terminals.workstation();
    expect(ws.rootFs.statSync('/home/learner/mykey.pem').mode & 0o777).toBe(0o400);
    expect(ws.rootFs.statSync('/home/learner/sydney.pem').mode & 0o777).toBe(0o400);
    // The first contact with each host was confirmed and recorded.
    const known = ws.rootFs.readSyncText('/home/learner/.ssh/known_hosts');
    expect(known).toMatch(/^ec2-[0-9-]+\.compute-1\.amazonaws\.com,[\d.]+ ecdsa-sha2-nistp256 /m);
    // Every command went through the workstation terminal, in the book's order.
    const history = lab.engine.terminals.list().filter((t) => t.target === 'workstation' && t.mode === 'interactive');
    expect(history).toHaveLength(1);
    const screen = lab.engine.terminals.attach(history[0]!.terminalId).scrollback;
    for (const line of ['sudo apt-get install linkchecker -y', 'sudo yum install httpd -y', 'sudo service httpd restart'])
      expect(screen).toContain(line);
  }, 60_000);

  it('chapter 6 makes its instance role, firewall and VPC from the lab\'s own templates', async () => {
    lab = await openWarpedLab();
    const { engine } = lab;
    const stacks = new Set<string>();
    const off = engine.onEvent((e) => {
      if (e.service === 'cloudformation' && (e.operation === 'CreateStack' || e.operation === 'UpdateStack') && !e.errorCode) stacks.add(`${e.operation} ${e.region}`);
    });
    const report = await lab.labs.solveChapter(6);
    off();
    expect(report.ok).toBe(true);
    expect([...stacks].sort()).toEqual(['CreateStack us-east-1', 'UpdateStack us-east-1']);
    const created = engine.store
      .stmt(`SELECT COUNT(*) AS n FROM events WHERE service = 'cloudformation' AND operation = 'CreateStack' AND error_code IS NULL`)
      .get() as { n: number };
    expect(created.n).toBe(3);
    // The machine stopped itself with its role's credentials, not the learner's.
    engine.flushEvents();
    const stop = engine.store
      .stmt(`SELECT principal_arn, source FROM events WHERE operation = 'StopInstances' AND error_code IS NULL`)
      .all() as { principal_arn: string; source: string }[];
    expect(stop).toHaveLength(1);
    expect(stop[0]!.principal_arn).toMatch(/^arn:aws:sts::\d{12}:assumed-role\/instance-role-StopSelfRole-[A-Z0-9]+\/i-[0-9a-f]{17}$/);
  }, 60_000);
});

describe('nimbus chapters solve', () => {
  it('solves chapter 3 on a fresh lab folder and exits 0', () => {
    const data = mkdtempSync(join(tmpdir(), 'nimbus-solve-'));
    try {
      const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'nimbus'), 'chapters', 'solve', '3', '--data', data], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.stdout).toContain('Solving chapter 3: Using virtual machines: EC2');
      expect(r.stdout).toMatch(/\[x\] connect: passed\. You logged in to mymachine at /);
      expect(r.stdout).toMatch(/\[x\] second-interface: passed\. http:\/\/[\d.]+\/ and http:\/\/[\d.]+\/ serve two different sites\./);
      expect(r.stdout).toContain('Clean-up: nothing is left beyond the account defaults.');
      expect(r.stdout).toContain('Chapter 3 solved.');
      expect(r.stdout).not.toContain('[ ]');
      expect(r.status).toBe(0);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 150_000);

  it('refuses an unknown chapter and a bad sub-command', () => {
    const bad = spawnSync(process.execPath, [join(repoRoot, 'bin', 'nimbus'), 'chapters', 'frobnicate'], { cwd: repoRoot, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("nimbus chapters: unknown chapters command 'frobnicate'");
  });
});
