/**
 * `--output table`: awscli/table.py and the TableFormatter, boxed sections with centred titles,
 * nested sections indented with '|', and the CLI's switch to a vertical layout wider than the terminal
 * (80 columns when stdout is not a terminal).
 */
import { pyRound, pyStr, textWidth } from '../pyformat';

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private numCols: number | undefined;
  private maxWidths: number[] = [];

  addTitle(title: string): void {
    this.title = title;
  }
  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    this.numCols ??= headers.length;
    this.headers = headers;
  }
  addRow(row: unknown[]): void {
    this.numCols ??= row.length;
    const r = row.map(pyStr);
    this.rows.push(r);
    this.updateMaxWidths(r);
  }
  private updateMaxWidths(row: string[]): void {
    if (this.maxWidths.length === 0) this.maxWidths = row.map(textWidth);
    else row.forEach((el, i) => (this.maxWidths[i] = Math.max(textWidth(el), this.maxWidths[i] ?? 0)));
  }
  columnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => pyRound(scale * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = [...scaled.keys()];
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i]! -= 1;
          offBy -= 1;
        } else {
          scaled[i]! += 1;
          offBy += 1;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }
  totalWidth(padding: number, withBorder: boolean, outerPadding: number): number {
    let total = 0;
    for (const w of this.columnWidths()) total += w + padding;
    if (withBorder) total += 2;
    total += outerPadding * 2;
    return Math.max(textWidth(this.title) + 2 + outerPadding * 2, total);
  }
}

function centerText(text: string, length: number, leftEdge = '|', rightEdge = '|'): string {
  const textLength = textWidth(text);
  const charStart = Math.floor(length / 2) - Math.floor(textLength / 2) - 1;
  const lengthSoFar = textWidth(leftEdge) + charStart + textLength;
  const right = length - textWidth(rightEdge) - lengthSoFar;
  return `${leftEdge}${' '.repeat(Math.max(0, charStart))}${text}${' '.repeat(Math.max(0, right))}${rightEdge}`;
}

function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLength = textWidth(text);
  const computed = textLength + 2 + textWidth(leftEdge) + textWidth(rightEdge);
  const padding = length - computed >= 0 ? 2 : 0;
  const soFar = leftEdge.length + padding + textLength;
  return `${leftEdge}${' '.repeat(padding)}${text}${' '.repeat(Math.max(0, length - soFar - rightEdge.length))}${rightEdge}`;
}

class MultiTable {
  sections: Section[] = [];
  private current: Section | undefined;
  constructor(private readonly terminalWidth: number) {}

  newSection(title: string, indentLevel = 0): void {
    this.current = new Section();
    this.sections.push(this.current);
    this.current.addTitle(title);
    this.current.indentLevel = indentLevel;
  }
  addRowHeader(headers: string[]): void {
    this.current!.addHeader(headers);
  }
  addRow(row: unknown[]): void {
    this.current!.addRow(row);
  }

  render(): string {
    let maxWidth = this.maxWidth();
    if (maxWidth > this.terminalWidth) {
      this.convertToVertical();
      maxWidth = this.maxWidth();
    }
    let out = `${'-'.repeat(maxWidth)}\n`;
    for (const s of this.sections) out += this.renderSection(s, maxWidth);
    return out;
  }
  private maxWidth(): number {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, true, s.indentLevel)));
  }
  private convertToVertical(): void {
    this.sections = this.sections.map((s) => {
      if (s.rows.length !== 1 || s.headers.length === 0) return s;
      const n = new Section();
      n.title = s.title;
      n.indentLevel = s.indentLevel;
      s.headers.forEach((h, i) => {
        if (i < s.rows[0]!.length) n.addRow([h, s.rows[0]![i]]);
      });
      return n;
    });
  }
  private renderSection(s: Section, maxWidthAll: number): string {
    const lines: string[] = [];
    const maxWidth = maxWidthAll - s.indentLevel * 2;
    if (s.title) {
      lines.push(centerText(s.title, maxWidth));
      if (s.headers.length === 0 && s.rows.length === 0) lines.push(`+${'-'.repeat(maxWidth - 2)}+`);
    }
    const lineBreak = (widths: number[]): string => widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join('');
    if (s.headers.length > 0) {
      const widths = s.columnWidths(4, maxWidth);
      lines.push(lineBreak(widths));
      lines.push(widths.map((w, i) => centerText(s.headers[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''));
    }
    if (s.rows.length > 0) {
      const widths = s.columnWidths(4, maxWidth);
      if (widths.length > 0) {
        lines.push(lineBreak(widths));
        for (const row of s.rows) lines.push(widths.map((w, i) => alignLeft(row[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''));
        lines.push(lineBreak(widths));
      }
    }
    const pad = '|'.repeat(s.indentLevel);
    return lines.map((l) => `${pad}${l}${pad}\n`).join('');
  }
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Number);
const isScalar = (v: unknown): boolean => !Array.isArray(v) && !isDict(v);
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function groupScalarKeys(current: Dict): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const k of Object.keys(current)) (isScalar(current[k]) ? headers : more).push(k);
  return [headers.sort(byCodePoint), more.sort(byCodePoint)];
}

class TableBuilder {
  constructor(readonly table: MultiTable) {}

  build(title: string | null, current: unknown, indentLevel = 0): boolean {
    if (isFalsy(current)) return false;
    if (title !== null) this.table.newSection(title, indentLevel);
    if (Array.isArray(current)) {
      if (isDict(current[0])) this.subTableFromList(current as Dict[], indentLevel, title);
      else
        for (const item of current) {
          if (isScalar(item)) this.table.addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) this.table.addRow(item);
          else if (isDict(item) && Object.keys(item).every((k) => isScalar(k))) this.table.addRow(Object.keys(item));
          else this.build(null, item);
        }
    }
    if (isDict(current)) this.subTableFromDict(current, indentLevel);
    return true;
  }
  private subTableFromDict(current: Dict, indentLevel: number): void {
    const [headers, more] = groupScalarKeys(current);
    if (headers.length === 1) this.table.addRow([headers[0], current[headers[0]!]]);
    else if (headers.length > 0) {
      this.table.addRowHeader(headers);
      this.table.addRow(headers.map((k) => current[k]));
    }
    for (const k of more) this.build(k, current[k], indentLevel + 1);
  }
  private subTableFromList(current: Dict[], indentLevel: number, title: string | null): void {
    const hs = new Set<string>();
    const ms = new Set<string>();
    for (const item of current) {
      if (!isDict(item)) continue;
      const [h, m] = groupScalarKeys(item);
      h.forEach((x) => hs.add(x));
      m.forEach((x) => ms.add(x));
    }
    const headers = [...hs].sort(byCodePoint);
    const more = [...ms].sort(byCodePoint);
    this.table.addRowHeader(headers);
    let first = true;
    for (const el of current) {
      if (!first && more.length > 0) {
        this.table.newSection(title ?? '', indentLevel);
        this.table.addRowHeader(headers);
      }
      first = false;
      this.table.addRow(headers.map((h) => (h in el ? el[h] : '')));
      for (const r of more) if (r in el) this.build(r, el[r], indentLevel + 1);
    }
  }
}

/** Python truthiness of a response value. */
function isFalsy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === '' || v === 0) return true;
  if (v instanceof Number) return v.valueOf() === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (isDict(v)) return Object.keys(v).length === 0;
  return false;
}

export function formatTable(title: string, value: unknown, terminalWidth = 80): string {
  const table = new MultiTable(terminalWidth);
  const builder = new TableBuilder(table);
  if (!builder.build(title, value)) return '';
  return table.render();
}
