/**
 * vi and nano through a real terminal: `./bin/nimbus shell` under a pty (util-linux `script`),
 * keys sent one at a time as a person types them, against a real lab. The files they save are read
 * back through a second, batch-mode `nimbus shell`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, repoRoot, startLab, type RunningLab } from '../../helpers/lab';

let lab: RunningLab;
beforeAll(async () => {
  lab = await startLab();
}, 90_000);
afterAll(async () => {
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!existsSync('/usr/bin/script'))('editors under a pty', () => {
  it('vi and nano save what was typed', async () => {
    const nimbus = `${process.execPath} ${join(repoRoot, 'bin', 'nimbus')} shell --data ${lab.dataDir}`;
    const child = spawn('/usr/bin/script', ['-qfec', nimbus, '/dev/null'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TERM: 'xterm-256color' } });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString('utf8')));
    const waitFor = async (text: string, ms = 20_000): Promise<void> => {
      const start = Date.now();
      while (!screen.includes(text)) {
        if (Date.now() - start > ms) throw new Error(`never saw ${JSON.stringify(text)} on the screen:\n${screen.slice(-2000)}`);
        await sleep(50);
      }
    };
    const keys = async (...ks: string[]): Promise<void> => {
      for (const k of ks) {
        child.stdin.write(k);
        await sleep(120);
      }
    };
    await waitFor('learner@workstation:~$ ');
    await keys('vi hello.txt\r');
    await waitFor('"hello.txt" [New File]');
    await keys('i', ...'hi from vi', '\x1b', ...':wq', '\r');
    await waitFor('\x1b[?1049l');
    await keys('nano n.txt\r');
    await waitFor('GNU nano');
    await keys(...'yo', '\x0f');
    await waitFor('File Name to Write: n.txt');
    await keys('\r');
    await waitFor('[ Wrote 1 line ]');
    await keys('\x18');
    await sleep(500);
    await keys('exit\r');
    await waitFor('exit\r\r\n');
    // The shell has logged out; the client may take a while to drop its socket, which this test does not judge.
    await new Promise<void>((r) => {
      child.once('exit', () => r());
      setTimeout(() => {
        child.kill();
        r();
      }, 5_000);
    });
    const check = spawnSync(process.execPath, [join(repoRoot, 'bin', 'nimbus'), 'shell', '--data', lab.dataDir], { cwd: repoRoot, input: 'cat hello.txt n.txt\n', encoding: 'utf8', timeout: 30_000 });
    expect(check.stdout).toBe('hi from vi\nyo\n');
  }, 60_000);
});
