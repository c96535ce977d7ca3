/**
 * A terminal: keystrokes in, screen output out. It owns line editing (arrows, Home/End, Ctrl-A/E/U/K/W,
 * history with up/down, tab completion), the stack of programs sharing the screen (the workstation
 * shell, an ssh session into an instance, a root shell from sudo -s), input while a command runs
 * (yum's "Is this ok", password prompts, top's q) and Ctrl-C, which stops the running command but
 * keeps what it already printed. In batch mode (commands piped into `nimbus shell`) nothing is
 * echoed and no prompt is shown.
 */
import type { CommandOutput } from './shell';
import type { BlockedConnection, InteractiveProgram, TerminalIo } from './types';
import { GUEST_LIMITS, limitMessage } from './limits';
import { editKey } from './line-editor';

export interface TerminalOptions {
  program: InteractiveProgram;
  mode: 'interactive' | 'batch';
  cols?: number;
  rows?: number;
  onOutput(data: string): void;
  /**
   * The terminal waits for input: a command line (exitCode is the status of the last command that
   * finished), or, with `reading`, an answer to a running program's prompt.
   */
  onIdle?(exitCode: number, reading?: boolean): void;
  /** The first program ended (exit, logout, Ctrl-D): the terminal is closed. */
  onExit?(exitCode: number): void;
  onBlocked?(e: BlockedConnection): void;
}

interface Frame {
  program: InteractiveProgram;
  running: boolean;
  abort?: AbortController;
  done?: (status: number) => void;
}

interface Reader {
  kind: 'line' | 'key';
  secret: boolean;
  buf: string;
  resolve(v: string | null): void;
}

const SCROLLBACK = 64 * 1024;
/** CSI and SS3 sequences (arrows, Home/End, Delete) as terminals send them. */
// eslint-disable-next-line no-control-regex -- ESC is what the sequence starts with
const ESCAPE_SEQUENCE = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/;

export class Terminal {
  private readonly frames: Frame[] = [];
  private line = '';
  private cursor = 0;
  private histIndex = -1;
  private draft = '';
  private reader: Reader | undefined;
  private typeahead = '';
  private lastStatus = 0;
  private closed = false;
  private lastTab = false;
  /** Lines of a command still being typed (an open quote or heredoc). */
  private pendingText: string | undefined;
  private scroll = '';
  private blockedNote: BlockedConnection | undefined;
  cols: number;
  rows: number;

  constructor(private readonly opts: TerminalOptions) {
    this.cols = opts.cols ?? 80;
    this.rows = opts.rows ?? 24;
    this.push({ program: opts.program, running: false });
  }

  get batch(): boolean {
    return this.opts.mode === 'batch';
  }
  get isClosed(): boolean {
    return this.closed;
  }
  /** Recent output, for a renderer that attaches to a running terminal. */
  get scrollback(): string {
    return this.scroll;
  }
  get exitCode(): number {
    return this.lastStatus;
  }

  private out(text: string): void {
    if (!text || this.closed) return;
    this.scroll = (this.scroll + text).slice(-SCROLLBACK);
    this.opts.onOutput(text);
  }
  private top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private push(frame: Frame): void {
    this.frames.push(frame);
    if (!this.batch) this.out(frame.program.banner?.() ?? '');
    this.showPrompt();
  }

  private showPrompt(): void {
    if (this.closed) return;
    const f = this.top();
    if (f.running) return;
    this.line = '';
    this.cursor = 0;
    this.histIndex = -1;
    if (!this.batch) this.out(f.program.prompt());
    this.opts.onIdle?.(this.lastStatus);
    if (this.typeahead) {
      const t = this.typeahead;
      this.typeahead = '';
      this.input(t);
    }
  }

  /** Drops programs whose machine went away (an instance stopped under its ssh session). */
  refresh(): void {
    if (this.closed) return;
    for (;;) {
      const f = this.top();
      if (f.running || !f.program.closed?.()) break;
      this.frames.pop();
      const status = 255;
      this.lastStatus = status;
      if (this.frames.length === 0) {
        this.opts.onExit?.(status);
        this.closed = true;
        return;
      }
      f.done?.(status);
    }
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
  }

  close(): void {
    for (const f of this.frames) f.abort?.abort();
    this.reader?.resolve(null);
    this.closed = true;
  }

