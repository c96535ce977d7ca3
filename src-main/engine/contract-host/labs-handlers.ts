/** The chapters.* contract requests, over the chapter runtime (engine/labs). */
import type { Engine } from '../index';
import { labsFor } from './labs';
import type { ContractHandlers } from './handlers';

type LabsHandlers = Pick<
  ContractHandlers,
  | 'chapters.list'
  | 'chapters.open'
  | 'chapters.evaluate'
  | 'chapters.start'
  | 'chapters.reset'
  | 'chapters.showMe'
  | 'chapters.resetLab'
  | 'chapters.export'
>;

export function createLabsHandlers(engine: Engine): LabsHandlers {
  const labs = () => labsFor(engine);
  return {
    async 'chapters.list'() {
      return { chapters: labs().summaries(), profiles: labs().profiles() };
    },
    async 'chapters.open'({ chapter, profile }) {
      const l = labs();
      const text = l.text(chapter);
      const def = l.chapter(chapter);
      const status = l.status(chapter, profile).startedAt ? await l.evaluate(chapter, profile) : await l.start(chapter, profile);
      return {
        status,
        intro: text.intro,
        instructions: text.steps,
        hints: Object.fromEntries(def.steps.map((s) => [s.id, s.hints])),
        costs: l.costs(chapter),
      };
    },
    'chapters.evaluate': ({ chapter, profile }) => labs().evaluate(chapter, profile),
    'chapters.start': ({ chapter, profile }) => labs().start(chapter, profile),
    'chapters.reset': ({ chapter, profile }) => labs().resetChapter(chapter, profile),
    'chapters.showMe': ({ chapter, step, profile }) => labs().solveStep(chapter, step, profile),
    async 'chapters.resetLab'({ profile }) {
      await labs().resetLab(profile);
      return {};
    },
    async 'chapters.export'({ profile }) {
      const signed = labs().exportProgress(profile);
      return { json: JSON.stringify(signed, null, 2), html: labs().exportHtml(profile) };
    },
  };
}
