/**
 * The chapter runtime: evaluates steps' checks against the cloud's state, keeps progress per
 * learner profile, re-checks live as the cloud changes (debounced on recorded calls), performs steps
 * for "Show me", starts chapters from a prepared state and resets them from database snapshots.
 */
import { progressSummary } from '../../contract/labs';
import { AwsError } from '../protocol/errors';
import { chapterCosts, type ChapterCostReport } from './costs';
import { chapterText } from './content';
import { progressHtml, signProgress, verifyProgress, type ExportedChapter, type SignedProgress, type VerifyResult } from './export';
import { leftovers, takeInventory, type InventoryItem } from './inventory';
import { DEFAULT_PROFILE, migrateLabs, Progress } from './progress';
import { Snapshots } from './snapshots';
import type { ChapterDefinition, CheckResult, CheckStatus, LabDeps, LabMachines, Need, StepContext, StepDefinition } from './types';

export interface StepStatus {
  id: string;
  title: string;
  section: string;
  status: CheckStatus | 'unchecked';
  detail: string;
  /** Counted towards completing the chapter. */
  counted: boolean;
  firstPassedAt?: string;
  solvedByLab: boolean;
}

export interface ChapterStatus {
  chapter: number;
  title: string;
  profile: string;
  startedAt?: string;
  completedAt?: string;
  /** First counted step that has not passed yet. */
  currentStep?: string;
  steps: StepStatus[];
  passed: number;
  total: number;
  /** Steps the book has that wait for a part of the lab still to come (`comesLater`, not counted in total). */
  waiting: number;
}

export interface ChapterSummary {
  number: number;
  slug: string;
  title: string;
  sections: string;
  /** `terminal`: "Show me" types into the workstation terminal (the console opens it first). */
  steps: { id: string; title: string; section: string; optional: boolean; terminal: boolean }[];
}

export interface SolveStepReport {
  id: string;
  title: string;
  status: CheckStatus | 'not reached';
  detail: string;
}

export interface SolveReport {
  chapter: number;
  ok: boolean;
  steps: SolveStepReport[];
  leftovers: InventoryItem[];
  /** Kinds the inventory could not look at (their List/Describe operation is missing). */
  unchecked: string[];
  /** Missing lab pieces that kept steps from running, deduplicated. */
  missing: string[];
}

export interface Labs {
  readonly chapters: readonly ChapterDefinition[];
  summaries(): ChapterSummary[];
  chapter(n: number): ChapterDefinition;
  text(n: number): { intro: string; steps: Record<string, string> };
  hints(n: number, stepId: string): string[];
  costs(n: number): ChapterCostReport;
  profiles(): { name: string; createdAt: string }[];
  createProfile(name: string): void;
  /** Stored progress, without running checks. */
  status(n: number, profile?: string): ChapterStatus;
  /** Runs every check of the chapter now and stores the results. */
  evaluate(n: number, profile?: string): Promise<ChapterStatus>;
  /** Starts (or restarts) a chapter: its prepared state, a snapshot of it, progress cleared. */
  start(n: number, profile?: string): Promise<ChapterStatus>;
  /** Puts the cloud back to the chapter's start snapshot. */
  resetChapter(n: number, profile?: string): Promise<ChapterStatus>;
  /** Puts the cloud back to the lab's first state and clears the profile's progress. */
  resetLab(profile?: string): Promise<void>;
  /** "Show me": performs one step visibly, then checks it. */
  solveStep(n: number, stepId: string, profile?: string): Promise<ChapterStatus>;
  /** Runs the chapter's whole solver, then its cleanup, and compares inventories. */
  solveChapter(n: number, opts?: { profile?: string; onStep?(report: SolveStepReport): void }): Promise<SolveReport>;
  /** Keep re-checking this chapter as the cloud changes (the console's open panel). */
  watch(n: number, profile?: string): () => void;
  onUpdate(listener: (status: ChapterStatus) => void): () => void;
  exportProgress(profile?: string): SignedProgress;
  exportHtml(profile?: string): string;
  verifyExport(text: string): VerifyResult;
  /** The composition root hands over the terminals once they exist (checks and "Show me" use them). */
  attachMachines(machines: LabMachines | undefined): void;
  dispose(): void;
}

