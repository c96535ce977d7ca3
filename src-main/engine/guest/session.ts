/**
 * A login shell on a guest: one user, one just-bash session, the prompt the AMI shows, history,
 * and the rules for streaming output (a line that is one plain command may write straight to the
 * screen; with pipes, redirects or several commands the output comes back in order at the end).
 */
import { ShellSession, inOrder, splitStatements, type CommandOutput, type LineOutput } from './shell';
import type { Guest } from './machine';
import type { GuestUser } from './users';
import type { InteractiveProgram, SessionInfo, TerminalIo } from './types';
import { createCommands, type CommandEnv } from './commands/registry';
import { GUEST_LIMITS } from './limits';
import { chargeCpu } from './cpu';
import { JobTable, disownCommand, jobLine, jobsCommand, nohupCommand, type Job } from './jobs/jobs';
import type { GuestFs } from './fs/guest-fs';

export interface GuestShellOptions {
  /** Login shell (prints the MOTD when interactive). */
  login?: boolean;
  /** Shown by ssh before the MOTD ("Last login: ..."). */
  lastLogin?: string;
  /** Extra environment (SSH_AUTH_SOCK for agent forwarding, SSH_CONNECTION...). */
  env?: Record<string, string>;
  tty?: string;
  /** Where the connection came from (who, last). */
  from?: string;
  /** The ssh agent this session can reach (its own, or forwarded with -A). */
  agent?: SshAgent;
  /** Overrides the CPU budget of a line (GUEST_LIMITS.maxCpuSecondsPerLine), in real ms (tests). */
  cpuBudgetMs?: number;
}

/** Keys an ssh-agent holds: private key PEM text, by comment (the file it came from). */
export interface SshAgent {
  keys: Map<string, string>;
}

/** Whether bash would wait for more input (PS2 "> "): an open quote, a heredoc without its end, a trailing \\, | or &&. */
export function needsMoreInput(text: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') {
      if (i === text.length - 1) return true;
      i++;
    }
  }
  if (quote) return true;
  if (/(\|\||&&|\|)\s*$/.test(text)) return true;
  const lines = text.split('\n');
  const re = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
  for (let i = 0; i < lines.length; i++) {
    for (const m of lines[i]!.matchAll(re)) {
      const word = m[3]!;
      const strip = m[1] === '-';
      const end = lines.slice(i + 1).findIndex((l) => (strip ? l.replace(/^\t+/, '') : l) === word);
      if (end < 0) return true;
    }
  }
  return false;
}

/** A line is "plain" when it is one command: no pipes, lists, redirects or substitutions. */
export function isPlainLine(line: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if ('|;&<>`\n'.includes(c)) return false;
    else if (c === '$' && line[i + 1] === '(') return false;
  }
  return true;
}

/**
 * A line that runs a script (bash FILE, sh -c …, source FILE, . FILE, ./FILE) is one plain command,
 * but the commands inside it may be captured by $(…): they must not write straight to the screen.
 */
export function runsScript(line: string): boolean {
  return /^\s*(?:bash|sh|source|\.|\.{1,2}\/\S*)(?:\s|$)/.test(line);
}

/** A line's top-level statements; a line just-bash cannot parse runs whole (it reports the error). */
function statementsOf(line: string): { text: string; background: boolean }[] {
  const parts = splitStatements(line);
  return parts.length > 0 ? parts : [{ text: line, background: false }];
}

