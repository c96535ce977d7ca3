/**
 * `nimbus chapters …`: the guided chapters from the command line.
 *
 *   list   [--data DIR] [--profile P]        chapters, their steps and the learner's progress
 *   solve  N [--data DIR]                    runs chapter N's solver on the lab in DIR (a fresh temporary
 *                                            lab without --data); exit 0 only when every step passed in order
 *                                            and the clean-up left nothing beyond the account's defaults
 *   export [--data DIR] [--profile P] [--out FILE] [--html FILE]   signed progress for a teacher
 *   verify FILE [--data DIR]                 checks an export's signature against the lab's key
 *
 * The engine runs in-process (no server); the simulated clock is moved forward by the solver.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../engine/index';
import { labsFor } from '../engine/contract-host';
import { progressSummary } from '../contract/labs';
import { defaultDataDir, ensureDir } from './data-dir';
import { createLabServer } from './server';

export const CHAPTERS_USAGE = `Usage: nimbus chapters <list|solve|export|verify> [options]
  list   [--data DIR] [--profile NAME]          the chapters, their steps and your progress
  solve  N [--data DIR]                         run chapter N's solver (default: a fresh temporary lab)
  export [--data DIR] [--profile NAME] [--out FILE] [--html FILE]
                                                signed progress (JSON) and a readable report (HTML)
  verify FILE [--data DIR]                      check the signature of an exported progress file
`;

export class ChaptersUsageError extends Error {}

interface Args {
  positional: string[];
  data?: string;
  profile?: string;
  out?: string;
  html?: string;
}

function parse(argv: string[]): Args {
  const args: Args = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      const v = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new ChaptersUsageError(`option '${name}' needs a value`);
      return v;
    };
    if (name === '--data') args.data = value();
    else if (name === '--profile') args.profile = value();
    else if (name === '--out') args.out = value();
    else if (name === '--html') args.html = value();
    else if (name.startsWith('--')) throw new ChaptersUsageError(`unknown option '${raw}'`);
    else args.positional.push(raw);
  }
  return args;
}

const MARK: Record<string, string> = {
  passed: '[x]',
  failed: '[ ]',
  unavailable: '[-]',
  unchecked: '[ ]',
  'not reached': '[ ]',
};

/**
 * The solver's clock runs this much faster than real time: programs inside the lab's machines wait
 * on it (an `aws ec2 wait` in a script polls every 15 simulated seconds), the solver's own waits
 * move it forward on top.
 */
const SOLVE_WARP = 60;

async function withLab<T>(
  data: string | undefined,
  fn: (engine: ReturnType<typeof createEngine>) => Promise<T>,
  warp?: number,
): Promise<T> {
  const temporary = data === undefined;
  const dir = data ?? mkdtempSync(join(tmpdir(), 'nimbus-chapters-'));
  ensureDir(dir);
  const engine = createEngine({ dataDir: dir, ...(warp !== undefined ? { warp } : {}) });
  try {
    return await fn(engine);
  } finally {
    labsFor(engine).dispose();
    engine.close();
    if (temporary) rmSync(dir, { recursive: true, force: true });
  }
}

async function solve(engine: ReturnType<typeof createEngine>, n: number): Promise<number> {
  const labs = labsFor(engine);
  labs.chapter(n);
  console.log(`Solving chapter ${n}: ${labs.chapter(n).title}`);
  const report = await labs.solveChapter(n, {
    onStep: (r) => console.log(`  ${MARK[r.status] ?? '[ ]'} ${r.id}: ${r.status}. ${r.detail}`),
  });
  for (const s of report.steps.filter((x) => x.status === 'not reached')) console.log(`  [ ] ${s.id}: not reached`);
  if (report.leftovers.length) {
    console.log('Left behind after the clean-up:');
    for (const l of report.leftovers) console.log(`  - ${l.label}`);
  } else console.log('Clean-up: nothing is left beyond the account defaults.');
  if (report.unchecked.length)
    console.log(`Not inventoried (no such operation in the lab yet): ${report.unchecked.join(', ')}`);
  if (report.missing.length) console.log(`Missing in this build of the lab: ${report.missing.join('; ')}`);
  console.log(report.ok ? `Chapter ${n} solved.` : `Chapter ${n} is NOT solved.`);
  return report.ok ? 0 : 1;
}

export async function chaptersCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parse(rest);
  switch (sub) {
    case 'list':
      return withLab(args.data ?? defaultDataDir(), async (engine) => {
        const labs = labsFor(engine);
        for (const c of labs.summaries()) {
          const s = labs.status(c.number, args.profile);
          const progress = s.startedAt ? progressSummary(s) : 'not started';
          console.log(`Chapter ${c.number}: ${c.title} (${c.sections}) - ${progress}`);
          for (const step of s.steps)
            console.log(
              `  ${MARK[step.status] ?? '[ ]'} ${step.section.padEnd(14)} ${step.title}${step.counted ? '' : ' (not counted)'}`,
            );
        }
        return 0;
      });
    case 'solve': {
      const n = Number(args.positional[0]);
      if (!Number.isInteger(n)) throw new ChaptersUsageError('solve needs a chapter number');
      return withLab(
        args.data,
        async (engine) => {
          // The chapters' own programs (chapter 4's SDK program) reach the lab over its endpoint,
          // here on a free loopback port for the solver's lifetime.
          const server = await createLabServer({ engine, port: 0, host: '127.0.0.1' });
          try {
            return await solve(engine, n);
          } finally {
            await server.close();
          }
        },
        SOLVE_WARP,
      );
    }
    case 'export':
      return withLab(args.data ?? defaultDataDir(), async (engine) => {
        const labs = labsFor(engine);
        const json = JSON.stringify(labs.exportProgress(args.profile), null, 2);
        if (args.out) writeFileSync(args.out, `${json}\n`);
        else console.log(json);
        if (args.html) writeFileSync(args.html, labs.exportHtml(args.profile));
        return 0;
      });
    case 'verify': {
      const file = args.positional[0];
      if (!file) throw new ChaptersUsageError('verify needs a file');
      const text = readFileSync(file, 'utf8');
      return withLab(args.data ?? defaultDataDir(), async (engine) => {
        const r = labsFor(engine).verifyExport(text);
        if (!r.valid) {
          console.error(`nimbus: ${file}: ${r.reason}`);
          return 1;
        }
        const done = r.payload.chapters.map((c) => `chapter ${c.number}: ${c.summary}`);
        console.log(
          `${file}: valid signature (profile ${r.payload.profile}, exported ${r.payload.exportedAt}); ${done.join(', ') || 'no chapter started'}`,
        );
        return 0;
      });
    }
    default:
      throw new ChaptersUsageError(sub ? `unknown chapters command '${sub}'` : 'which chapters command?');
  }
}