const PROFILE_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;

export function describeNeed(need: Need): string {
  if ('op' in need) return `the ${need.op} operation`;
  if ('machine' in need)
    return need.machine === 'workstation' ? 'the workstation terminal' : 'shells inside instances';
  if ('programs' in need) return "programs on your computer reaching the lab's endpoint (nimbus exec)";
  return 'the network model (reachability between lab machines)';
}

export function createLabs(deps: LabDeps, chapterList: readonly ChapterDefinition[]): Labs {
  migrateLabs(deps.store);
  const progress = new Progress(deps.store);
  const snapshots = new Snapshots(deps.store, deps.dataDir);
  progress.ensureProfile(DEFAULT_PROFILE, deps.clock.now());
  // The lab's first state, for "reset the whole lab": taken the first time the runtime opens.
  if (!progress.meta('fresh_snapshot') || !snapshots.has('lab-fresh')) {
    snapshots.take('lab-fresh');
    progress.setMeta('fresh_snapshot', 'lab-fresh');
  }

  const byNumber = new Map(chapterList.map((c) => [c.number, c]));
  const listeners = new Set<(s: ChapterStatus) => void>();
  const watched = new Map<string, number>(); // "profile/chapter" → watchers

  const getChapter = (n: number): ChapterDefinition => {
    const c = byNumber.get(n);
    if (!c) throw new AwsError('ResourceNotFoundException', `The lab has no guided chapter ${n}. Chapters: ${[...byNumber.keys()].join(', ')}.`, 404);
    return c;
  };
  const checkProfile = (p: string): string => {
    if (!PROFILE_NAME.test(p))
      throw new AwsError('ValidationException', `Profile names use lower-case letters, digits, '.', '_' and '-' (up to 40): '${p}'.`, 400);
    return p;
  };
  const getStep = (c: ChapterDefinition, id: string): StepDefinition => {
    const s = c.steps.find((x) => x.id === id);
    if (!s) throw new AwsError('ResourceNotFoundException', `Chapter ${c.number} has no step '${id}'.`, 404);
    return s;
  };

  const missingNeeds = (needs: Need[]): string[] =>
    needs
      .filter((n) => {
        if ('op' in n) {
          const [svc, op] = n.op.split(':') as [string, string];
          return !deps.hasOperation(svc, op);
        }
        if ('machine' in n) return !deps.machines;
        if ('programs' in n) return !deps.programs;
        return !deps.network;
      })
      .map(describeNeed);

  const missingText = (missing: string[]): string =>
    `This step needs ${missing.join(' and ')}, which this build of the lab does not have yet.`;

  function context(profile: string, c: ChapterDefinition): StepContext {
    const record = progress.chapter(profile, c.number);
    const steps = progress.steps(profile, c.number);
    const notes = record?.notes ?? new Map<string, string>();
    const as = (source: 'internal' | 'console') => (service: string, operation: string, input: Record<string, unknown> = {}, region?: string) =>
      deps.call(deps.root, service, operation, input, { source, region });
    return {
      deps,
      aws: as('internal'),
      console: as('console'),
      chapterStartedAt: record?.startedAt ?? 0,
      hasPassed: (id) => steps.get(id)?.firstPassedAt !== undefined,
      notes,
    };
  }

  const isCounted = (s: StepDefinition, result: CheckStatus | 'unchecked'): boolean =>
    !s.optional && !(s.comesLater && result === 'unavailable');

  async function runCheck(ctx: StepContext, step: StepDefinition): Promise<CheckResult> {
    const missing = missingNeeds(step.needs);
    if (missing.length > 0) return { status: 'unavailable', detail: `${step.comesLater ? `${step.comesLater} ` : ''}${missingText(missing)}` };
    try {
      return await step.check(ctx);
    } catch (e) {
      if (e instanceof AwsError && e.code === 'NotImplemented') return { status: 'unavailable', detail: `The check needs an operation the lab does not implement yet: ${e.message}` };
      return { status: 'failed', detail: `The check could not finish: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  function status(n: number, profile = DEFAULT_PROFILE): ChapterStatus {
    const c = getChapter(n);
    const record = progress.chapter(profile, n);
    const recs = progress.steps(profile, n);
    const steps: StepStatus[] = c.steps.map((s) => {
      const r = recs.get(s.id);
      const st = r?.status ?? 'unchecked';
      return {
        id: s.id,
        title: s.title,
        section: s.section,
        status: st,
        detail: r?.detail ?? (s.comesLater ?? ''),
        counted: isCounted(s, st),
        firstPassedAt: r?.firstPassedAt !== undefined ? new Date(r.firstPassedAt).toISOString() : undefined,
        solvedByLab: r?.solvedByLab ?? false,
      };
    });
    const counted = steps.filter((s) => s.counted);
    return {
      chapter: n,
      title: c.title,
      profile,
      startedAt: record ? new Date(record.startedAt).toISOString() : undefined,
      completedAt: record?.completedAt !== undefined ? new Date(record.completedAt).toISOString() : undefined,
      currentStep: counted.find((s) => s.status !== 'passed')?.id,
      steps,
      passed: counted.filter((s) => s.status === 'passed').length,
      total: counted.length,
      waiting: c.steps.filter((s, i) => !s.optional && s.comesLater && !steps[i]!.counted).length,
    };
  }

  /** The later step that retires `step` (the book had the learner remove what it built), once passed. */
  const retiredBy = (ctx: StepContext, c: ChapterDefinition, step: StepDefinition): StepDefinition | undefined =>
    ctx.hasPassed(step.id) ? c.steps.find((s) => step.retiredBy?.includes(s.id) && ctx.hasPassed(s.id)) : undefined;

  const retiredText = (by: StepDefinition): string =>
    `Done. You later removed what this step built, as ${by.section} says ("${by.title}"), so it is not checked again.`;

  async function evaluate(n: number, profile = DEFAULT_PROFILE): Promise<ChapterStatus> {
    const c = getChapter(n);
    checkProfile(profile);
    progress.ensureProfile(profile, deps.clock.now());
    if (!progress.chapter(profile, n)) progress.startChapter(profile, n, deps.clock.now(), undefined);
    const ctx = context(profile, c);
    for (const step of c.steps) {
      const by = retiredBy(ctx, c, step);
      if (by) {
        progress.recordCheck(profile, n, step.id, 'passed', retiredText(by), deps.clock.now());
        continue;
      }
      const r = await runCheck(ctx, step);
      progress.recordCheck(profile, n, step.id, r.status, r.detail, deps.clock.now());
      if (r.status === 'passed' && !ctx.hasPassed(step.id)) {
        // Later steps in the same pass may depend on this one having passed.
        const steps = progress.steps(profile, n);
        ctx.hasPassed = (id) => steps.get(id)?.firstPassedAt !== undefined;
      }
    }
    // A step retired by one that passed only in this pass (terminate after launch) is done as well.
    for (const step of c.steps) {
      const by = retiredBy(ctx, c, step);
      if (by && progress.steps(profile, n).get(step.id)?.status !== 'passed')
        progress.recordCheck(profile, n, step.id, 'passed', retiredText(by), deps.clock.now());
    }
    const s = status(n, profile);
    const record = progress.chapter(profile, n);
    if (s.total > 0 && s.passed === s.total && record?.completedAt === undefined) progress.markCompleted(profile, n, deps.clock.now());
    return status(n, profile);
  }

  async function start(n: number, profile = DEFAULT_PROFILE): Promise<ChapterStatus> {
    const c = getChapter(n);
    checkProfile(profile);
    progress.ensureProfile(profile, deps.clock.now());
    progress.startChapter(profile, n, deps.clock.now(), undefined);
    if (c.prepare) await c.prepare(context(profile, c));
    const snap = snapshots.take(`${profile.replace(/[._]/g, '-')}-chapter-${n}`);
    progress.startChapter(profile, n, deps.clock.now(), snap);
    return evaluate(n, profile);
  }

  async function resetChapter(n: number, profile = DEFAULT_PROFILE): Promise<ChapterStatus> {
    getChapter(n);
    const record = progress.chapter(profile, n);
    if (!record?.snapshot) return start(n, profile);
    snapshots.restore(record.snapshot);
    deps.afterRestore?.();
    progress.restartChapter(profile, n, deps.clock.now());
    return evaluate(n, profile);
  }

  async function resetLab(profile = DEFAULT_PROFILE): Promise<void> {
    snapshots.restore('lab-fresh');
    deps.afterRestore?.();
    progress.clearProfile(checkProfile(profile));
  }

  async function solveStep(n: number, stepId: string, profile = DEFAULT_PROFILE): Promise<ChapterStatus> {
    const c = getChapter(n);
    const step = getStep(c, stepId);
    if (!progress.chapter(profile, n)) await start(n, profile);
    const missing = missingNeeds([...step.needs, ...(step.solveNeeds ?? [])]);
    if (missing.length > 0) throw new AwsError('StepUnavailable', missingText(missing), 409);
    const ctx = context(profile, c);
    await step.solve(ctx);
    progress.saveNotes(profile, n, ctx.notes);
    const after = await evaluate(n, profile);
    progress.markSolvedByLab(profile, n, stepId);
    return { ...after, steps: after.steps.map((s) => (s.id === stepId ? { ...s, solvedByLab: true } : s)) };
  }

  async function solveChapter(n: number, opts: { profile?: string; onStep?(r: SolveStepReport): void } = {}): Promise<SolveReport> {
    const profile = opts.profile ?? DEFAULT_PROFILE;
    const c = getChapter(n);
    await start(n, profile);
    const regions = deps.regions;
    const before = await takeInventory(context(profile, c), regions);
    const reports: SolveStepReport[] = [];
    const missing = new Set<string>();
    let ok = true;
    let stopped = false;
    for (const step of c.steps) {
      if (stopped) {
        reports.push({ id: step.id, title: step.title, status: 'not reached', detail: 'an earlier step did not pass' });
        continue;
      }
      const need = missingNeeds([...step.needs, ...(step.solveNeeds ?? [])]);
      let report: SolveStepReport;
      if (need.length > 0) {
        need.forEach((m) => missing.add(m));
        report = { id: step.id, title: step.title, status: 'unavailable', detail: `${step.comesLater ? `${step.comesLater} ` : ''}${missingText(need)}` };
        if (!step.optional && !step.comesLater) ok = false;
      } else {
        const ctx = context(profile, c);
        try {
          await step.solve(ctx);
          progress.saveNotes(profile, n, ctx.notes);
          const r = await runCheck(context(profile, c), step);
          progress.recordCheck(profile, n, step.id, r.status, r.detail, deps.clock.now());
          report = { id: step.id, title: step.title, status: r.status, detail: r.detail };
        } catch (e) {
          const notImpl = e instanceof AwsError && e.code === 'NotImplemented';
          if (notImpl) missing.add(e.message);
          report = {
            id: step.id,
            title: step.title,
            status: notImpl ? 'unavailable' : 'failed',
            detail: `The solver could not finish this step: ${e instanceof Error ? e.message : String(e)}`,
          };
        }
        if (report.status !== 'passed' && !step.optional && !(step.comesLater && report.status === 'unavailable')) {
          ok = false;
          stopped = report.status === 'failed';
        }
      }
      reports.push(report);
      opts.onStep?.(report);
    }
    try {
      await c.cleanup(context(profile, c));
    } catch (e) {
      ok = false;
      reports.push({ id: 'cleanup', title: 'Chapter clean-up', status: 'failed', detail: e instanceof Error ? e.message : String(e) });
    }
    const after = await takeInventory(context(profile, c), regions);
    const left = leftovers(before, after, c.keeps);
    if (left.length > 0) ok = false;
    return { chapter: n, ok, steps: reports, leftovers: left, unchecked: after.unchecked, missing: [...missing] };
  }

  // Live re-checks: recorded calls (not the runtime's own internal reads) schedule one evaluation of
  // every watched chapter (those a console watches, and every chapter the default profile has
  // started); a change pushes the new status to listeners.
  const watchedKeys = (): string[] => [
    ...new Set([...watched.keys(), ...progress.startedChapters(DEFAULT_PROFILE).map((n) => `${DEFAULT_PROFILE}/${n}`)]),
  ];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const last = new Map<string, string>();
  const delay = deps.recheckDelayMs ?? 250;
  async function recheck(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        for (const key of watchedKeys()) {
          const [profile, n] = [key.slice(0, key.lastIndexOf('/')), Number(key.slice(key.lastIndexOf('/') + 1))];
          const s = await evaluate(n, profile);
          const sig = JSON.stringify(s.steps.map((x) => [x.status, x.detail]));
          if (last.get(key) !== sig) {
            last.set(key, sig);
            for (const l of listeners) l(s);
          }
        }
      } while (again);
    } finally {
      running = false;
    }
  }
  const schedule = (): void => {
    if (timer || (listeners.size === 0 && watched.size === 0)) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!deps.store.db.open) return; // the engine closed before the re-check was due
      recheck().catch((e: unknown) => console.error('[nimbus] chapter re-check failed', e));
    }, delay);
    timer.unref?.();
  };
  const unsubscribe = deps.onEvent(schedule);

  function exportPayload(profile: string): SignedProgress {
    const chapters: ExportedChapter[] = chapterList
      .filter((c) => progress.chapter(profile, c.number))
      .map((c) => {
        const s = status(c.number, profile);
        return {
          number: c.number,
          title: c.title,
          startedAt: s.startedAt,
          completedAt: s.completedAt,
          passed: s.passed,
          total: s.total + s.waiting,
          waiting: s.waiting,
          summary: progressSummary(s),
          steps: s.steps.map((x) => ({
            id: x.id,
            title: x.title,
            section: x.section,
            status: x.status,
            counted: x.counted,
            firstPassedAt: x.firstPassedAt,
            solvedByLab: x.solvedByLab,
          })),
        };
      });
    return signProgress(progress.labKey(), {
      format: 'nimbus-lab-progress/1',
      accountId: deps.accountId,
      profile,
      exportedAt: new Date(deps.clock.now()).toISOString(),
      chapters,
    });
  }

  return {
    chapters: chapterList,
    summaries: () =>
      chapterList.map((c) => ({
        number: c.number,
        slug: c.slug,
        title: c.title,
        sections: c.sections,
        steps: c.steps.map((s) => ({
          id: s.id,
          title: s.title,
          section: s.section,
          optional: s.optional ?? false,
          terminal: [...s.needs, ...(s.solveNeeds ?? [])].some((n) => 'machine' in n),
        })),
      })),
    chapter: getChapter,
    text(n) {
      const t = chapterText(deps.resourcesDir, getChapter(n));
      return { intro: t.intro, steps: Object.fromEntries(t.steps) };
    },
    hints: (n, id) => getStep(getChapter(n), id).hints,
    costs: (n) => chapterCosts(deps.resourcesDir, getChapter(n)),
    profiles: () => progress.profiles().map((p) => ({ name: p.name, createdAt: new Date(p.createdAt).toISOString() })),
    createProfile: (name) => progress.ensureProfile(checkProfile(name), deps.clock.now()),
    status,
    evaluate,
    start,
    resetChapter,
    resetLab,
    solveStep,
    solveChapter,
    watch(n, profile = DEFAULT_PROFILE) {
      getChapter(n);
      const key = `${checkProfile(profile)}/${n}`;
      watched.set(key, (watched.get(key) ?? 0) + 1);
      schedule();
      return () => {
        const k = (watched.get(key) ?? 1) - 1;
        if (k <= 0) watched.delete(key);
        else watched.set(key, k);
      };
    },
    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exportProgress: (profile = DEFAULT_PROFILE) => exportPayload(checkProfile(profile)),
    exportHtml: (profile = DEFAULT_PROFILE) => progressHtml(exportPayload(checkProfile(profile))),
    verifyExport: (text) => verifyProgress(progress.labKey(), text),
    attachMachines(machines) {
      deps.machines = machines;
    },
    dispose() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      snapshots.dispose();
    },
  };
}
