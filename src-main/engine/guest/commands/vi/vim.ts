/**
 * The editor behind vi and vim: a buffer of lines with vim's modes (normal, insert, the `:` command
 * line and `/` `?` searches) and the commands a learner reaches for when editing a config file.
 * Pure: keys in, a screen out; the command (vi.ts) feeds it keys from the terminal and saves
 * through the guest's filesystem.
 */
import { byteLength, displayCol, expand, frame, is, KEY, rowsOf } from '../editor/text';

export interface VimIo {
  /** Writes the buffer to `path`; an errno code when it cannot. */
  save(path: string, lines: string[]): { bytes: number } | { error: string };
  /** Whether a file exists (":w name" onto an existing file needs "!"). */
  exists(path: string): boolean;
}

type Mode = 'normal' | 'insert' | 'replace' | 'command' | 'search';

interface Snapshot {
  lines: string[];
  row: number;
  col: number;
}

export class Vim {
  lines: string[];
  row = 0;
  col = 0;
  private top = 0;
  mode: Mode = 'normal';
  private cmd = '';
  private searchDir: 1 | -1 = 1;
  private lastSearch: string | undefined;
  message = '';
  private messageIsError = false;
  modified = false;
  private pending = '';
  private count = '';
  private register: { text: string[]; linewise: boolean } = { text: [], linewise: false };
  private readonly undo: Snapshot[] = [];
  private readonly redo: Snapshot[] = [];
  private number = false;
  quit = false;
  /** The status handed back to the shell (1 after :cq). */
  status = 0;

  constructor(
    public path: string | undefined,
    lines: string[],
    opening: string,
    private readonly io: VimIo,
    public cols = 80,
    public rows = 24,
  ) {
    this.lines = lines.length ? lines : [''];
    this.message = opening;
  }

  // ── painting ─────────────────────────────────────────────────────────────────────────────────
  render(): string {
    const textRows = this.rows - 1;
    const gutter = this.number ? 8 : 0;
    const width = Math.max(1, this.cols - gutter);
    this.scrollTo(textRows, width);
    const out: string[] = [];
    let cursorRow = 1;
    let cursorCol = 1;
    for (let i = this.top; i < this.lines.length && out.length < textRows; i++) {
      const shown = expand(this.lines[i]!);
      const n = rowsOf(this.lines[i]!, width);
      if (out.length + n > textRows && i !== this.top) {
        while (out.length < textRows) out.push('@');
        break;
      }
      if (i === this.row) {
        const dc = this.cursorDisplayCol();
        cursorRow = out.length + 1 + Math.floor(dc / width);
        cursorCol = gutter + (dc % width) + 1;
      }
      for (let r = 0; r < n && out.length < textRows; r++) {
        const num = r === 0 && this.number ? `${String(i + 1).padStart(7)} ` : this.number ? ' '.repeat(8) : '';
        out.push(num + shown.slice(r * width, (r + 1) * width));
      }
    }
    while (out.length < textRows) out.push('~');
    out.push(this.statusLine());
    if (this.mode === 'command' || this.mode === 'search') {
      cursorRow = this.rows;
      cursorCol = this.cmd.length + 2;
    }
    return frame(out, cursorRow, cursorCol);
  }

  private statusLine(): string {
    if (this.mode === 'command') return `:${this.cmd}`;
    if (this.mode === 'search') return `${this.searchDir === 1 ? '/' : '?'}${this.cmd}`;
    if (this.mode === 'insert') return '\x1b[1m-- INSERT --\x1b[0m';
    if (this.mode === 'replace') return '\x1b[1m-- REPLACE --\x1b[0m';
    const msg = this.message.slice(0, this.cols - 20);
    const pos = `${this.row + 1},${this.col + 1}`;
    const shown = this.messageIsError ? `\x1b[37;41m${msg}\x1b[0m` : msg;
    return `${shown}${' '.repeat(Math.max(1, this.cols - 18 - msg.length))}${pos.padEnd(14)}${this.where()}`;
  }

