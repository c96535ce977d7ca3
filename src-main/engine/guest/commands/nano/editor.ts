/**
 * The editor behind nano: a modeless buffer with GNU nano 2.x's screen (title bar, a blank line,
 * the text, a status line and two rows of ^-shortcuts) and its prompts (File Name to Write,
 * Save modified buffer?, Search, Go To Line). Pure: keys in, a screen out; nano.ts drives it.
 */
import { displayCol, expand, frame, inverse, is, KEY } from '../editor/text';

export interface NanoIo {
  save(path: string, lines: string[]): { bytes: number } | { error: string };
}

type Prompt = { kind: 'write' | 'search' | 'line'; text: string; exitAfter: boolean } | { kind: 'save?' };

const MAIN_KEYS: [string, string][][] = [
  [['^G', 'Get Help'], ['^O', 'Write Out'], ['^W', 'Where Is'], ['^K', 'Cut Text'], ['^J', 'Justify'], ['^C', 'Cur Pos']],
  [['^X', 'Exit'], ['^R', 'Read File'], ['^\\', 'Replace'], ['^U', 'Uncut Text'], ['^T', 'To Spell'], ['^_', 'Go To Line']],
];
const PROMPT_KEYS: [string, string][][] = [
  [['^G', 'Get Help'], ['', ''], ['', '']],
  [['^C', 'Cancel'], ['', ''], ['', '']],
];
const YES_NO: [string, string][][] = [
  [[' Y', 'Yes']],
  [[' N', 'No'], ['^C', 'Cancel']],
];

export class Nano {
  lines: string[];
  row = 0;
  col = 0;
  private top = 0;
  modified = false;
  message: string;
  prompt: Prompt | undefined;
  private cut: string[] = [];
  private lastWasCut = false;
  private lastSearch = '';
  quit = false;

  constructor(
    public path: string,
    lines: string[],
    opening: string,
    private readonly io: NanoIo,
    public cols = 80,
    public rows = 24,
  ) {
    // nano's "magic line": an empty line after the last one, where typing adds to the file.
    this.lines = lines.length === 0 || (lines.length === 1 && lines[0] === '') ? [''] : [...lines, ''];
    this.message = opening;
  }

  private get line(): string {
    return this.lines[this.row]!;
  }
  private set line(v: string) {
    this.lines[this.row] = v;
  }

  // ── painting ─────────────────────────────────────────────────────────────────────────────────
  render(): string {
    const textRows = Math.max(1, this.rows - 5);
    if (this.row < this.top) this.top = this.row;
    if (this.row >= this.top + textRows) this.top = this.row - textRows + 1;
    const title = this.titleBar();
    const out: string[] = [inverse(title), ''];
    let cursorCol = 1;
    for (let i = 0; i < textRows; i++) {
      const n = this.top + i;
      if (n >= this.lines.length) {
        out.push('');
        continue;
      }
      const shown = expand(this.lines[n]!);
      // nano scrolls a long line sideways and marks the cut with $.
      const dc = n === this.row ? displayCol(this.line, this.col) : 0;
      const page = this.cols - 1;
      const start = n === this.row && dc >= this.cols ? Math.floor(dc / page) * page - 1 : 0;
      let visible = shown.slice(start, start + this.cols);
      if (start > 0) visible = `$${visible.slice(1)}`;
      if (shown.length > start + this.cols) visible = `${visible.slice(0, this.cols - 1)}$`;
      if (n === this.row) cursorCol = dc - start + 1;
      out.push(visible);
    }
    let cursorRow = 3 + this.row - this.top;
    const status = this.statusRow();
    out.push(status.text);
    if (status.cursor !== undefined) {
      cursorRow = this.rows - 2;
      cursorCol = status.cursor;
    }
    const keys = this.prompt === undefined ? MAIN_KEYS : this.prompt.kind === 'save?' ? YES_NO : PROMPT_KEYS;
    for (const row of keys) out.push(this.shortcutRow(row));
    return frame(out, cursorRow, cursorCol);
  }

  private titleBar(): string {
    const left = '  GNU nano 2.5.3';
    const name = this.path ? `File: ${this.path}` : 'New Buffer';
    const right = this.modified ? 'Modified  ' : '';
    const mid = Math.max(left.length + 1, Math.floor((this.cols - name.length) / 2));
    let bar = left.padEnd(mid) + name;
    bar = bar.padEnd(this.cols - right.length) + right;
    return bar.slice(0, this.cols);
  }

