import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../../src-main/engine/index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('simulated time across restarts', () => {
  it('resumes ahead of real time after a warped run instead of jumping back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nimbus-clock-'));
    dirs.push(dir);
    const first = createEngine({ dataDir: dir });
    first.clock.advance(3 * 24 * 3600_000); // three simulated days ahead
    const before = first.clock.now();
    first.close();
    const second = createEngine({ dataDir: dir });
    expect(second.clock.now()).toBeGreaterThanOrEqual(before);
    expect(second.clock.now() - Date.now()).toBeGreaterThan(3 * 24 * 3600_000 - 60_000);
    second.close();
  });
});
