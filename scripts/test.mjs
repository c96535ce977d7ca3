#!/usr/bin/env node
// `npm test`: builds what the tests drive (the CLI bundle and the browser console), then runs every
// vitest project (unit, integration, e2e) and ends with one plain summary line for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
};

if (run(process.execPath, ['bin/nimbus', 'build']) !== 0) process.exit(1);
if (run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']) !== 0)
  process.exit(1);

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'vitest.json');
const status = run(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  ...process.argv.slice(2),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  // A run that executed nothing is a broken run, not a green one.
  if (r.numTotalTests === 0) process.exit(1);
}
process.exit(status);