  private where(): string {
    const textRows = this.rows - 1;
    if (this.lines.length <= textRows) return 'All';
    if (this.top === 0) return 'Top';
    if (this.top + textRows >= this.lines.length) return 'Bot';
    return `${Math.floor((this.top * 100) / (this.lines.length - textRows))}%`;
  }

  private cursorDisplayCol(): number {
    const line = this.lines[this.row]!;
    // In normal mode the cursor sits on the last cell of a tab, as vim shows it.
    if (this.mode !== 'insert' && line[this.col] === '\t') return displayCol(line, this.col + 1) - 1;
    return displayCol(line, this.col);
  }

  private scrollTo(textRows: number, width: number): void {
    if (this.row < this.top) this.top = this.row;
    for (;;) {
      let used = 0;
      for (let i = this.top; i <= this.row; i++) used += rowsOf(this.lines[i]!, width);
      if (used <= textRows || this.top >= this.row) break;
      this.top++;
    }
  }

  // ── keys ─────────────────────────────────────────────────────────────────────────────────────
  key(k: string): void {
    switch (this.mode) {
      case 'insert':
      case 'replace':
        return this.insertKey(k);
      case 'command':
      case 'search':
        return this.lineKey(k);
      default:
        return this.normalKey(k);
    }
  }

  private say(text: string, error = false): void {
    this.message = text;
    this.messageIsError = error;
  }

  private snapshot(): void {
    this.undo.push({ lines: [...this.lines], row: this.row, col: this.col });
    if (this.undo.length > 200) this.undo.shift();
    this.redo.length = 0;
  }

  private changed(): void {
    this.modified = true;
  }

  private clampNormal(): void {
    this.row = Math.max(0, Math.min(this.row, this.lines.length - 1));
    const len = this.lines[this.row]!.length;
    this.col = Math.max(0, Math.min(this.col, Math.max(0, len - 1)));
  }

  private get line(): string {
    return this.lines[this.row]!;
  }
  private set line(v: string) {
    this.lines[this.row] = v;
  }

  private takeCount(): number {
    const n = this.count ? Number(this.count) : 1;
    this.count = '';
    return Math.max(1, n);
  }

