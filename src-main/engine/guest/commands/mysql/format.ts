/** The mysql client's three ways of printing a result: boxed table, tab-separated batch, vertical (\G). */

export interface Column {
  name: string;
  numeric: boolean;
}

const width = (s: string): number => [...s].length;

export function table(columns: Column[], rows: (string | null)[][]): string {
  const cells = rows.map((r) => r.map((v) => (v === null ? 'NULL' : v)));
  const widths = columns.map((c, i) => Math.max(width(c.name), ...cells.map((r) => width(r[i] ?? ''))));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s)));
  let out = rule + `|${columns.map((c, i) => ` ${pad(c.name, widths[i]!, false)} `).join('|')}|\n` + rule;
  for (const r of cells) out += `|${r.map((v, i) => ` ${pad(v, widths[i]!, columns[i]!.numeric)} `).join('|')}|\n`;
  return out + rule;
}

/** Batch output escapes tabs, newlines and backslashes in values. */
const escapeBatch = (v: string | null): string => (v === null ? 'NULL' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\0/g, '\\0'));

export function batch(columns: Column[], rows: (string | null)[][], header: boolean): string {
  let out = header ? `${columns.map((c) => c.name).join('\t')}\n` : '';
  for (const r of rows) out += `${r.map(escapeBatch).join('\t')}\n`;
  return out;
}

export function vertical(columns: Column[], rows: (string | null)[][]): string {
  const w = Math.max(...columns.map((c) => width(c.name)));
  let out = '';
  rows.forEach((r, n) => {
    out += `${'*'.repeat(27)} ${n + 1}. row ${'*'.repeat(27)}\n`;
    columns.forEach((c, i) => {
      out += `${' '.repeat(w - width(c.name))}${c.name}: ${r[i] ?? 'NULL'}\n`;
    });
  });
  return out;
}

/** "(0.00 sec)": the lab's queries are quick; the figure is the measured time, to two places. */
export const seconds = (ms: number): string => `(${(ms / 1000).toFixed(2)} sec)`;
