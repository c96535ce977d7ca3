/** psql's aligned output: centred headers, numbers to the right, "(N rows)". */
export interface PgColumn {
  name: string;
  numeric: boolean;
}

const width = (s: string): number => [...s].length;

export function aligned(columns: PgColumn[], rows: (string | null)[][]): string {
  const cells = rows.map((r) => r.map((v) => v ?? ''));
  const widths = columns.map((c, i) => Math.max(width(c.name), ...cells.map((r) => width(r[i] ?? ''))));
  const centre = (s: string, w: number) => {
    const left = Math.floor((w - width(s)) / 2);
    return ' '.repeat(left) + s + ' '.repeat(w - width(s) - left);
  };
  const last = columns.length - 1;
  let out = `${columns.map((c, i) => ` ${centre(c.name, widths[i]!)} `).join('|')}\n`;
  out += `${widths.map((w) => '-'.repeat(w + 2)).join('+')}\n`;
  for (const r of cells) {
    out += `${r
      .map((v, i) => {
        const pad = ' '.repeat(widths[i]! - width(v));
        // The last column is not padded on the right, as psql prints it.
        if (columns[i]!.numeric) return i === last ? ` ${pad}${v}` : ` ${pad}${v} `;
        return i === last ? ` ${v}` : ` ${v}${pad} `;
      })
      .join('|')}\n`;
  }
  return `${out}(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})\n\n`;
}

/** -A -t style (unaligned, tuples only) and -A: fields joined by `|`. */
export function unaligned(columns: PgColumn[], rows: (string | null)[][], tuplesOnly: boolean): string {
  let out = tuplesOnly ? '' : `${columns.map((c) => c.name).join('|')}\n`;
  for (const r of rows) out += `${r.map((v) => v ?? '').join('|')}\n`;
  if (!tuplesOnly) out += `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})\n`;
  return out;
}

/** Type oids psql right-aligns: int2, int4, int8, oid, float4, float8, numeric, money. */
export const NUMERIC_OIDS = new Set([20, 21, 23, 26, 700, 701, 790, 1700]);