  private normalKey(k: string): void {
    if (this.pending) return this.operator(k);
    if (/^[1-9]$/.test(k) || (k === '0' && this.count)) {
      this.count += k;
      return;
    }
    this.say('');
    const hadCount = this.count !== '';
    const n = this.takeCount();
    const textRows = this.rows - 1;
    if (k === 'h' || is(k, KEY.left) || k === '\x7f' || k === '\b') this.col = Math.max(0, this.col - n);
    else if (k === 'l' || is(k, KEY.right) || k === ' ') this.col = Math.min(Math.max(0, this.line.length - 1), this.col + n);
    else if (k === 'j' || is(k, KEY.down) || k === '\x0e') this.row = Math.min(this.lines.length - 1, this.row + n);
    else if (k === 'k' || is(k, KEY.up) || k === '\x10') this.row = Math.max(0, this.row - n);
    else if (k === '\r' || k === '+') {
      this.row = Math.min(this.lines.length - 1, this.row + n);
      this.col = firstNonBlank(this.line);
    } else if (k === '-') {
      this.row = Math.max(0, this.row - n);
      this.col = firstNonBlank(this.line);
    } else if (k === '0' || is(k, KEY.home)) this.col = 0;
    else if (k === '^') this.col = firstNonBlank(this.line);
    else if (k === '$' || is(k, KEY.end)) this.col = Math.max(0, this.line.length - 1);
    else if (k === 'w' || k === 'W') for (let i = 0; i < n; i++) this.wordForward();
    else if (k === 'b' || k === 'B') for (let i = 0; i < n; i++) this.wordBack();
    else if (k === 'e' || k === 'E') for (let i = 0; i < n; i++) this.wordEnd();
    else if (k === 'G') {
      this.row = hadCount ? Math.min(n, this.lines.length) - 1 : this.lines.length - 1;
      this.col = firstNonBlank(this.line);
    } else if (k === '\x06' || is(k, KEY.pageDown)) this.row = Math.min(this.lines.length - 1, this.row + (textRows - 2) * n);
    else if (k === '\x02' || is(k, KEY.pageUp)) this.row = Math.max(0, this.row - (textRows - 2) * n);
    else if (k === '\x04') this.row = Math.min(this.lines.length - 1, this.row + Math.floor(textRows / 2));
    else if (k === '\x15') this.row = Math.max(0, this.row - Math.floor(textRows / 2));
    else if (k === 'i' || k === 'I' || k === 'a' || k === 'A' || k === 'o' || k === 'O' || k === 'R' || k === '\x1b[2~') return this.startInsert(k);
    else if (k === 'x' || is(k, KEY.del)) {
      if (!this.line) return;
      this.snapshot();
      this.register = { text: [this.line.slice(this.col, this.col + n)], linewise: false };
      this.line = this.line.slice(0, this.col) + this.line.slice(this.col + n);
      this.changed();
    } else if (k === 'X') {
      if (this.col === 0) return;
      this.snapshot();
      const from = Math.max(0, this.col - n);
      this.line = this.line.slice(0, from) + this.line.slice(this.col);
      this.col = from;
      this.changed();
    } else if (k === 'D' || k === 'C') {
      this.snapshot();
      this.register = { text: [this.line.slice(this.col)], linewise: false };
      this.line = this.line.slice(0, this.col);
      this.changed();
      if (k === 'C') {
        this.mode = 'insert';
        return;
      }
    } else if (k === 'J') {
      if (this.row >= this.lines.length - 1) return;
      this.snapshot();
      const next = this.lines[this.row + 1]!.replace(/^\s+/, '');
      const at = this.line.replace(/\s+$/, '').length;
      this.line = this.line.replace(/\s+$/, '') + (next ? ` ${next}` : '');
      this.lines.splice(this.row + 1, 1);
      this.col = at;
      this.changed();
    } else if (k === 'p' || k === 'P') this.put(k === 'p', n);
    else if (k === 'u') this.undoOnce();
    else if (k === '\x12') this.redoOnce();
    else if (k === 'n' || k === 'N') this.searchNext(k === 'n' ? this.searchDir : (-this.searchDir as 1 | -1));
    else if (k === '/' || k === '?') {
      this.mode = 'search';
      this.searchDir = k === '/' ? 1 : -1;
      this.cmd = '';
    } else if (k === ':') {
      this.mode = 'command';
      this.cmd = '';
    } else if (k === '\x07') this.say(this.fileInfo());
    else if (k === '\x1b') {
      // Esc in normal mode: nothing to cancel (vim beeps).
    } else if ('dcyrgZ'.includes(k) && k.length === 1) {
      this.pending = k;
      this.count = n > 1 ? String(n) : '';
    }
    this.clampNormal();
  }

