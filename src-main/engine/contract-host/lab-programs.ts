/**
 * The chapters' programs on the learner's computer (labs/types.ts `LabPrograms`): the book's Node.js
 * programs run as `nimbus exec` runs them (server/exec-command.ts), a child Node process with the
 * lab's endpoint, region and an access key in its environment, and the same preload that points
 * aws-sdk v2 at the lab. The endpoint is known only once a shell listens (`nimbus serve`, the
 * desktop app, `nimbus chapters solve`); before that a program cannot reach the lab and says so.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CommandOutput, LabPrograms } from '../labs/types';

/** Real time a chapter's program may take (they make a handful of calls). */
const PROGRAM_TIMEOUT_MS = 60_000;

export function labPrograms(resourcesDir: string, endpoint: () => string | undefined): LabPrograms {
  return {
    node(file, args, key) {
      const url = endpoint();
      if (!url) return Promise.reject(new Error("the lab's AWS endpoint is not listening, so no program can reach it (start the lab with nimbus serve)"));
      const preload = join(resourcesDir, 'exec', 'aws-sdk-v2-endpoint.cjs');
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_ENDPOINT_URL: url,
        AWS_ACCESS_KEY_ID: key.accessKeyId,
        AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
        AWS_REGION: key.region,
        AWS_DEFAULT_REGION: key.region,
        AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
        // The desktop app's executable is Electron: run it as plain Node.
        ELECTRON_RUN_AS_NODE: '1',
        ...(existsSync(preload) ? { NODE_OPTIONS: `--require ${JSON.stringify(preload)}` } : {}),
      };
      return new Promise<CommandOutput>((resolve, reject) => {
        const child = spawn(process.execPath, [file, ...args], { cwd: dirname(file), env, stdio: ['ignore', 'pipe', 'pipe'], timeout: PROGRAM_TIMEOUT_MS });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ stdout, stderr: signal ? `${stderr}(stopped by ${signal})\n` : stderr, exitCode: code ?? 128 }));
      });
    },
  };
}
