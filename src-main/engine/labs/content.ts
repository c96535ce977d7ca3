/**
 * Chapter text lives in resources/labs/<NN-slug>/ as Markdown, written in the lab's own words:
 * chapter.md (the introduction) and steps.md (each step's instructions under a `## <step-id>:`
 * heading). The typed step definitions (checks, hints, solvers) live in engine/labs/chapters/, since
 * resources/ is data and is not compiled. A test fails when a step has no text or text has no step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChapterDefinition } from './types';

export interface ChapterText {
  intro: string;
  steps: Map<string, string>;
}

const cache = new Map<string, ChapterText>();

export const chapterFolder = (c: Pick<ChapterDefinition, 'number' | 'slug'>): string =>
  `${String(c.number).padStart(2, '0')}-${c.slug}`;

export function parseStepsMarkdown(text: string): Map<string, string> {
  const steps = new Map<string, string>();
  const parts = text.split(/^## ([a-z0-9-]+):[^\n]*\n/m);
  for (let i = 1; i < parts.length; i += 2) steps.set(parts[i]!, parts[i + 1]!.trim());
  return steps;
}

export function chapterText(resourcesDir: string, chapter: ChapterDefinition): ChapterText {
  const folder = join(resourcesDir, 'labs', chapterFolder(chapter));
  let t = cache.get(folder);
  if (!t) {
    t = {
      intro: readFileSync(join(folder, 'chapter.md'), 'utf8').trim(),
      steps: parseStepsMarkdown(readFileSync(join(folder, 'steps.md'), 'utf8')),
    };
    cache.set(folder, t);
  }
  return t;
}

/** A file shipped with a chapter (a template, a script), read as text. */
export function chapterFile(resourcesDir: string, chapter: ChapterDefinition, name: string): string {
  return readFileSync(join(resourcesDir, 'labs', chapterFolder(chapter), name), 'utf8');
}