  private operator(k: string): void {
    const op = this.pending;
    this.pending = '';
    const n = this.takeCount();
    if (k === '\x1b') return;
    if (op === 'g') {
      if (k === 'g') {
        this.row = n > 1 ? Math.min(n, this.lines.length) - 1 : 0;
        this.col = firstNonBlank(this.line);
      }
      return this.clampNormal();
    }
    if (op === 'Z') {
      if (k === 'Z') this.exCommand('x');
      else if (k === 'Q') this.exCommand('q!');
      return;
    }
    if (op === 'r') {
      if (k.length !== 1 || !this.line || this.col + n > this.line.length) return;
      this.snapshot();
      const c = k === '\r' ? '' : k;
      this.line = this.line.slice(0, this.col) + c.repeat(n) + this.line.slice(this.col + n);
      this.changed();
      return;
    }
    const whole = k === op;
    if (whole) {
      const end = Math.min(this.lines.length, this.row + n);
      const taken = this.lines.slice(this.row, end);
      this.register = { text: taken, linewise: true };
      if (op === 'y') {
        if (n > 2) this.say(`${taken.length} lines yanked`);
        return;
      }
      this.snapshot();
      if (op === 'c') {
        this.lines.splice(this.row, end - this.row, '');
        this.col = 0;
        this.mode = 'insert';
      } else {
        this.lines.splice(this.row, end - this.row);
        if (this.lines.length === 0) this.lines.push('');
        if (n > 2) this.say(`${taken.length} fewer lines`);
        this.row = Math.min(this.row, this.lines.length - 1);
        this.col = firstNonBlank(this.line);
      }
      this.changed();
      return;
    }
    // Character-wise motions within the line: w, e, $, 0, b.
    let from = this.col;
    let to = this.col;
    const save = { row: this.row, col: this.col };
    if (k === 'w' || k === 'e') {
      if (op === 'c' || k === 'e') to = wordEndIn(this.line, this.col, n) + 1;
      else to = nextWordIn(this.line, this.col, n);
    } else if (k === '$') to = this.line.length;
    else if (k === '0') from = 0;
    else if (k === 'b') {
      for (let i = 0; i < n; i++) this.wordBack();
      from = this.row === save.row ? this.col : 0;
      this.row = save.row;
      this.col = save.col;
    } else if (k === 'l' || k === ' ') to = Math.min(this.line.length, this.col + n);
    else if (k === 'h') from = Math.max(0, this.col - n);
    else return;
    const text = this.line.slice(from, to);
    this.register = { text: [text], linewise: false };
    if (op === 'y') return;
    this.snapshot();
    this.line = this.line.slice(0, from) + this.line.slice(to);
    this.col = from;
    this.changed();
    if (op === 'c') this.mode = 'insert';
    else this.clampNormal();
  }

  private startInsert(k: string): void {
    this.snapshot();
    if (k === 'a' && this.line) this.col = Math.min(this.line.length, this.col + 1);
    else if (k === 'A') this.col = this.line.length;
    else if (k === 'I') this.col = firstNonBlank(this.line);
    else if (k === 'o' || k === 'O') {
      // vim's default is noautoindent: the new line starts empty.
      const at = k === 'o' ? this.row + 1 : this.row;
      this.lines.splice(at, 0, '');
      this.row = at;
      this.col = 0;
      this.changed();
    }
    this.mode = k === 'R' ? 'replace' : 'insert';
  }

  private insertKey(k: string): void {
    if (k === '\x1b' || k === '\x03') {
      this.mode = 'normal';
      this.col = Math.max(0, this.col - 1);
      this.clampNormal();
      return;
    }
    if (is(k, KEY.left)) this.col = Math.max(0, this.col - 1);
    else if (is(k, KEY.right)) this.col = Math.min(this.line.length, this.col + 1);
    else if (is(k, KEY.up)) this.row = Math.max(0, this.row - 1);
    else if (is(k, KEY.down)) this.row = Math.min(this.lines.length - 1, this.row + 1);
    else if (is(k, KEY.home)) this.col = 0;
    else if (is(k, KEY.end)) this.col = this.line.length;
    else if (k === '\r' || k === '\n') {
      const rest = this.line.slice(this.col);
      this.line = this.line.slice(0, this.col);
      this.lines.splice(this.row + 1, 0, rest);
      this.row++;
      this.col = 0;
      this.changed();
    } else if (k === '\x7f' || k === '\b') {
      if (this.col > 0) {
        this.line = this.line.slice(0, this.col - 1) + this.line.slice(this.col);
        this.col--;
        this.changed();
      } else if (this.row > 0) {
        const prev = this.lines[this.row - 1]!;
        this.lines[this.row - 1] = prev + this.line;
        this.lines.splice(this.row, 1);
        this.row--;
        this.col = prev.length;
        this.changed();
      }
    } else if (is(k, KEY.del)) {
      if (this.col < this.line.length) this.line = this.line.slice(0, this.col) + this.line.slice(this.col + 1);
      else if (this.row < this.lines.length - 1) {
        this.line += this.lines[this.row + 1]!;
        this.lines.splice(this.row + 1, 1);
      }
      this.changed();
    } else if (k === '\x17') {
      const before = this.line.slice(0, this.col).replace(/\w+\s*$|\W\s*$/, '');
      this.line = before + this.line.slice(this.col);
      this.col = before.length;
      this.changed();
    } else if ((k.length === 1 && k >= ' ') || k === '\t' || (k.length > 1 && !k.startsWith('\x1b'))) {
      // A pasted run of text arrives as one string.
      const text = k.replace(/\r\n?/g, '\n');
      for (const part of text.split('\n').entries()) {
        const [i, s] = part;
        if (i > 0) this.insertKey('\r');
        const over = this.mode === 'replace' ? s.length : 0;
        this.line = this.line.slice(0, this.col) + s + this.line.slice(this.col + over);
        this.col += s.length;
      }
      this.changed();
    }
  }

