/**
 * The one file that wraps just-bash. It turns just-bash's "one script in, output out" model into a
 * shell *session*: cwd, variables, functions, arrays, `set` options and aliases carry over from one
 * input line to the next, our guest commands are registered as custom commands, host-facing
 * features stay off (no python, no js-exec, no sqlite worker, no real network: our curl is a guest
 * command), and every limit comes from guest/limits.ts.
 *
 * What just-bash lacks, and what this file does about it:
 * - It keeps functions and `set` options per exec: the statement hook (below) sees the top-level
 *   interpreter state, which is written back into the session after each line.
 * - Its `bash`/`sh` know only `-c` and a file: ours read bash's flags (-e -x -ex -s -o pipefail...).
 * - Its `./script` runner ignores the `#!` line and keeps nine arguments: ours runs the line's
 *   interpreter with its flags (`#!/bin/bash -ex`) and every argument.
 * - It runs a script to its end in one go: the statement hook gives the event loop back every few
 *   milliseconds (guest/cpu.ts), accounts CPU, and stops a line over its CPU budget.
 * The two hooks are a small patch applied on install (scripts/patch-just-bash.mjs); without it the
 * shell still works, minus those (see `patched`).
 */
import { Bash, defineCommand, parse, serialize, type CommandName, type IFileSystem } from 'just-bash';
import { GUEST_LIMITS, limitMessage } from './limits';
import { CpuMeter } from './cpu';
import { isShell, parseBashArgs, parseShebang, scriptBody, shellQuote } from './bash-args';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A line's result, and whether it ended the shell (`exit`, or a failure under `set -e`). */
export interface LineOutput extends CommandOutput {
  exited?: boolean;
  /** Stopped from outside (Ctrl-C, the CPU budget): the rest of a script does not run either. */
  stopped?: boolean;
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
  /** Runnable real milliseconds this shell burnt (guest/cpu.ts charges them to the instance). */
  onCpu?(realMs: number): void;
  /** Overrides GUEST_LIMITS.maxCpuSecondsPerLine (tests). */
  cpuBudgetMs?: number;
  /** A `read` with nothing on its standard input asks the terminal, if there is one (undefined: none). */
  readTerminal?(prompt: string, secret: boolean): Promise<string | null> | undefined;
  /** Output of a script run at the prompt, one top-level statement at a time. */
  scriptOutput?(text: string): void;
}

/** The hooks scripts/patch-just-bash.mjs adds to just-bash's interpreter. */
const ON_STATEMENT = Symbol.for('nimbus.onStatement');
const ON_RESULT = Symbol.for('nimbus.onResult');
const RUN_SCRIPT = Symbol.for('nimbus.runScript');
const COMMAND_WITHOUT_FILE = Symbol.for('nimbus.commandWithoutFile');

/** What the hooks see of just-bash's interpreter (its own names; not part of its typed API). */
interface JbState {
  env: Map<string, string>;
  cwd: string;
  signal?: AbortSignal;
  lastExitCode: number;
  [key: string]: unknown;
}
interface JbExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}
interface JbExecOptions {
  env?: Record<string, string>;
  cwd: string;
  stdin?: string;
  signal?: AbortSignal;
}
interface JbContext {
  state: JbState;
  fs: IFileSystem;
  substitutionDepth?: number;
  execFn(script: string, opts: JbExecOptions): Promise<JbExecResult>;
}
/** The few AST shapes the `read` hook looks at. */
interface JbWordPart {
  type: string;
  value?: string;
  parameter?: string;
  operation?: unknown;
  parts?: JbWordPart[];
}
interface JbStatement {
  pipelines?: { commands?: { type: string; name?: { parts: JbWordPart[] }; args?: { parts: JbWordPart[] }[]; redirections?: unknown[] }[] }[];
}

/** A word's text when it is literal, quoted or plain $VAR / ${VAR}; undefined for anything else. */
function wordText(parts: JbWordPart[], env: Map<string, string>): string | undefined {
  let out = '';
  for (const p of parts) {
    if (p.type === 'Literal' || p.type === 'SingleQuoted' || p.type === 'Escaped') out += p.value ?? '';
    else if (p.type === 'DoubleQuoted') {
      const inner = wordText(p.parts ?? [], env);
      if (inner === undefined) return undefined;
      out += inner;
    } else if (p.type === 'ParameterExpansion' && !p.operation && p.parameter) out += env.get(p.parameter) ?? '';
    else return undefined;
  }
  return out;
}