const quote = (w: string): string => `'${w.replace(/'/g, `'\\''`)}'`;

export class GuestShell implements InteractiveProgram, SessionInfo {
  readonly session: ShellSession;
  readonly history: string[] = [];
  readonly jobs = new JobTable();
  private lastStatus = 0;
  private currentIo: TerminalIo | undefined;
  private readonly effective: GuestUser[] = [];
  readonly pid: number;
  readonly fs: GuestFs;
  readonly agent: SshAgent;
  private readonly bootedAt: number;

  constructor(
    readonly guest: Guest,
    private readonly loginUser: GuestUser,
    readonly options: GuestShellOptions = {},
  ) {
    this.agent = options.agent ?? { keys: new Map() };
    this.bootedAt = guest.bootedAt;
    this.fs = guest.fsFor(() => {
      const u = this.currentUser();
      return { uid: u.uid, gid: u.gid, groups: u.groups };
    });
    const env: CommandEnv = {
      guest,
      shell: this,
      user: () => this.currentUser(),
      asUser: (u, fn) => this.asUser(u, fn),
      io: () => this.currentIo,
      fs: this.fs,
    };
    const home = loginUser.home;
    const id = guest.identity;
    this.session = new ShellSession({
      fs: this.fs,
      commands: [...createCommands(env), jobsCommand(env), disownCommand(env), nohupCommand()],
      cwd: guest.rootFs.existsSync(home) ? home : '/',
      env: {
        HOME: home,
        USER: loginUser.name,
        LOGNAME: loginUser.name,
        SHELL: '/bin/bash',
        PATH: loginUser.uid === 0 ? '/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin:/root/bin' : `/usr/local/bin:/bin:/usr/bin:/usr/local/sbin:/usr/sbin:/sbin:/opt/aws/bin:${home}/.local/bin:${home}/bin`,
        HOSTNAME: this.hostname(),
        TERM: 'xterm-256color',
        LANG: 'en_US.UTF-8',
        HISTSIZE: '1000',
        ...(id.kind === 'instance' ? { AWS_DEFAULT_REGION: id.region } : {}),
        ...(options.env ?? {}),
      },
      sleep: (ms, signal) => guest.host.sleep(ms, signal),
      readTerminal: (prompt, secret) => this.currentIo?.readLine(prompt, { secret }),
      scriptOutput: (text) => this.currentIo?.write(text.replace(/\r?\n/g, '\r\n')),
      onCpu: (ms) => chargeCpu(guest.identity.id, ms, guest.identity.hardware.vCpus, guest.host.clock.warp),
      ...(options.cpuBudgetMs !== undefined ? { cpuBudgetMs: options.cpuBudgetMs } : {}),
      processInfo: { pid: 3000 + Math.floor(Math.random() * 2000), ppid: 2290, uid: loginUser.uid, gid: loginUser.gid },
    });
    this.pid = guest.allocPid();
    guest.sessions.set(this.pid, {
      pid: this.pid,
      ppid: 2290,
      user: loginUser.name,
      command: '-bash',
      startedAt: guest.host.clock.now(),
      tty: options.tty ?? 'pts/0',
      cpuMs: () => this.session.cpuMs,
    });
  }

  // ── SessionInfo ──────────────────────────────────────────────────────────────────────────────
  user(): string {
    return this.currentUser().name;
  }
  cwd(): string {
    return this.session.cwd;
  }
  env(): ReadonlyMap<string, string> {
    const m = new Map<string, string>();
    for (const k of ['HOME', 'USER', 'PATH', 'AWS_PROFILE', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_DEFAULT_OUTPUT', 'AWS_PAGER', 'SSH_AUTH_SOCK']) {
      const v = this.session.getVar(k);
      if (v !== undefined) m.set(k, v);
    }
    return m;
  }

  terminal(): TerminalIo | undefined {
    return this.currentIo;
  }
  files(): GuestFs {
    return this.fs;
  }

  currentUser(): GuestUser {
    return this.effective.at(-1) ?? this.loginUser;
  }
  async asUser<T>(user: GuestUser, fn: () => Promise<T>): Promise<T> {
    this.effective.push(user);
    try {
      return await fn();
    } finally {
      this.effective.pop();
    }
  }

  hostname(): string {
    const id = this.guest.identity;
    if (id.kind === 'workstation') return 'workstation';
    try {
      const h = this.guest.rootFs.readSyncText('/etc/hostname').trim();
      if (h) return h.split('.')[0]!;
    } catch {
      // not set yet (before cloud-init)
    }
    return (id.interfaces[0]?.privateDns ?? 'localhost').split('.')[0]!;
  }

  // ── InteractiveProgram ───────────────────────────────────────────────────────────────────────
  banner(): string {
    if (!this.options.login) return '';
    const last = this.options.lastLogin ? `${this.options.lastLogin}\n` : '';
    let motd = '';
    try {
      motd = this.guest.rootFs.readSyncText('/etc/motd');
    } catch {
      // no motd
    }
    const updates = this.guest.image.key === 'amzn-2017.09' ? securityNotice(this.guest) : '';
    return `${last}${motd}${updates}`.replace(/\n/g, '\r\n');
  }

  prompt(): string {
    const u = this.currentUser();
    const cwd = this.session.cwd;
    const home = u.home;
    const sign = u.uid === 0 ? '#' : '$';
    if (this.guest.image.promptStyle === 'redhat') {
      const base = cwd === home ? '~' : cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1);
      return `[${u.name}@${this.hostname()} ${base}]${sign} `;
    }
    const shown = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
    return `${u.name}@${this.hostname()}:${shown}${sign} `;
  }

  exitStatus(): number {
    return this.lastStatus;
  }

  /** The machine stopped or rebooted since this login: the session is gone. */
  closed(): boolean {
    return this.guest.state !== 'running' || this.guest.bootedAt !== this.bootedAt;
  }

  needsMore(text: string): boolean {
    return needsMoreInput(text);
  }

  /** bash says "logout" leaving a login shell (ssh), "exit" otherwise (a desktop terminal, sudo -s). */
  farewell(): string {
    return this.options.login ? 'logout\r\n' : 'exit\r\n';
  }

  async run(line: string, io: TerminalIo, signal: AbortSignal): Promise<{ output: CommandOutput; exit: boolean }> {
    const trimmed = line.trim();
    if (trimmed && !trimmed.startsWith(' ')) {
      this.history.push(line);
      if (this.history.length > GUEST_LIMITS.maxHistoryLines) this.history.shift();
    }
    const first = /^\s*(exit|logout)(?:\s+(\d+))?\s*$/.exec(line);
    if (first) {
      if (first[2]) this.lastStatus = Number(first[2]) & 255;
      return { output: { stdout: '', stderr: '', exitCode: this.lastStatus }, exit: true };
    }
    // Statement by statement, each one's output on the screen as soon as it is done; a statement
    // that is one plain command may also write straight to the screen while it runs.
    let status = this.lastStatus;
    const write = (t: string): void => io.write(t.replace(/\r?\n/g, '\r\n'));
    for (const { text: part, background } of statementsOf(line)) {
      if (signal.aborted) break;
      if (background) {
        const job = this.startJob(part, write);
        write(`[${job.id}] ${job.pid}\n`);
        status = 0;
        this.session.setVar('?', '0');
        this.session.setVar('!', String(job.pid));
        continue;
      }
      const waited = await this.waitBuiltin(part, signal);
      if (waited) {
        write(waited.text);
        status = waited.status;
        this.session.setVar('?', String(status));
        continue;
      }
      const plain = io.streaming && isPlainLine(part);
      const r = await this.exec(part, { io: { ...io, streaming: plain && !runsScript(part) } as TerminalIo, signal, streamScript: plain && runsScript(part) });
      if (!signal.aborted) io.write(inOrder(r).replace(/\r?\n/g, '\r\n'));
      status = r.exitCode;
      if (r.exited) return { output: { stdout: '', stderr: '', exitCode: status }, exit: true };
      // Under `set -e` the rest of the line does not run (bash would also end an interactive shell).
      if (r.stopped || (status !== 0 && this.session.errexit)) break;
    }
    const done = this.jobs.finished();
    if (done.length) write(`${done.map((j) => jobLine(j, j === done.at(-1))).join('\n')}\n`);
    return { output: { stdout: '', stderr: '', exitCode: status }, exit: false };
  }

  /**
   * `cmd &`: a child shell of its own (exported variables, working directory) runs the command
   * while this one goes on; `ps` lists it, `kill` stops it, its output goes where `write` says.
   */
  startJob(command: string, write?: (text: string) => void): Job {
    const child = new GuestShell(this.guest, this.currentUser(), { tty: this.options.tty ?? 'pts/0', env: this.session.exportedEnv() });
    const abort = new AbortController();
    const proc = this.guest.sessions.get(child.pid);
    if (proc) {
      proc.ppid = this.pid;
      proc.command = command;
      proc.kill = () => abort.abort();
      proc.cpuMs = () => child.session.cpuMs;
    }
    const cwd = this.session.cwd;
    const done = (async () => {
      await child.exec(`cd ${quote(cwd)}`);
      const r = await child.execStatements(command, (t) => write?.(t), { signal: abort.signal });
      return r.exitCode;
    })();
    const job = this.jobs.add({ pid: child.pid, command, state: 'Running', status: 0, done, abort });
    void done.then(
      (code) => {
        job.state = abort.signal.aborted ? 'Killed' : code === 0 ? 'Done' : 'Exit';
        job.status = abort.signal.aborted ? 143 : code;
        child.close();
      },
      () => {
        job.state = 'Exit';
        job.status = 1;
        child.close();
      },
    );
    return job;
  }

  /** `wait` and `fg` at the top of a line: they wait for jobs of this shell (just-bash has no jobs). */
  private async waitBuiltin(part: string, signal?: AbortSignal): Promise<{ text: string; status: number } | undefined> {
    const m = /^\s*(wait|fg)((?:\s+\S+)*)\s*$/.exec(part);
    if (!m) return undefined;
    const specs = m[2]!.trim().split(/\s+/).filter(Boolean);
    const jobs = specs.length ? specs.map((s) => this.jobs.find(s.startsWith('%') || m[1] === 'wait' ? s : `%${s}`)) : m[1] === 'fg' ? [this.jobs.list().at(-1)] : this.jobs.list();
    if (jobs.some((j) => !j)) return { text: m[1] === 'fg' ? '-bash: fg: current: no such job\n' : `-bash: wait: ${specs.join(' ')}: no such job\n`, status: 127 };
    let status = 0;
    let text = '';
    for (const j of jobs as Job[]) {
      if (m[1] === 'fg') text += `${j.command}