  private statusRow(): { text: string; cursor?: number } {
    const p = this.prompt;
    if (p?.kind === 'save?') {
      const q = 'Save modified buffer (ANSWERING "No" WILL DESTROY CHANGES) ? ';
      return { text: inverse(q.padEnd(this.cols).slice(0, this.cols)), cursor: q.length + 1 };
    }
    if (p) {
      const label = p.kind === 'write' ? 'File Name to Write: ' : p.kind === 'search' ? `Search${this.lastSearch ? ` [${this.lastSearch}]` : ''}: ` : 'Enter line number, column number: ';
      return { text: inverse(`${label}${p.text}`.padEnd(this.cols).slice(0, this.cols)), cursor: label.length + p.text.length + 1 };
    }
    if (!this.message) return { text: '' };
    const m = `[ ${this.message} ]`;
    const pad = Math.max(0, Math.floor((this.cols - m.length) / 2));
    return { text: ' '.repeat(pad) + inverse(m) };
  }

  private shortcutRow(items: [string, string][]): string {
    const width = Math.floor(this.cols / 6);
    return items.map(([k, label]) => (k ? `${inverse(k)} ${label}`.padEnd(width + 8) : ' '.repeat(width))).join('').trimEnd();
  }

  // ── keys ─────────────────────────────────────────────────────────────────────────────────────
  key(k: string): void {
    if (this.prompt) return this.promptKey(k);
    const cutting = k === '\x0b';
    if (!cutting) this.lastWasCut = false;
    this.message = '';
    if (is(k, KEY.up) || k === '\x10') this.row = Math.max(0, this.row - 1);
    else if (is(k, KEY.down) || k === '\x0e') this.row = Math.min(this.lines.length - 1, this.row + 1);
    else if (is(k, KEY.left) || k === '\x02') {
      if (this.col > 0) this.col--;
      else if (this.row > 0) {
        this.row--;
        this.col = this.line.length;
      }
    } else if (is(k, KEY.right) || k === '\x06') {
      if (this.col < this.line.length) this.col++;
      else if (this.row < this.lines.length - 1) {
        this.row++;
        this.col = 0;
      }
    } else if (is(k, KEY.home) || k === '\x01') this.col = 0;
    else if (is(k, KEY.end) || k === '\x05') this.col = this.line.length;
    else if (is(k, KEY.pageUp) || k === '\x19') this.row = Math.max(0, this.row - (this.rows - 6));
    else if (is(k, KEY.pageDown) || k === '\x16') this.row = Math.min(this.lines.length - 1, this.row + (this.rows - 6));
    else if (k === '\r' || k === '\n') {
      const rest = this.line.slice(this.col);
      this.line = this.line.slice(0, this.col);
      this.lines.splice(this.row + 1, 0, rest);
      this.row++;
      this.col = 0;
      this.modified = true;
    } else if (k === '\x7f' || k === '\b') {
      if (this.col > 0) {
        this.line = this.line.slice(0, this.col - 1) + this.line.slice(this.col);
        this.col--;
        this.modified = true;
      } else if (this.row > 0) {
        const prev = this.lines[this.row - 1]!;
        this.lines[this.row - 1] = prev + this.line;
        this.lines.splice(this.row, 1);
        this.row--;
        this.col = prev.length;
        this.modified = true;
      }
    } else if (is(k, KEY.del) || k === '\x04') {
      if (this.col < this.line.length) this.line = this.line.slice(0, this.col) + this.line.slice(this.col + 1);
      else if (this.row < this.lines.length - 1) {
        this.line += this.lines[this.row + 1]!;
        this.lines.splice(this.row + 1, 1);
      } else return;
      this.modified = true;
    } else if (cutting) {
      this.cut = this.lastWasCut ? [...this.cut, this.line] : [this.line];
      this.lastWasCut = true;
      if (this.lines.length > 1) this.lines.splice(this.row, 1);
      else this.lines[0] = '';
      this.row = Math.min(this.row, this.lines.length - 1);
      this.col = 0;
      this.modified = true;
    } else if (k === '\x15') {
      if (this.cut.length === 0) return;
      this.lines.splice(this.row, 0, ...this.cut);
      this.row += this.cut.length;
      this.col = 0;
      this.modified = true;
    } else if (k === '\x0f') this.prompt = { kind: 'write', text: this.path, exitAfter: false };
    else if (k === '\x18') {
      if (!this.modified) this.quit = true;
      else this.prompt = { kind: 'save?' };
    } else if (k === '\x17') this.prompt = { kind: 'search', text: '', exitAfter: false };
    else if (k === '\x1f') this.prompt = { kind: 'line', text: '', exitAfter: false };
    else if (k === '\x07') this.message = 'The lab\'s nano has no help screen: ^O saves, ^X exits, ^W searches, ^K cuts a line, ^U pastes it';
    else if (k === '\x12' || k === '\x1c' || k === '\x14' || k === '\x0a') this.message = 'Not available in the lab\'s nano';
    else if (k === '\t' || (k.length >= 1 && !k.startsWith('\x1b') && k >= ' ')) {
      // Typed or pasted text; a pasted run may hold newlines.
      const parts = k.replace(/\r\n?/g, '\n').split('\n');
      parts.forEach((s, i) => {
        if (i > 0) this.key('\r');
        this.line = this.line.slice(0, this.col) + s + this.line.slice(this.col);
        this.col += s.length;
      });
      this.modified = true;
    }
    this.magicLine();
    if (this.col > this.line.length) this.col = this.line.length;
  }