  // ── input ────────────────────────────────────────────────────────────────────────────────────
  input(data: string): void {
    if (this.closed) return;
    let i = 0;
    while (i < data.length) {
      const f = this.top();
      const c = data[i]!;
      // A running command without a pending read: only Ctrl-C matters, the rest waits.
      if (f.running && !this.reader) {
        if (c === '\x03') {
          this.out('^C\r\n');
          f.abort?.abort();
        } else this.typeahead += c;
        i++;
        continue;
      }
      if (c === '\x1b') {
        const m = ESCAPE_SEQUENCE.exec(data.slice(i));
        const seq = m?.[0] ?? '\x1b';
        this.key(seq);
        i += seq.length;
        continue;
      }
      this.key(c);
      i++;
    }
  }

  private history(): string[] {
    return (this.top().program as { history?: string[] }).history ?? [];
  }

  private key(k: string): void {
    if (this.reader) return this.readerKey(k);
    this.lastTab = k === '\t' ? this.lastTab : false;
    switch (k) {
      case '\r':
      case '\n': {
        if (!this.batch) this.out('\r\n');
        const text = this.pendingText === undefined ? this.line : `${this.pendingText}\n${this.line}`;
        if (this.top().program.needsMore?.(text)) {
          this.pendingText = text;
          this.line = '';
          this.cursor = 0;
          if (!this.batch) this.out(this.top().program.continuationPrompt?.() ?? '> ');
          this.opts.onIdle?.(this.lastStatus, true);
          return;
        }
        this.pendingText = undefined;
        this.submit(text);
        return;
      }
      case '\x03':
        if (!this.batch) this.out('^C\r\n');
        this.pendingText = undefined;
        this.showPrompt();
        return;
      case '\x04':
        if (this.line === '') {
          if (!this.batch) this.out('\r\n');
          this.submit('exit');
          return;
        }
        break;
      case '\x0c':
        this.out('\x1b[H\x1b[2J');
        this.edit(this.line, this.cursor);
        return;
      case '\t':
        void this.complete();
        return;
    }
    const r = editKey({ line: this.line, cursor: this.cursor, histIndex: this.histIndex, draft: this.draft }, k, this.history(), GUEST_LIMITS.maxInputLineBytes);
    if (!r) return;
    this.histIndex = r.state.histIndex;
    this.draft = r.state.draft;
    if (r.paint === 'redraw') this.edit(r.state.line, r.state.cursor);
    else {
      this.line = r.state.line;
      this.cursor = r.state.cursor;
      if (r.paint === 'echo' && !this.batch) this.out(r.text);
    }
  }

