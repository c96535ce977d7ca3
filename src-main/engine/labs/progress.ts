/**
 * Learner progress in SQLite (labs_* tables), per profile. The tables are the labs' own: they are
 * created here with the store's migration bookkeeping (scope 'labs'), and a snapshot restore never
 * touches them, so resetting a chapter keeps what a learner has achieved elsewhere.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store';
import type { CheckStatus } from './types';

export const DEFAULT_PROFILE = 'default';

const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'profiles, chapter and step progress, lab key',
    sql: `
      CREATE TABLE labs_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE labs_profiles (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE labs_chapters (
        profile TEXT NOT NULL REFERENCES labs_profiles (name) ON DELETE CASCADE,
        chapter INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        snapshot TEXT,
        notes TEXT NOT NULL DEFAULT '{}',
        completed_at INTEGER,
        PRIMARY KEY (profile, chapter)
      );
      CREATE TABLE labs_steps (
        profile TEXT NOT NULL REFERENCES labs_profiles (name) ON DELETE CASCADE,
        chapter INTEGER NOT NULL,
        step_id TEXT NOT NULL,
        status TEXT NOT NULL,
        detail TEXT NOT NULL,
        first_passed_at INTEGER,
        checked_at INTEGER NOT NULL,
        solved_by_lab INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (profile, chapter, step_id)
      );
    `,
  },
];

/** Applies the labs' migrations once (same _migrations table as the engine's own). */
export function migrateLabs(store: Store): void {
  const applied = new Set(
    (store.db.prepare("SELECT version FROM _migrations WHERE scope = 'labs'").all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  const pending = MIGRATIONS.filter((m) => !applied.has(m.version));
  if (pending.length === 0) return;
  store.tx(() => {
    for (const m of pending) {
      store.db.exec(m.sql);
      store.db
        .prepare('INSERT INTO _migrations (scope, version, name, applied_at) VALUES (?, ?, ?, ?)')
        .run('labs', m.version, m.name, new Date().toISOString());
    }
  });
}

export interface StepRecord {
  stepId: string;
  status: CheckStatus | 'unchecked';
  detail: string;
  firstPassedAt?: number;
  checkedAt?: number;
  solvedByLab: boolean;
}

export interface ChapterRecord {
  chapter: number;
  startedAt: number;
  snapshot?: string;
  notes: Map<string, string>;
  completedAt?: number;
}

interface ChapterRow {
  chapter: number;
  started_at: number;
  snapshot: string | null;
  notes: string;
  completed_at: number | null;
}

interface StepRow {
  step_id: string;
  status: CheckStatus;
  detail: string;
  first_passed_at: number | null;
  checked_at: number;
  solved_by_lab: number;
}

export class Progress {
  constructor(private readonly store: Store) {}

  ensureProfile(name: string, now: number): void {
    this.store.stmt('INSERT INTO labs_profiles (name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(name, now);
  }

  profiles(): { name: string; createdAt: number }[] {
    return (this.store.stmt('SELECT name, created_at FROM labs_profiles ORDER BY created_at, rowid').all() as {
      name: string;
      created_at: number;
    }[]).map((r) => ({ name: r.name, createdAt: r.created_at }));
  }

  chapter(profile: string, chapter: number): ChapterRecord | undefined {
    const row = this.store
      .stmt('SELECT chapter, started_at, snapshot, notes, completed_at FROM labs_chapters WHERE profile = ? AND chapter = ?')
      .get(profile, chapter) as ChapterRow | undefined;
    if (!row) return undefined;
    return {
      chapter: row.chapter,
      startedAt: row.started_at,
      snapshot: row.snapshot ?? undefined,
      notes: new Map(Object.entries(JSON.parse(row.notes) as Record<string, string>)),
      completedAt: row.completed_at ?? undefined,
    };
  }

  startedChapters(profile: string): number[] {
    return (this.store.stmt('SELECT chapter FROM labs_chapters WHERE profile = ? ORDER BY chapter').all(profile) as { chapter: number }[]).map(
      (r) => r.chapter,
    );
  }

  /** (Re)starts a chapter: a new start time and snapshot, its step records cleared. */
  startChapter(profile: string, chapter: number, startedAt: number, snapshot: string | undefined): void {
    this.store.tx(() => {
      this.store
        .stmt(
          `INSERT INTO labs_chapters (profile, chapter, started_at, snapshot, notes) VALUES (?, ?, ?, ?, '{}')
           ON CONFLICT (profile, chapter) DO UPDATE SET started_at = excluded.started_at, snapshot = excluded.snapshot,
             notes = '{}', completed_at = NULL`,
        )
        .run(profile, chapter, startedAt, snapshot ?? null);
      this.store.stmt('DELETE FROM labs_steps WHERE profile = ? AND chapter = ?').run(profile, chapter);
    });
  }

  /** After a reset: the same snapshot, a new start time, steps cleared. */
  restartChapter(profile: string, chapter: number, startedAt: number): void {
    this.store.tx(() => {
      this.store
        .stmt(`UPDATE labs_chapters SET started_at = ?, notes = '{}', completed_at = NULL WHERE profile = ? AND chapter = ?`)
        .run(startedAt, profile, chapter);
      this.store.stmt('DELETE FROM labs_steps WHERE profile = ? AND chapter = ?').run(profile, chapter);
    });
  }

  saveNotes(profile: string, chapter: number, notes: Map<string, string>): void {
    this.store
      .stmt('UPDATE labs_chapters SET notes = ? WHERE profile = ? AND chapter = ?')
      .run(JSON.stringify(Object.fromEntries(notes)), profile, chapter);
  }

  markCompleted(profile: string, chapter: number, at: number | undefined): void {
    this.store.stmt('UPDATE labs_chapters SET completed_at = ? WHERE profile = ? AND chapter = ?').run(at ?? null, profile, chapter);
  }

  steps(profile: string, chapter: number): Map<string, StepRecord> {
    const rows = this.store
      .stmt(
        'SELECT step_id, status, detail, first_passed_at, checked_at, solved_by_lab FROM labs_steps WHERE profile = ? AND chapter = ?',
      )
      .all(profile, chapter) as StepRow[];
    return new Map(
      rows.map((r) => [
        r.step_id,
        {
          stepId: r.step_id,
          status: r.status,
          detail: r.detail,
          firstPassedAt: r.first_passed_at ?? undefined,
          checkedAt: r.checked_at,
          solvedByLab: r.solved_by_lab === 1,
        },
      ]),
    );
  }

  recordCheck(profile: string, chapter: number, stepId: string, status: CheckStatus, detail: string, now: number): void {
    this.store
      .stmt(
        `INSERT INTO labs_steps (profile, chapter, step_id, status, detail, first_passed_at, checked_at)
         VALUES (@profile, @chapter, @stepId, @status, @detail, CASE WHEN @status = 'passed' THEN @now END, @now)
         ON CONFLICT (profile, chapter, step_id) DO UPDATE SET status = excluded.status, detail = excluded.detail,
           checked_at = excluded.checked_at,
           first_passed_at = COALESCE(labs_steps.first_passed_at, excluded.first_passed_at)`,
      )
      .run({ profile, chapter, stepId, status, detail, now });
  }

  markSolvedByLab(profile: string, chapter: number, stepId: string): void {
    this.store
      .stmt('UPDATE labs_steps SET solved_by_lab = 1 WHERE profile = ? AND chapter = ? AND step_id = ?')
      .run(profile, chapter, stepId);
  }

  clearProfile(profile: string): void {
    this.store.tx(() => {
      this.store.stmt('DELETE FROM labs_steps WHERE profile = ?').run(profile);
      this.store.stmt('DELETE FROM labs_chapters WHERE profile = ?').run(profile);
    });
  }

  meta(key: string): string | undefined {
    return (this.store.stmt('SELECT value FROM labs_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.store
      .stmt('INSERT INTO labs_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** The per-lab secret that signs progress exports (made once, kept in the lab's database). */
  labKey(): Buffer {
    let hex = this.meta('export_key');
    if (!hex) {
      hex = randomBytes(32).toString('hex');
      this.setMeta('export_key', hex);
    }
    return Buffer.from(hex, 'hex');
  }
}
