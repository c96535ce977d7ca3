/**
 * A chapter started on a fresh lab is red on every step it does not hand over: its prepared state
 * (mykey, mycli…) does the work of earlier chapters, never a step of its own. Steps waiting for a
 * part of the lab still to come say so and are not counted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../../src-main/engine/labs/chapters/index';
import { openLab, type TestLab } from './helpers';

let lab: TestLab | undefined;
afterEach(() => {
  lab?.close();
  lab = undefined;
});

describe.each(CHAPTERS.map((c) => [c.number] as const))('chapter %i on a fresh lab', (n) => {
  it('has no step done', async () => {
    lab = openLab();
    const s = await lab.labs.start(n);
    const done = s.steps.filter((x) => x.status === 'passed').map((x) => x.id);
    expect(done).toEqual([]);
    for (const step of s.steps) {
      if (step.status === 'unavailable') expect(step.counted, step.id).toBe(false);
      else expect(step.status, `${step.id}: ${step.detail}`).toBe('failed');
    }
    expect(s.passed).toBe(0);
  });
});
