/**
 * The `aws` command inside guests: the lab's CLI (engine/cli) over the guest's own files and
 * environment. On the workstation it reads ~/.aws like the real CLI; inside an instance it also
 * finds the instance role's credentials, as the real CLI asks the metadata service.
 */
import type { AwsCliFs, AwsCliHost } from '../cli/host';
import { runAwsCli } from '../cli/index';
import type { Call, Principal } from '../protocol/types';
import type { CommandOutput, ShellCommand } from '../guest/shell';
import type { GuestLike, GuestFsLike, SessionInfo } from '../guest/types';

export interface AwsCommandDeps {
  call: Call;
  resolveCredentials(accessKeyId: string): { secretAccessKey: string; principal: Principal } | undefined;
  now(): number;
  /** Simulated sleep; ends early when the line is stopped (Ctrl-C). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  instanceCredentials(guest: GuestLike): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
}

function cliFs(fs: GuestFsLike): AwsCliFs {
  return {
    readFile: async (p) => fs.readSync(p),
    writeFile: async (p, data) => fs.writeSync(p, data, false),
    stat: async (p) => {
      try {
        const s = fs.statSync(p);
        return { isFile: s.isFile, isDirectory: s.isDirectory, size: s.size, mtimeMs: s.mtime.getTime() };
      } catch {
        return undefined;
      }
    },
    readdir: async (p) => fs.listSync(p),
    mkdir: async (p) => fs.mkdirSync(p, true),
    rm: (p) => fs.rm(p),
  };
}

export function awsCommand(deps: AwsCommandDeps, guest: GuestLike, session: SessionInfo): ShellCommand {
  return {
    name: 'aws',
    async run(args, ctx): Promise<CommandOutput> {
      const io = session.terminal();
      const streaming = !!io?.streaming;
      let stdout = '';
      let stderr = '';
      const env: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [k, v] of ctx.env) env[k] = v;
      const home = env.HOME ?? '/root';
      const host: AwsCliHost = {
        call: deps.call,
        resolveCredentials: deps.resolveCredentials,
        fs: cliFs(session.files()),
        env,
        cwd: ctx.cwd,
        home,
        ...(io
          ? {
              stdin: {
                readLine: async (prompt: string, o?: { secret?: boolean }) => (await io.readLine(prompt, o)) ?? undefined,
              },
            }
          : {}),
        stdout: (t) => {
          if (streaming) io!.write(t.replace(/\r?\n/g, '\r\n'));
          else stdout += t;
        },
        stderr: (t) => {
          if (streaming) io!.write(t.replace(/\r?\n/g, '\r\n'));
          else stderr += t;
        },
        ...(guest.identity.kind === 'instance' ? { instanceCredentials: async () => deps.instanceCredentials(guest) } : {}),
        now: deps.now,
        // A waiter stopped with Ctrl-C stops sleeping at once (the line is being stopped).
        sleep: (ms) => deps.sleep(ms, ctx.signal),
      };
      const code = await runAwsCli(args, host);
      return { stdout, stderr, exitCode: code };
    },
  };
}