  private magicLine(): void {
    if (this.lines.at(-1) !== '') this.lines.push('');
  }

  /** The file's lines (without the magic line). */
  content(): string[] {
    return this.lines.slice(0, -1);
  }

  private promptKey(k: string): void {
    const p = this.prompt!;
    if (p.kind === 'save?') {
      if (k === 'y' || k === 'Y') this.prompt = { kind: 'write', text: this.path, exitAfter: true };
      else if (k === 'n' || k === 'N') this.quit = true;
      else if (k === '\x03' || k === '\x1b') {
        this.prompt = undefined;
        this.message = 'Cancelled';
      }
      return;
    }
    if (k === '\x03' || k === '\x1b') {
      this.prompt = undefined;
      this.message = 'Cancelled';
      return;
    }
    if (k === '\x7f' || k === '\b') {
      p.text = p.text.slice(0, -1);
      return;
    }
    if (k === '\r' || k === '\n') {
      this.prompt = undefined;
      if (p.kind === 'write') this.write(p.text, p.exitAfter);
      else if (p.kind === 'search') this.search(p.text || this.lastSearch);
      else this.goTo(p.text);
      return;
    }
    if (k.length >= 1 && !k.startsWith('\x1b') && k >= ' ') p.text += k;
  }

  private write(name: string, exitAfter: boolean): void {
    if (!name) {
      this.message = 'Cancelled';
      return;
    }
    const r = this.io.save(name, this.content());
    if ('error' in r) {
      this.message = `Error writing ${name}: ${r.error === 'EACCES' ? 'Permission denied' : r.error === 'ENOENT' ? 'No such file or directory' : r.error === 'EISDIR' ? 'Is a directory' : r.error}`;
      return;
    }
    this.path = name;
    this.modified = false;
    const n = this.content().length;
    this.message = `Wrote ${n} line${n === 1 ? '' : 's'}`;
    if (exitAfter) this.quit = true;
  }

  private search(what: string): void {
    if (!what) {
      this.message = 'Cancelled';
      return;
    }
    this.lastSearch = what;
    const total = this.lines.length;
    for (let step = 0; step <= total; step++) {
      const r = (this.row + step) % total;
      const from = step === 0 ? this.col + 1 : 0;
      const c = this.lines[r]!.indexOf(what, from);
      if (c < 0) continue;
      if (step === total && c === this.col) this.message = 'This is the only occurrence';
      else if (step > 0 && r <= this.row) this.message = 'Search Wrapped';
      this.row = r;
      this.col = c;
      return;
    }
    this.message = `"${what}" not found`;
  }

  private goTo(text: string): void {
    const [l, c] = text.split(/[ ,]+/).map((x) => Number(x));
    if (!l || Number.isNaN(l)) {
      this.message = 'Come on, be reasonable';
      return;
    }
    this.row = Math.min(this.lines.length, Math.max(1, l)) - 1;
    this.col = c && !Number.isNaN(c) ? Math.min(this.line.length, c - 1) : 0;
  }
}