/** A statement that is one `read` with no redirections: its -p prompt and whether -s hides the answer. */
function loneRead(st: JbStatement | undefined, env: Map<string, string>): { prompt: string; secret: boolean } | undefined {
  const cmds = st?.pipelines?.length === 1 ? st.pipelines[0]!.commands : undefined;
  const c = cmds?.length === 1 ? cmds[0]! : undefined;
  if (!c || c.type !== 'SimpleCommand' || c.redirections?.length || wordText(c.name?.parts ?? [], env) !== 'read') return undefined;
  let prompt = '';
  let secret = false;
  const args = (c.args ?? []).map((a) => wordText(a.parts, env) ?? '');
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '--') break;
    if (a.includes('s')) secret = true;
    if (a.endsWith('p')) prompt = args[++i] ?? '';
    else if (/[tndua]$/.test(a)) i++;
  }
  return { prompt, secret };
}

/** Interpreter state that outlives a line in bash (the rest is per line: loop depth, stdin...). */
const PERSISTED = ['functions', 'shoptOptions', 'arrays', 'exportedVars', 'readonlyVars', 'previousDir', 'lastBackgroundPid', 'nextVirtualPid', 'lastArg'] as const;

/**
 * A variable put in the session's variables before a line and removed by the line's first
 * statement: just-bash answers an `exit` (or a `set -e` failure) with the variables it started
 * from, so finding it again says the line ended the shell.
 */
const LINE_MARK = '__NIMBUS_LINE__';

/** Whether this process's just-bash carries the hooks (set the first time one is called). */
export const patched = { statementHook: false };

interface ScriptRun {
  exec(script: string, opts: JbExecOptions): Promise<JbExecResult>;
  text: string;
  name: string;
  args: readonly string[];
  set: readonly string[];
  cwd: string;
  stdin?: string;
  signal?: AbortSignal;
  exported: Record<string, string>;
}

/** Runs a shell script as bash would run it in a child: its own $0 and arguments, flags as `set`. */
function runShellScript(r: ScriptRun): Promise<JbExecResult> {
  const env: Record<string, string> = { ...r.exported, '0': r.name, '#': String(r.args.length), '@': r.args.join(' '), '*': r.args.join(' ') };
  r.args.forEach((a, i) => (env[String(i + 1)] = a));
  const prefix = r.set.length ? `set ${r.set.join(' ')}\n` : '';
  return r.exec(`${prefix}${scriptBody(r.text)}`, { env, cwd: r.cwd, ...(r.stdin !== undefined ? { stdin: r.stdin } : {}), ...(r.signal ? { signal: r.signal } : {}) });
}

function exportedOf(state: JbState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of (state.exportedVars as Set<string> | undefined) ?? []) {
    const v = state.env.get(k);
    if (v !== undefined) out[k] = v;
  }
  return out;
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

/**
 * One statement's output as a terminal or a log shows it: its own `set -x` trace line first, then
 * what it printed, then the rest of its errors (just-bash keeps the two streams apart).
 */
export function inOrder(out: { stdout: string; stderr: string }): string {
  if (!out.stderr.startsWith('+ ')) return out.stdout + out.stderr;
  const nl = out.stderr.indexOf('\n') + 1 || out.stderr.length;
  return out.stderr.slice(0, nl) + out.stdout + out.stderr.slice(nl);
}

/** The top-level statements of a script, each as source text and whether it ends in `&` (none when it does not parse). */
export function splitStatements(script: string): { text: string; background: boolean }[] {
  try {
    const ast = parse(script);
    return ast.statements.map((st) => ({ text: serialize({ ...ast, statements: [{ ...st, background: false }] }), background: !!st.background }));
  } catch {
    return [];
  }
}

function errorResult(e: unknown): CommandOutput {
  const msg = (e as Error).message ?? String(e);
  const m = /^(E[A-Z]+): .*?, [a-z]+ '([^']*)'/.exec(msg);
  if (m) return { stdout: '', stderr: `-bash: ${m[2]}: ${STRERROR[m[1]!] ?? m[1]}\n`, exitCode: 1 };
  if (/lab limit guest\./.test(msg)) return { stdout: '', stderr: `${msg.replace(/^E[A-Z]+: /, '')}\n`, exitCode: 126 };
  return { stdout: '', stderr: `-bash: ${msg}\n`, exitCode: 1 };
}

/** No wall-clock deadline: just-bash's own is set beyond reach (setTimeout's largest delay). */
const NO_DEADLINE_MS = 2 ** 31 - 1;

