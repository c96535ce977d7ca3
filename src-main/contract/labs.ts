/**
 * Guided chapters: the step list with live check marks, each step's text and hints, "Show me",
 * chapter and lab resets, and the teacher's progress export. Check results are pushed as
 * `chapters.updated` whenever the cloud's changes turn a check green or red.
 */
import { z } from 'zod';

const chapterNumber = z.number().int().min(1).max(99);
const profileName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/)
  .optional();

export const stepState = z.enum(['passed', 'failed', 'unavailable', 'unchecked']);
export type StepState = z.infer<typeof stepState>;

export const chapterStepStatus = z.object({
  id: z.string(),
  title: z.string(),
  section: z.string(),
  status: stepState,
  /** What is done, or precisely what is still missing. */
  detail: z.string(),
  counted: z.boolean(),
  firstPassedAt: z.string().optional(),
  solvedByLab: z.boolean(),
});
export type ChapterStepStatus = z.infer<typeof chapterStepStatus>;

export const chapterStatus = z.object({
  chapter: chapterNumber,
  title: z.string(),
  profile: z.string(),
  startedAt: z.string().optional(),
  completedAt: z.string().optional(),
  currentStep: z.string().optional(),
  steps: z.array(chapterStepStatus),
  passed: z.number().int(),
  total: z.number().int(),
  /** Steps waiting for a part of the lab still to come: not in `total`, but not done either. */
  waiting: z.number().int(),
});
export type ChapterStatus = z.infer<typeof chapterStatus>;

/**
 * The one-line progress a learner and a teacher read: "3 of 5 steps done", or, when every step the
 * lab can check has passed, "completed 4 of 5, 1 waiting for the lab" (never a bare "completed"
 * while steps of the book still wait for the lab).
 */
export function progressSummary(s: { passed: number; total: number; waiting: number }): string {
  const all = s.total + s.waiting;
  const waiting = s.waiting > 0 ? `, ${s.waiting} waiting for the lab` : '';
  if (s.total > 0 && s.passed === s.total) return s.waiting > 0 ? `completed ${s.passed} of ${all}${waiting}` : `completed ${all} of ${all}`;
  return `${s.passed} of ${all} steps done${waiting}`;
}

export const chapterSummary = z.object({
  number: chapterNumber,
  slug: z.string(),
  title: z.string(),
  sections: z.string(),
  /** terminal: "Show me" types into the workstation terminal, so the console opens it first. */
  steps: z.array(z.object({ id: z.string(), title: z.string(), section: z.string(), optional: z.boolean(), terminal: z.boolean() })),
});
export type ChapterSummary = z.infer<typeof chapterSummary>;

export const chapterCostLine = z.object({
  item: z.string(),
  region: z.string(),
  count: z.number(),
  hours: z.number(),
  pricePerHour: z.number(),
  total: z.number(),
  freeTier: z.boolean(),
});

export const chapterCosts = z.object({
  lines: z.array(chapterCostLine),
  perHour: z.number(),
  total: z.number(),
  reminder: z.string(),
});
export type ChapterCosts = z.infer<typeof chapterCosts>;

export const chaptersListRequest = z.object({ profile: profileName }).strict();
export const chaptersListResponse = z.object({
  chapters: z.array(chapterSummary),
  profiles: z.array(z.object({ name: z.string(), createdAt: z.string() })),
});

const chapterRequest = z.object({ chapter: chapterNumber, profile: profileName }).strict();

export const chaptersOpenRequest = chapterRequest;
export const chaptersOpenResponse = z.object({
  status: chapterStatus,
  /** Markdown: the chapter's introduction and each step's instructions, by step id. */
  intro: z.string(),
  instructions: z.record(z.string(), z.string()),
  /** Increasing detail, by step id. */
  hints: z.record(z.string(), z.array(z.string())),
  costs: chapterCosts,
});
export type ChapterOpened = z.infer<typeof chaptersOpenResponse>;

export const chaptersEvaluateRequest = chapterRequest;
export const chaptersStartRequest = chapterRequest;
export const chaptersResetRequest = chapterRequest;
export const chaptersShowMeRequest = z.object({ chapter: chapterNumber, step: z.string().min(1).max(64), profile: profileName }).strict();

export const chaptersResetLabRequest = z.object({ profile: profileName }).strict();
export const chaptersResetLabResponse = z.object({});

export const chaptersExportRequest = z.object({ profile: profileName }).strict();
export const chaptersExportResponse = z.object({
  /** The signed JSON document (HMAC-SHA256 under the lab's key). */
  json: z.string(),
  html: z.string(),
});

/** Pushed when a watched chapter's checks change. */
export const chaptersUpdated = chapterStatus;