  private lineKey(k: string): void {
    if (k === '\x1b' || k === '\x03') {
      this.mode = 'normal';
      this.cmd = '';
      return;
    }
    if (k === '\x7f' || k === '\b') {
      if (!this.cmd) this.mode = 'normal';
      else this.cmd = this.cmd.slice(0, -1);
      return;
    }
    if (k === '\x15') {
      this.cmd = '';
      return;
    }
    if (k === '\r' || k === '\n') {
      const text = this.cmd;
      const wasSearch = this.mode === 'search';
      this.mode = 'normal';
      this.cmd = '';
      if (wasSearch) {
        if (text) this.lastSearch = text;
        this.searchNext(this.searchDir);
      } else this.exCommand(text);
      this.clampNormal();
      return;
    }
    if (k.length >= 1 && !k.startsWith('\x1b') && k >= ' ') this.cmd += k;
  }

  // ── motions ──────────────────────────────────────────────────────────────────────────────────
  private wordForward(): void {
    const next = nextWordIn(this.line, this.col, 1);
    if (next < this.line.length) {
      this.col = next;
      return;
    }
    for (let r = this.row + 1; r < this.lines.length; r++) {
      const l = this.lines[r]!;
      const c = l.search(/\S/);
      if (c >= 0 || l === '') {
        this.row = r;
        this.col = Math.max(0, c);
        return;
      }
    }
    this.col = Math.max(0, this.line.length - 1);
  }

  private wordEnd(): void {
    const end = wordEndIn(this.line, this.col, 1);
    if (end > this.col && end < this.line.length) {
      this.col = end;
      return;
    }
    if (this.row < this.lines.length - 1) {
      this.row++;
      this.col = wordEndIn(this.line, -1, 1);
    }
  }

  private wordBack(): void {
    if (this.col === 0) {
      if (this.row === 0) return;
      this.row--;
      this.col = this.line.length;
    }
    const before = this.line.slice(0, this.col);
    const m = /(\w+|[^\w\s]+)\s*$/.exec(before);
    this.col = m ? m.index : 0;
  }