  /** Replaces the edit line and redraws it (prompt, text, cursor). */
  private edit(line: string, cursor: number): void {
    this.line = line;
    this.cursor = cursor;
    if (this.batch) return;
    const back = line.length - cursor;
    const prompt = this.pendingText === undefined ? this.top().program.prompt() : (this.top().program.continuationPrompt?.() ?? '> ');
    this.out(`\r${prompt}${line}\x1b[K${back > 0 ? `\x1b[${back}D` : ''}`);
  }

  private async complete(): Promise<void> {
    const program = this.top().program;
    if (!program.complete) return;
    const before = this.line.slice(0, this.cursor);
    const options = await program.complete(before);
    const word = /(\S*)$/.exec(before)![1]!;
    if (options.length === 0) return;
    let common = options[0]!;
    for (const o of options) while (!o.startsWith(common)) common = common.slice(0, -1);
    if (options.length === 1 || common.length > word.length) {
      const insert = common.slice(word.length);
      this.edit(before + insert + this.line.slice(this.cursor), this.cursor + insert.length);
      this.lastTab = false;
      return;
    }
    if (this.lastTab && !this.batch) {
      this.out(`\r\n${options.map((o) => o.trim().split('/').filter(Boolean).pop() ?? o).join('  ')}\r\n`);
      this.edit(this.line, this.cursor);
    }
    this.lastTab = true;
  }

  private readerKey(k: string): void {
    const r = this.reader!;
    if (k === '\x03') {
      this.reader = undefined;
      this.out('^C\r\n');
      this.top().abort?.abort();
      r.resolve(null);
      return;
    }
    if (r.kind === 'key') {
      this.reader = undefined;
      r.resolve(k);
      return;
    }
    if (k === '\r' || k === '\n') {
      this.reader = undefined;
      if (!this.batch || r.secret) this.out('\r\n');
      r.resolve(r.buf);
      return;
    }
    if (k === '\x04' && r.buf === '') {
      this.reader = undefined;
      r.resolve(null);
      return;
    }
    if (k === '\x7f' || k === '\b') {
      if (r.buf) {
        r.buf = r.buf.slice(0, -1);
        if (!r.secret && !this.batch) this.out('\b \b');
      }
      return;
    }
    if (k.length === 1 && k >= ' ') {
      r.buf += k;
      if (!r.secret && !this.batch) this.out(k);
    }
  }

  // ── running lines ────────────────────────────────────────────────────────────────────────────
  private submit(line: string): void {
    if (this.top().program.closed?.()) {
      this.refresh();
      return;
    }
    const frame = this.top();
    frame.running = true;
    const abort = new AbortController();
    frame.abort = abort;
    const io = this.ioFor(frame, abort);
    let printed = 0;
    const cap = (text: string): string => {
      if (printed >= GUEST_LIMITS.maxTerminalOutputBytes) return '';
      printed += text.length;
      if (printed <= GUEST_LIMITS.maxTerminalOutputBytes) return text;
      return `${text.slice(0, text.length - (printed - GUEST_LIMITS.maxTerminalOutputBytes))}\r\n${limitMessage('maxTerminalOutputBytes', 'the rest of the output was dropped')}\r\n`;
    };
    frame.program
      .run(line, { ...io, write: (t: string) => this.out(cap(t)) }, abort.signal)
      .then(
        ({ output, exit }) => this.finish(frame, abort, output, exit, cap),
        (e: unknown) => this.finish(frame, abort, { stdout: '', stderr: `nimbus: ${(e as Error).message}\n`, exitCode: 1 }, false, cap),
      );
  }

  private finish(frame: Frame, abort: AbortController, output: CommandOutput, exit: boolean, cap: (t: string) => string): void {
    frame.running = false;
    frame.abort = undefined;
    if (!abort.signal.aborted) this.out(cap((output.stdout + output.stderr).replace(/\r?\n/g, '\r\n')));
    this.lastStatus = abort.signal.aborted ? 130 : output.exitCode;
    if (this.blockedNote && !this.batch) {
      const b = this.blockedNote;
      this.out(`\x1b[2m[lab] ${b.protocol}/${b.port} from ${b.from} to ${b.to} was dropped: ${b.message}\x1b[0m\r\n`);
    }
    this.blockedNote = undefined;
    if (exit) return this.pop(frame);
    this.showPrompt();
  }

  private pop(frame: Frame): void {
    if (this.top() !== frame) return;
    if (!this.batch) this.out(frame.program.farewell?.() ?? '');
    this.frames.pop();
    const status = frame.program.exitStatus();
    this.lastStatus = status;
    if (this.frames.length === 0) {
      this.opts.onIdle?.(status);
      this.opts.onExit?.(status);
      this.closed = true;
      return;
    }
    frame.done?.(status);
  }

  private ioFor(frame: Frame, abort: AbortController): TerminalIo {
    const size = (): { cols: number; rows: number } => ({ cols: this.cols, rows: this.rows });
    return {
      streaming: true,
      interactive: !this.batch,
      get columns() {
        return size().cols;
      },
      get rows() {
        return size().rows;
      },
      write: (t) => this.out(t),
      readLine: (prompt, o) =>
        new Promise<string | null>((resolve) => {
          if (abort.signal.aborted || this.closed) return resolve(null);
          this.out(prompt);
          this.reader = { kind: 'line', secret: !!o?.secret, buf: '', resolve };
          this.opts.onIdle?.(this.lastStatus, true);
          if (this.typeahead) {
            const t = this.typeahead;
            this.typeahead = '';
            this.input(t);
          }
        }),
      readKey: () =>
        new Promise<string | null>((resolve) => {
          if (abort.signal.aborted || this.closed) return resolve(null);
          this.reader = { kind: 'key', secret: true, buf: '', resolve };
          abort.signal.addEventListener('abort', () => {
            if (this.reader?.resolve === resolve) this.reader = undefined;
            resolve(null);
          });
          // Keys that arrived while the program was busy (a paste, fast typing) come first, in order.
          if (this.typeahead) {
            const t = this.typeahead;
            this.typeahead = '';
            this.input(t);
          }
        }),
      attach: (program) => {
        if (this.frames.length >= GUEST_LIMITS.maxSessionDepth) {
          this.out(`${limitMessage('maxSessionDepth', 'too many nested sessions in this terminal')}\r\n`);
          return Promise.resolve(1);
        }
        return new Promise<number>((resolve) => {
          void frame;
          this.push({ program, running: false, done: resolve });
        });
      },
      blocked: (e) => {
        this.blockedNote = e;
        this.opts.onBlocked?.(e);
      },
    };
  }
}