/**
 * A shell session over just-bash. State between lines: variables (just-bash returns them all after
 * each run; aliases are BASH_ALIAS_* entries among them), cwd ($PWD), and the interpreter state the
 * statement hook hands back (functions, arrays, `set` and `shopt` options).
 */
export class ShellSession {
  private readonly bash: Bash;
  private env: Record<string, string>;
  private cwdNow: string;
  private running = false;
  private readonly meter: CpuMeter;
  private readonly cpuBudgetMs: number;
  /** The interpreter state of the line being run (the first statement's). */
  private top: JbState | undefined;
  private lineAbort: AbortController | undefined;
  private lineCpuStart = 0;
  private overBudget = false;

  constructor(opts: ShellOptions) {
    this.env = Object.assign(Object.create(null) as Record<string, string>, opts.env, { PWD: opts.cwd });
    this.cwdNow = opts.cwd;
    this.meter = new CpuMeter((ms) => opts.onCpu?.(ms));
    this.cpuBudgetMs = opts.cpuBudgetMs ?? GUEST_LIMITS.maxCpuSecondsPerLine * 1000;
    const wrap = (c: ShellCommand) =>
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
      });
    // bash and sh with bash's flags; the script runs in a child scope of the same interpreter.
    const shellCommand = (name: 'bash' | 'sh') =>
      defineCommand(name, async (args, ctx) => {
        const inv = parseBashArgs(args, name);
        if (inv.answer) return inv.answer;
        if (!ctx.exec) return { stdout: '', stderr: `${name}: cannot run a sub-shell here\n`, exitCode: 126 };
        let text: string;
        let stdin: string | undefined = ctx.stdin === undefined ? undefined : String(ctx.stdin);
        if (inv.source === 'command') text = inv.text!;
        else if (inv.source === 'stdin') {
          text = Buffer.from(String(ctx.stdin ?? ''), 'latin1').toString('utf8');
          stdin = '';
        } else {
          try {
            text = await ctx.fs.readFile(ctx.fs.resolvePath(ctx.cwd, inv.text!));
          } catch (e) {
            const code = /^(E[A-Z]+)/.exec((e as Error).message)?.[1];
            const why = code === 'EACCES' ? 'Permission denied' : code === 'EISDIR' ? 'Is a directory' : 'No such file or directory';
            return { stdout: '', stderr: `${name}: ${inv.text}: ${why}\n`, exitCode: code === 'EACCES' || code === 'EISDIR' ? 126 : 127 };
          }
        }
        const exported: Record<string, string> = { ...(ctx.exportedEnv ?? {}) };
        this.startingScript();
        const r = await runShellScript({
          exec: (script, o) => ctx.exec!(script, o),
          text,
          name: inv.name,
          args: inv.args,
          set: inv.set,
          cwd: ctx.cwd,
          ...(stdin !== undefined ? { stdin } : {}),
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          exported,
        });
        return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
      });
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
        maxExecutionTimeMs: NO_DEADLINE_MS,
        maxFileSystemBytes: GUEST_LIMITS.maxFileWriteBytes,
        // python3 runs in a worker (it never blocks the lab); its runaway guard is the line's CPU budget.
        maxPythonTimeoutMs: GUEST_LIMITS.maxCpuSecondsPerLine * 1000,
      },
      // Our commands use the engine's timers (the clock, batched event rows): just-bash's
      // defence in depth would block them. No JavaScript of the learner's runs in a guest.
      defenseInDepth: false,
      // CPython-WASM in a worker, isolated by construction; the guest's python3 command decides who has it.
      python: true,
      sleep: (ms) => opts.sleep(ms, this.currentSignal),
      ...(opts.processInfo ? { processInfo: opts.processInfo } : {}),
      customCommands: [...opts.commands.map(wrap), shellCommand('bash'), shellCommand('sh')],
    });
    const limits = (this.bash as unknown as { limits: Record<symbol, unknown> }).limits;
    limits[ON_STATEMENT] = (ctx: JbContext, st?: JbStatement) => this.onStatement(ctx, st);
    limits[ON_RESULT] = (ctx: JbContext, res: JbExecResult) => this.onResult(ctx, res);
    this.readTerminal = opts.readTerminal;
    this.scriptOutput = opts.scriptOutput;
    limits[RUN_SCRIPT] = (ctx: JbContext, path: string, args: string[], stdin?: string) => this.runScriptFile(ctx, path, args, stdin);
    // Every program a guest has is a file in $PATH (base tree, packages): `command -v` names no other.
    limits[COMMAND_WITHOUT_FILE] = () => false;
    this.jbState().shoptOptions = { ...(this.jbState().shoptOptions as object), expand_aliases: true };
    this.defaultOptions = { ...(this.jbState().options as object) };
    this.lineOptions = { ...this.defaultOptions };
  }

  private currentSignal: AbortSignal | undefined;
  /**
   * `set` options: the prompt's own carry over from line to line (set -x stays on), but a child
   * shell (bash -c, ./script) starts from the defaults, as a new bash process does. just-bash copies
   * the options from its state when an exec starts, so the state holds the prompt's only then.
   */
  private readonly defaultOptions: object;
  private lineOptions: object;
  private readonly readTerminal: ShellOptions['readTerminal'];
  private readonly scriptOutput: ShellOptions['scriptOutput'];
  /** The line is one script run at the prompt: its statements' output goes out as they finish. */
  private streamScript = false;
  /** A script was just started for the line; its interpreter is the next new one the hook sees. */
  private scriptStarting = false;
  private scriptState: JbState | undefined;
  /** The line's stdout and stderr end in one file (user data): child scripts' output stays in order. */
  private mergeChildren = false;

  /** Called where a script starts (./file, bash file): the first one of a streaming line streams. */
  private startingScript(): void {
    if (this.streamScript && !this.scriptState) this.scriptStarting = true;
  }

  private jbState(): JbState {
    return (this.bash as unknown as { state: JbState }).state;
  }

  /** Before every statement (the patched hook): remember the line's state, give way, keep the budget. */
  private onStatement(ctx: JbContext, st?: JbStatement): Promise<void> | undefined {
    patched.statementHook = true;
    if (this.running && !this.top) {
      this.top = ctx.state;
      ctx.state.env.delete(LINE_MARK);
    } else if (this.scriptStarting && ctx.state !== this.top) {
      this.scriptStarting = false;
      this.scriptState = ctx.state;
    }
    const wait = this.meter.tick();
    if (!this.overBudget && this.meter.totalMs - this.lineCpuStart > this.cpuBudgetMs) {
      this.overBudget = true;
      this.lineAbort?.abort();
    }
    // `read` with no standard input of its own answers from the terminal (read -p, read -s).
    if (this.readTerminal && ctx.state.groupStdin === undefined) {
      const r = loneRead(st, ctx.state.env);
      const asked = r && this.readTerminal(r.prompt, r.secret);
      if (asked) {
        const answer = (wait ?? Promise.resolve()).then(() => asked);
        return answer.then((a) => {
          ctx.state.groupStdin = a === null ? '' : `${a}\n`;
        });
      }
    }
    return wait;
  }

  /** A top-level statement of the streaming script finished: its output goes out now. */
  private onResult(ctx: JbContext, res: JbExecResult): JbExecResult | undefined {
    if (ctx.substitutionDepth) return undefined;
    const text = inOrder(res);
    // Both streams go to one place (a log): a child script's statements keep their order there.
    if (this.mergeChildren && ctx.state !== this.top && ctx.state !== this.scriptState) return { ...res, stdout: text, stderr: '', internalOutputAccounting: { stdout: text.length, stderr: 0 } } as JbExecResult;
    if (!this.scriptOutput || ctx.state !== this.scriptState) return undefined;
    if (text) this.scriptOutput(humanizeErrors(text));
    return { ...res, stdout: '', stderr: '', internalOutputAccounting: { stdout: 0, stderr: 0 } } as JbExecResult;
  }

  /** `./script` (the patched hook): the `#!` line's interpreter and flags, every argument. */
  private async runScriptFile(ctx: JbContext, path: string, args: string[], stdin?: string): Promise<JbExecResult> {
    let text: string;
    try {
      text = await ctx.fs.readFile(path);
    } catch {
      return { stdout: '', stderr: `-bash: ${path}: No such file or directory\n`, exitCode: 127 };
    }
    const bang = parseShebang(text);
    const cwd = ctx.state.cwd;
    const signal = ctx.state.signal;
    // just-bash hands "" when the script has no input of its own: it then reads the terminal.
    if (stdin === '') stdin = undefined;
    if (bang && !isShell(bang.interpreter)) {
      const line = [bang.interpreter, ...bang.args, path, ...args].map(shellQuote).join(' ');
      return ctx.execFn(line, { cwd, ...(stdin !== undefined ? { stdin } : {}), ...(signal ? { signal } : {}) });
    }
    const inv = parseBashArgs(bang?.args ?? [], (bang?.interpreter as 'bash' | 'sh' | undefined) ?? 'sh');
    if (inv.answer) return inv.answer;
    this.startingScript();
    return runShellScript({
      exec: (script, o) => ctx.execFn(script, o),
      text,
      name: path,
      args,
      set: inv.set,
      cwd,
      ...(stdin !== undefined ? { stdin } : {}),
      ...(signal ? { signal } : {}),
      exported: exportedOf(ctx.state),
    });
  }

  get cwd(): string {
    return this.cwdNow;
  }
  get busy(): boolean {
    return this.running;
  }
  /** Runnable real milliseconds this shell has burnt (ps, top). */
  get cpuMs(): number {
    return this.meter.totalMs;
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
  /** Exported variables: what a child process (a background job) starts with. */
  exportedEnv(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of (this.jbState().exportedVars as Set<string> | undefined) ?? []) if (this.env[k] !== undefined) out[k] = this.env[k]!;
    return out;
  }
  /** `set -e` is on: a script run statement by statement stops at a failing one. */
  get errexit(): boolean {
    return (this.lineOptions as { errexit?: boolean }).errexit === true;
  }
  /** The session's shell functions (names), for `declare -F`-like tools and tests. */
  functionNames(): string[] {
    const f = this.jbState().functions;
    return f instanceof Map ? [...f.keys()].map(String) : [];
  }

  /** Runs one input line (possibly several commands) with the session's state. */
  async run(line: string, opts: { stdin?: string; signal?: AbortSignal; streamScript?: boolean; mergeChildren?: boolean } = {}): Promise<LineOutput> {
    const state = this.jbState();
    // $? and PIPESTATUS start as the previous line left them; aliases live in the variables.
    state.lastExitCode = Number(this.env['?'] ?? 0);
    const script = line;
    this.running = true;
    this.currentSignal = opts.signal;
    this.top = undefined;
    this.streamScript = !!opts.streamScript;
    this.mergeChildren = !!opts.mergeChildren;
    this.scriptState = undefined;
    this.scriptStarting = false;
    this.overBudget = false;
    this.meter.reset();
    this.lineCpuStart = this.meter.totalMs;
    const abort = new AbortController();
    this.lineAbort = abort;
    const onAbort = (): void => abort.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // The session's variables and cwd go in as the interpreter's own state (not as exec's `env`,
      // whose replaceEnv would also drop arrays).
      state.env = new Map(Object.entries(this.env));
      state.env.set(LINE_MARK, '1');
      state.cwd = this.cwdNow;
      state.options = { ...this.lineOptions };
      const running = this.bash.exec(script, {
        rawScript: true,
        ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
        signal: abort.signal,
      });
      state.options = { ...this.defaultOptions };
      const r = await running;
      // (A stopped line also comes back with them: Ctrl-C, the CPU budget.)
      const exited = !!this.top && r.env[LINE_MARK] !== undefined && !abort.signal.aborted;
      this.persist();
      // After `exit` just-bash hands back the variables the line started from: the line's own are in its state.
      this.env = exited ? Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(this.top!.env)) : r.env;
      delete this.env[LINE_MARK];
      // $? of the next line is this line's status, whatever the last builtin left in the map.
      this.env['?'] = String(r.exitCode);
      if (r.env.PWD) this.cwdNow = r.env.PWD;
      const stopped = abort.signal.aborted;
      // just-bash's own word for a stopped line; the terminal has shown ^C, the budget says its own.
      let stderr = humanizeErrors(stopped ? r.stderr.replace(/^bash: execution aborted\n/m, '') : r.stderr);
      if (this.overBudget) stderr += `${limitMessage('maxCpuSecondsPerLine', 'this command line used its CPU budget and was stopped')}\n`;
      return { stdout: r.stdout, stderr, exitCode: this.overBudget ? 152 : r.exitCode, ...(exited ? { exited } : {}), ...(stopped ? { stopped } : {}) };
    } catch (e) {
      const out = errorResult(e);
      this.env['?'] = String(out.exitCode);
      return out;
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      this.running = false;
      this.currentSignal = undefined;
      this.lineAbort = undefined;
      this.top = undefined;
      this.streamScript = false;
      this.scriptState = undefined;
      this.scriptStarting = false;
    }
  }

  /** Functions, arrays and options the line defined live on (just-bash copies them per exec). */
  private persist(): void {
    const top = this.top;
    if (!top) return;
    const state = this.jbState();
    for (const k of PERSISTED) if (top[k] !== undefined) state[k] = top[k];
    if (top.options) this.lineOptions = { ...(top.options as object) };
  }
}
