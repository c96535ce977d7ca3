/**
 * What the `aws` command needs from whoever runs it (a terminal of the workstation or of an instance):
 * the dispatcher, the credential lookup, a filesystem, the environment and the output streams. The CLI
 * touches no process globals, so one engine can run many terminals at once.
 */
import type { Call, Principal } from '../protocol/types';

export interface AwsCliFs {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  stat(path: string): Promise<{ isFile: boolean; isDirectory: boolean; size: number; mtimeMs: number } | undefined>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, opts: { recursive: true }): Promise<void>;
  rm(path: string): Promise<void>;
}

export interface AwsCliHost {
  /** The dispatcher (engine.call). */
  call: Call;
  /** engine.lookupAccessKey: the secret and principal behind an access key id. */
  resolveCredentials(accessKeyId: string): { secretAccessKey: string; principal: Principal } | undefined;
  /** The guest's filesystem; paths are absolute (the CLI resolves them against cwd). */
  fs: AwsCliFs;
  env: Record<string, string>;
  cwd: string;
  home: string;
  /** For `aws configure`'s prompts. */
  stdin?: { readLine(prompt: string, opts?: { secret?: boolean }): Promise<string | undefined> };
  stdout(text: string): void;
  stderr(text: string): void;
  /** Inside an instance: the role credentials from the metadata service. */
  instanceCredentials?(): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined>;
  /** The simulated clock (waiters, s3 sync times, presign). */
  now(): number;
  /** Waiter delays on the simulated clock (the host fast-forwards). */
  sleep(ms: number): Promise<void>;
  /** `Linux/<kernel> exe/x86_64.<distro>` for `aws --version` (the guest's uname); a generic line without it. */
  platform?: string;
}
