/**
 * The one file that wraps just-bash. It turns just-bash's "one script in, output out" model into a
 * shell *session*: cwd, variables, exported environment and aliases carry over from one input line to
 * the next, our guest commands are registered as custom commands, host-facing features stay off (no
 * python, no js-exec, no sqlite worker, no real network: our curl is a guest command), and every
 * limit comes from guest/limits.ts.
 */
import { Bash, defineCommand, type CommandName, type IFileSystem } from 'just-bash';
import { GUEST_LIMITS } from './limits';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface SubExecOptions {
  cwd?: string;
  stdin?: string;
  env?: Record<string, string>;
}

/** What a guest command sees when the shell runs it. */
export interface ShellCommandContext {
  cwd: string;
  /** The command's environment (shell variables included, as just-bash passes them). */
  env: ReadonlyMap<string, string>;
  stdin: string;
  /** Runs a command line in a sub-shell of the same session (sudo, xargs-like tools, cloud-init). */
  exec(line: string, opts?: SubExecOptions): Promise<CommandOutput>;
  /** The bundled command this one replaces, when it replaces one (ls, tee...). */
  builtin?: (args: string[]) => Promise<CommandOutput>;
  signal?: AbortSignal;
}

export interface ShellCommand {
  name: string;
  run(args: string[], ctx: ShellCommandContext): Promise<CommandOutput>;
}

/** Bundled commands the guest keeps. Everything that could reach the host is left out. */
export const BUILTINS: CommandName[] = [
  'echo', 'cat', 'printf', 'ls', 'mkdir', 'rmdir', 'touch', 'rm', 'cp', 'mv', 'ln', 'chmod', 'pwd', 'readlink',
  'head', 'tail', 'wc', 'stat', 'grep', 'fgrep', 'egrep', 'sed', 'awk', 'sort', 'uniq', 'comm', 'cut', 'paste',
  'tr', 'rev', 'nl', 'fold', 'expand', 'unexpand', 'strings', 'split', 'column', 'join', 'tee', 'find', 'basename',
  'dirname', 'tree', 'du', 'env', 'printenv', 'alias', 'unalias', 'xargs', 'true', 'false', 'clear', 'bash',
  'sh', 'jq', 'base64', 'diff', 'sleep', 'timeout', 'seq', 'expr', 'md5sum', 'sha1sum', 'sha256sum', 'file',
  'help', 'which', 'tac', 'od', 'gzip', 'gunzip', 'zcat', 'tar', 'yq', 'time',
];

export interface ShellOptions {
  fs: unknown;
  commands: ShellCommand[];
  env: Record<string, string>;
  cwd: string;
  /** Simulated sleep (the guest's `sleep` follows the lab's clock and stops on Ctrl-C). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  processInfo?: { pid: number; ppid: number; uid: number; gid: number };
}

const STRERROR: Record<string, string> = {
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOTEMPTY: 'Directory not empty',
  EEXIST: 'File exists',
  ELOOP: 'Too many levels of symbolic links',
  EBUSY: 'Device or resource busy',
  EFBIG: 'File too large',
};
const NODE_ERROR = /\b(E[A-Z]+): [a-z ]+, [a-z]+ '[^']*'/g;

/** just-bash's limit options, as the guest's own limits (guest/limits.ts) that set them. */
const LIMIT_NAMES: Record<string, keyof typeof GUEST_LIMITS> = {
  maxCommandCount: 'maxCommandCount',
  maxLoopIterations: 'maxLoopIterations',
  maxCallDepth: 'maxCallDepth',
  maxOutputSize: 'maxTerminalOutputBytes',
  maxExecutionTimeMs: 'maxExecutionTimeMs',
  maxFileSystemBytes: 'maxFileWriteBytes',
};
const JB_LIMIT = /^(.*?)(?:,\s*)?(?:increase|raise|see) executionLimits\.(\w+).*$/gm;

/** Node-style messages that leak through bundled commands become the C library's words; limits name the lab's. */
export function humanizeErrors(text: string): string {
  if (!text.includes(': ')) return text;
  return text
    .replace(NODE_ERROR, (m, code: string) => STRERROR[code] ?? m)
    .replace(/^bash: ([^:\n]+): (?:command not found|command not available in browser environments\..*)$/gm, '-bash: $1: command not found')
    .replace(/^bash: ([\w.-]+): iteration limit exceeded \((\d+)\)$/gm, `-bash: $1: iteration limit exceeded (lab limit guest.maxLoopIterations = ${GUEST_LIMITS.maxLoopIterations})`)
    .replace(JB_LIMIT, (m, what: string, option: string) => {
      const ours = LIMIT_NAMES[option];
      return ours ? `${what.replace(/^bash: /, '-bash: ')} (lab limit guest.${ours} = ${GUEST_LIMITS[ours]})` : m;
    });
}

function errorResult(e: unknown): CommandOutput {
  const msg = (e as Error).message ?? String(e);
  const m = /^(E[A-Z]+): .*?, [a-z]+ '([^']*)'/.exec(msg);
  if (m) return { stdout: '', stderr: `-bash: ${m[2]}: ${STRERROR[m[1]!] ?? m[1]}\n`, exitCode: 1 };
  if (/lab limit guest\./.test(msg)) return { stdout: '', stderr: `${msg.replace(/^E[A-Z]+: /, '')}\n`, exitCode: 126 };
  return { stdout: '', stderr: `-bash: ${msg}\n`, exitCode: 1 };
}