  // ── search, put, undo ────────────────────────────────────────────────────────────────────────
  private searchNext(dir: 1 | -1): void {
    const pat = this.lastSearch;
    if (!pat) return this.say('E35: No previous regular expression', true);
    let re: RegExp;
    try {
      re = new RegExp(vimPattern(pat), 'g');
    } catch {
      return this.say(`E486: Pattern not found: ${pat}`, true);
    }
    const total = this.lines.length;
    const find = (line: string, after: number, before: number): number => {
      let hit = -1;
      for (const m of line.matchAll(re)) {
        if (dir === 1 && m.index > after) return m.index;
        if (dir === -1 && m.index < before) hit = m.index;
      }
      return hit;
    };
    for (let step = 0; step <= total; step++) {
      const r = (((this.row + dir * step) % total) + total) % total;
      const line = this.lines[r]!;
      const c = step === 0 ? find(line, this.col, this.col) : find(line, -1, line.length + 1);
      if (c < 0) continue;
      const wrapped = dir === 1 ? r < this.row || (r === this.row && step > 0) : r > this.row || (r === this.row && step > 0);
      this.row = r;
      this.col = c;
      this.say(wrapped ? (dir === 1 ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM') : `${dir === 1 ? '/' : '?'}${pat}`, wrapped);
      return;
    }
    this.say(`E486: Pattern not found: ${pat}`, true);
  }

  private put(after: boolean, n: number): void {
    const reg = this.register;
    if (reg.text.length === 0) return this.say('E353: Nothing in register "', true);
    this.snapshot();
    if (reg.linewise) {
      const block: string[] = [];
      for (let i = 0; i < n; i++) block.push(...reg.text);
      const at = after ? this.row + 1 : this.row;
      this.lines.splice(at, 0, ...block);
      this.row = at;
      this.col = firstNonBlank(this.line);
    } else {
      const text = reg.text[0]!.repeat(n);
      const at = after && this.line ? this.col + 1 : this.col;
      this.line = this.line.slice(0, at) + text + this.line.slice(at);
      this.col = at + text.length - 1;
    }
    this.changed();
  }

  private undoOnce(): void {
    const s = this.undo.pop();
    if (!s) return this.say('Already at oldest change');
    this.redo.push({ lines: [...this.lines], row: this.row, col: this.col });
    this.lines = s.lines;
    this.row = s.row;
    this.col = s.col;
    this.modified = true;
    this.say('1 change; before #1');
  }

  private redoOnce(): void {
    const s = this.redo.pop();
    if (!s) return this.say('Already at newest change');
    this.undo.push({ lines: [...this.lines], row: this.row, col: this.col });
    this.lines = s.lines;
    this.row = s.row;
    this.col = s.col;
    this.modified = true;
  }

  private fileInfo(): string {
    const name = this.path ?? '[No Name]';
    const pct = Math.floor(((this.row + 1) * 100) / this.lines.length);
    return `"${name}"${this.modified ? ' [Modified]' : ''} ${this.lines.length} line${this.lines.length === 1 ? '' : 's'} --${pct}%--`;
  }

  // ── ex commands ──────────────────────────────────────────────────────────────────────────────
  exCommand(input: string): void {
    const text = input.trim();
    if (text === '') return;
    if (/^\d+$/.test(text)) {
      this.row = Math.min(Number(text), this.lines.length) - 1;
      this.col = firstNonBlank(this.line);
      return;
    }
    if (text === '$') {
      this.row = this.lines.length - 1;
      return;
    }
    const sub = /^(%|\d+,\d+|\.|)s(.)(.*)$/.exec(text);
    if (sub && !/[A-Za-z0-9\s]/.test(sub[2]!)) return this.substitute(sub[1]!, sub[2]!, sub[3]!);
    const m = /^([a-z]+)(!?)\s*(.*)$/.exec(text);
    if (!m) return this.say(`E492: Not an editor command: ${text}`, true);
    const [, name, bang, arg] = m as unknown as [string, string, string, string];
    const force = bang === '!';
    switch (name) {
      case 'w':
      case 'write':
        this.write(arg, force);
        return;
      case 'wq':
      case 'x':
      case 'xit':
      case 'exit':
        if (name !== 'wq' && !this.modified && !arg) {
          this.quit = true;
          return;
        }
        if (this.write(arg, force)) this.quit = true;
        return;
      case 'q':
      case 'quit':
        if (this.modified && !force) return this.say('E37: No write since last change (add ! to override)', true);
        this.quit = true;
        return;
      case 'qa':
      case 'qall':
        if (this.modified && !force) return this.say('E37: No write since last change (add ! to override)', true);
        this.quit = true;
        return;
      case 'cq':
        this.status = 1;
        this.quit = true;
        return;
      case 'set':
      case 'se':
        if (/^(nu|number)$/.test(arg)) this.number = true;
        else if (/^(nonu|nonumber)$/.test(arg)) this.number = false;
        else if (arg && !/^(paste|nopaste|hlsearch|nohlsearch|hls|nohls|ic|noic|ignorecase|noignorecase|ai|noai|autoindent|noautoindent|list|nolist)$/.test(arg)) this.say(`E518: Unknown option: ${arg}`, true);
        return;
      case 'noh':
      case 'nohlsearch':
        return;
      case 'd':
      case 'delete':
        this.normalKey('d');
        this.normalKey('d');
        return;
      case 'e':
      case 'edit':
        if (!force && this.modified) return this.say('E37: No write since last change (add ! to override)', true);
        return this.say('E32: No file name', true);
      case 'help':
      case 'h':
        return this.say('E149: Sorry, no help for this lab\'s vi: i inserts, Esc leaves insert mode, :wq saves and quits, :q! quits without saving', true);
      default:
        return this.say(`E492: Not an editor command: ${text}`, true);
    }
  }

  private write(arg: string, force: boolean): boolean {
    const target = arg || this.path;
    if (!target) {
      this.say('E32: No file name', true);
      return false;
    }
    const isNew = !this.io.exists(target);
    if (arg && arg !== this.path && !isNew && !force) {
      this.say('E13: File exists (add ! to override)', true);
      return false;
    }
    const r = this.io.save(target, this.lines);
    if ('error' in r) {
      this.say(`"${target}" E212: Can't open file for writing`, true);
      return false;
    }
    if (!this.path) this.path = target;
    if (target === this.path) this.modified = false;
    this.say(`"${target}" ${isNew ? '[New] ' : ''}${this.lines.length}L, ${byteLength(this.lines)}C written`);
    return true;
  }

  private substitute(range: string, sep: string, rest: string): void {
    const parts = splitUnescaped(rest, sep);
    const [pat, rep = '', flags = ''] = parts;
    if (!pat) return this.say('E35: No previous regular expression', true);
    let re: RegExp;
    try {
      re = new RegExp(vimPattern(pat), flags.includes('g') ? 'g' : '');
    } catch {
      return this.say(`E486: Pattern not found: ${pat}`, true);
    }
    let from = this.row;
    let to = this.row;
    if (range === '%') {
      from = 0;
      to = this.lines.length - 1;
    } else if (/^\d+,\d+$/.test(range)) {
      const [a, b] = range.split(',').map(Number) as [number, number];
      from = Math.max(0, a - 1);
      to = Math.min(this.lines.length - 1, b - 1);
    }
    this.snapshot();
    let count = 0;
    let lastRow = -1;
    const replacement = rep.replace(/\\(\d)/g, '$$$1').replace(/&/g, '$$&').replace(/\\\//g, '/');
    for (let r = from; r <= to; r++) {
      const before = this.lines[r]!;
      const after = before.replace(re, replacement);
      if (after !== before) {
        count++;
        lastRow = r;
        this.lines[r] = after;
      }
    }
    if (count === 0) {
      this.undo.pop();
      return this.say(`E486: Pattern not found: ${pat}`, true);
    }
    this.row = lastRow;
    this.col = firstNonBlank(this.line);
    this.changed();
    if (count > 2) this.say(`${count} substitutions on ${count} lines`);
  }
}

const firstNonBlank = (l: string): number => Math.max(0, l.search(/\S/));

function nextWordIn(line: string, col: number, n: number): number {
  let c = col;
  for (let i = 0; i < n; i++) {
    const rest = line.slice(c);
    const m = /^(\w+|[^\w\s]+)?\s*/.exec(rest)!;
    c += m[0].length || 1;
  }
  return Math.min(c, line.length);
}

function wordEndIn(line: string, col: number, n: number): number {
  let c = col;
  for (let i = 0; i < n; i++) {
    const rest = line.slice(c + 1);
    const m = /^\s*(\w+|[^\w\s]+)/.exec(rest);
    if (!m) return line.length - 1;
    c = c + 1 + m[0].length - 1;
  }
  return c;
}

/** Vim's default ("magic") pattern syntax in the forms people type, turned into a JS pattern. */
function vimPattern(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const next = p[i + 1];
    if (c === '\\' && next !== undefined) {
      // \( \) \| \+ \? \{ \} are vim's operators; \< \> are word edges.
      if ('(){}|+?'.includes(next)) out += next;
      else if (next === '<' || next === '>') out += '\\b';
      else out += c + next;
      i++;
    } else if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === sep) {
      cur += sep;
      i++;
    } else if (s[i] === sep) {
      out.push(cur);
      cur = '';
    } else cur += s[i]!;
  }
  out.push(cur);
  return out;
}
