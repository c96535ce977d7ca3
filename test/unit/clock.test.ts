import { describe, expect, it } from 'vitest';
import { createClock } from '../../src-main/engine/clock/clock';

describe('clock', () => {
  it('runs scheduled work in time order when advanced', () => {
    const clock = createClock({ warp: 0, start: 1_000 });
    const seen: string[] = [];
    clock.at(3_000, () => seen.push('b'));
    clock.at(2_000, () => seen.push('a'));
    const cancel = clock.at(2_500, () => seen.push('cancelled'));
    cancel();
    clock.advance(1_500);
    expect(seen).toEqual(['a']);
    clock.advance(500);
    expect(seen).toEqual(['a', 'b']);
    expect(clock.now()).toBe(3_000);
  });

  it('moves with real time times the warp factor', () => {
    let real = 0;
    const clock = createClock({ warp: 10, start: 0, realNow: () => real });
    real = 100;
    expect(clock.now()).toBe(1_000);
    clock.setWarp(1);
    real = 200;
    expect(clock.now()).toBe(1_100);
  });
});