const quoteAlias = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`;

/**
 * A shell session over just-bash. State between lines: variables (just-bash returns them all after
 * each run), cwd ($PWD), aliases (BASH_ALIAS_* entries, replayed before the next line).
 */
export class ShellSession {
  private readonly bash: Bash;
  private env: Record<string, string>;
  private cwdNow: string;
  private running = false;

  constructor(opts: ShellOptions) {
    this.env = Object.assign(Object.create(null) as Record<string, string>, opts.env, { PWD: opts.cwd });
    this.cwdNow = opts.cwd;
    this.bash = new Bash({
      fs: opts.fs as IFileSystem,
      cwd: opts.cwd,
      env: opts.env,
      commands: BUILTINS,
      executionLimitProfile: 'hardened',
      executionLimits: {
        maxCommandCount: GUEST_LIMITS.maxCommandCount,
        maxLoopIterations: GUEST_LIMITS.maxLoopIterations,
        maxCallDepth: GUEST_LIMITS.maxCallDepth,
        maxOutputSize: GUEST_LIMITS.maxTerminalOutputBytes,
        maxExecutionTimeMs: GUEST_LIMITS.maxExecutionTimeMs,
        maxFileSystemBytes: GUEST_LIMITS.maxFileWriteBytes,
      },
      sleep: (ms) => opts.sleep(ms, this.currentSignal),
      ...(opts.processInfo ? { processInfo: opts.processInfo } : {}),
      customCommands: opts.commands.map((c) =>
        defineCommand(c.name, async (args, ctx) => {
          const stdin = Buffer.from(String(ctx.stdin ?? ''), 'latin1').toString('utf8');
          const env = new Map<string, string>();
          for (const [k, v] of ctx.env) env.set(k, v);
          const exec = async (line: string, o: SubExecOptions = {}): Promise<CommandOutput> => {
            if (!ctx.exec) return { stdout: '', stderr: 'bash: cannot run a sub-shell here\n', exitCode: 126 };
            try {
              const r = await ctx.exec(line, {
                cwd: o.cwd ?? ctx.cwd,
                ...(o.stdin !== undefined ? { stdin: o.stdin } : {}),
                ...(o.env ? { env: o.env } : {}),
                ...(ctx.signal ? { signal: ctx.signal } : {}),
              });
              return { stdout: r.stdout, stderr: humanizeErrors(r.stderr), exitCode: r.exitCode };
            } catch (e) {
              return errorResult(e);
            }
          };
          const out = await c.run(args, {
            cwd: ctx.cwd,
            env,
            stdin,
            exec,
            ...(ctx.origCommand
              ? {
                  builtin: async (a: string[]) => {
                    const r = await ctx.origCommand!(a);
                    return { stdout: r.stdout, stderr: humanizeErrors(r.stderr), exitCode: r.exitCode };
                  },
                }
              : {}),
            ...(ctx.signal ? { signal: ctx.signal } : {}),
          });
          return { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode };
        }),
      ),
    });
  }

  private currentSignal: AbortSignal | undefined;

  get cwd(): string {
    return this.cwdNow;
  }
  get busy(): boolean {
    return this.running;
  }
  getVar(name: string): string | undefined {
    return this.env[name];
  }
  setVar(name: string, value: string): void {
    this.env[name] = value;
  }
  aliases(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, v] of Object.entries(this.env)) if (k.startsWith('BASH_ALIAS_')) out.set(k.slice(11), v);
    return out;
  }

  /** Runs one input line (possibly several commands) with the session's state. */
  async run(line: string, opts: { stdin?: string; signal?: AbortSignal } = {}): Promise<CommandOutput> {
    const aliases = [...this.aliases()].map(([k, v]) => `alias ${k}=${quoteAlias(v)}`);
    // $? starts as the previous line's status (just-bash keeps it outside the variables).
    const status = Number(this.env['?'] ?? 0);
    const restore = status === 0 ? '' : status === 1 ? 'false\n' : `(exit ${status})\n`;
    const script = `shopt -s expand_aliases\n${aliases.length ? `${aliases.join('\n')}\n` : ''}${restore}${line}`;
    this.running = true;
    this.currentSignal = opts.signal;
    try {
      const r = await this.bash.exec(script, {
        env: this.env,
        replaceEnv: true,
        cwd: this.cwdNow,
        rawScript: true,
        ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      this.env = r.env;
      // $? of the next line is this line's status, whatever the last builtin left in the map.
      this.env['?'] = String(r.exitCode);
      if (r.env.PWD) this.cwdNow = r.env.PWD;
      return { stdout: r.stdout, stderr: humanizeErrors(r.stderr), exitCode: r.exitCode };
    } catch (e) {
      const out = errorResult(e);
      this.env['?'] = String(out.exitCode);
      return out;
    } finally {
      this.running = false;
      this.currentSignal = undefined;
    }
  }
}