`;
      const stop = (): void => j.abort.abort();
      signal?.addEventListener('abort', stop, { once: true });
      status = await j.done.catch(() => 1);
      signal?.removeEventListener('abort', stop);
      if (j.abort.signal.aborted) status = 143;
      this.jobs.remove(j);
    }
    return { text, status };
  }

  /**
   * Runs a script with no terminal (user data, cron), statement by statement, handing on each
   * statement's output in order (a `set -x` trace line before the output of its command).
   */
  async execStatements(script: string, onOutput: (text: string) => void, opts: { signal?: AbortSignal } = {}): Promise<LineOutput> {
    let last: LineOutput = { stdout: '', stderr: '', exitCode: 0 };
    for (const { text: part, background } of statementsOf(script)) {
      if (opts.signal?.aborted) break;
      if (background) {
        this.startJob(part, onOutput);
        last = { stdout: '', stderr: '', exitCode: 0 };
        continue;
      }
      const waited = await this.waitBuiltin(part, opts.signal);
      if (waited) {
        this.session.setVar('?', String(waited.status));
        onOutput(waited.text);
        last = { stdout: '', stderr: '', exitCode: waited.status };
        continue;
      }
      last = await this.exec(part, { ...opts, mergeChildren: true });
      onOutput(inOrder(last));
      if (last.exited || last.stopped || (last.exitCode !== 0 && this.session.errexit)) break;
    }
    return { stdout: '', stderr: '', exitCode: last.exitCode, ...(last.exited ? { exited: true } : {}) };
  }

  /** Runs a line; `io` is the terminal (interactive) or absent (scripts, remote commands, cron). */
  async exec(line: string, opts: { io?: TerminalIo; signal?: AbortSignal; stdin?: string; streamScript?: boolean; mergeChildren?: boolean } = {}): Promise<LineOutput> {
    const prev = this.currentIo;
    this.currentIo = opts.io;
    try {
      const r = await this.session.run(line, {
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.streamScript ? { streamScript: true } : {}),
        ...(opts.mergeChildren ? { mergeChildren: true } : {}),
        ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
      });
      this.lastStatus = r.exitCode;
      return r;
    } finally {
      this.currentIo = prev;
    }
  }

  /** Tab completion: commands for the first word, paths after it. */
  async complete(line: string): Promise<string[]> {
    const m = /(\S*)$/.exec(line);
    const word = m?.[1] ?? '';
    const isFirst = line.slice(0, line.length - word.length).trim() === '' || /[|;&]\s*$/.test(line.slice(0, line.length - word.length));
    if (isFirst && !word.includes('/')) {
      const names = new Set<string>();
      for (const dir of ['/usr/bin', '/usr/sbin', '/usr/local/bin']) {
        try {
          for (const n of this.fs.listSync(dir)) if (n.startsWith(word)) names.add(n);
        } catch {
          // missing dir
        }
      }
      for (const b of ['cd', 'exit', 'export', 'alias', 'history', 'source', 'logout']) if (b.startsWith(word)) names.add(b);
      return [...names].sort().map((n) => `${n} `);
    }
    const slash = word.lastIndexOf('/');
    const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
    const base = slash >= 0 ? word.slice(slash + 1) : word;
    const home = this.currentUser().home;
    const expanded = dirPart.startsWith('~') ? home + dirPart.slice(1) : dirPart;
    const dir = this.fs.resolvePath(this.session.cwd, expanded || '.');
    try {
      return this.fs
        .listSync(dir)
        .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
        .map((n) => {
          const isDir = this.fs.existsSync(`${dir}/${n}`) && this.fs.statSync(`${dir}/${n}`).isDirectory;
          return `${dirPart}${n}${isDir ? '/' : ' '}`;
        });
    } catch {
      return [];
    }
  }

  /**
   * A new shell on a guest (sudo -i, ssh's remote shell): commands reach the class through the
   * shell they run in, so the command modules need not import this one (no import cycle).
   */
  spawn(guest: Guest, user: GuestUser, options: GuestShellOptions = {}): GuestShell {
    return new GuestShell(guest, user, options);
  }

  close(): void {
    this.guest.sessions.delete(this.pid);
  }
}

/** The Amazon Linux 2017.09 login notice about pending security updates (§6.2.1). */
function securityNotice(guest: Guest): string {
  const pending = guest.host.catalog.securityUpdates.filter((u) => !installedVersionAtLeast(guest, u.name, u.version)).length;
  if (pending === 0) return '';
  return `${pending} package(s) needed for security, out of ${pending + 4} available\nRun "sudo yum update" to apply all updates.\n`;
}

function installedVersionAtLeast(guest: Guest, name: string, version: string): boolean {
  try {
    const db = JSON.parse(guest.rootFs.readSyncText('/var/lib/nimbus/packages.json')) as Record<string, string>;
    return db[name] === version;
  } catch {
    return false;
  }
}
