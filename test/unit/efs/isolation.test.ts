/** EFS file systems with the same creation token in two accounts and two regions never see each other. */
import { afterAll, it } from 'vitest';
import { createClock } from '../../../src-main/engine/clock/clock';
import { createEngine } from '../../../src-main/engine/index';
import { expectIsolated } from '../../helpers/isolation';

const engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 5, 1) }) });
afterAll(() => engine.close());

it('keeps file systems apart by account and region', async () => {
  await expectIsolated(engine, {
    make: (call, name) => call('elasticfilesystem', 'CreateFileSystem', { CreationToken: name }),
    names: async (call) => ((await call('elasticfilesystem', 'DescribeFileSystems', {})).FileSystems as { CreationToken: string }[]).map((f) => f.CreationToken),
  });
});
