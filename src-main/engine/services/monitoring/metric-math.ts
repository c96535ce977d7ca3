/**
 * Metric math for GetMetricData: a series is a map timestamp → value. Supports numbers, query ids,
 * + - * / and parentheses (series align on their common timestamps, scalars apply to every point),
 * [a, b] lists, SUM/AVG/MIN/MAX (per timestamp across a list), ABS, FILL(series, value) and
 * METRICS() (every MetricStat query). Anything else is a ValidationError in CloudWatch's words.
 */
export type Series = Map<number, number>;
type Value = number | Series | Series[];

export class MathError extends Error {}

function combine(a: Value, b: Value, f: (x: number, y: number) => number): Value {
  if (Array.isArray(a) || Array.isArray(b)) throw new MathError('Arithmetic on a list of time series is not supported.');
  if (typeof a === 'number' && typeof b === 'number') return f(a, b);
  if (typeof a === 'number') return new Map([...(b as Series)].map(([t, v]) => [t, f(a, v)]));
  if (typeof b === 'number') return new Map([...a].map(([t, v]) => [t, f(v, b)]));
  const out: Series = new Map();
  for (const [t, v] of a) {
    const w = b.get(t);
    if (w !== undefined) out.set(t, f(v, w));
  }
  return out;
}

function aggregate(args: Value[], pick: (vals: number[]) => number): Value {
  const list: Series[] = [];
  for (const a of args) {
    if (Array.isArray(a)) list.push(...a);
    else if (typeof a === 'number') throw new MathError('The function expects a time series or an array of time series.');
    else list.push(a);
  }
  const times = new Set<number>();
  for (const s of list) for (const t of s.keys()) times.add(t);
  const out: Series = new Map();
  for (const t of times) {
    const vals = list.map((s) => s.get(t)).filter((v): v is number => v !== undefined);
    if (vals.length) out.set(t, pick(vals));
  }
  return out;
}

const FUNCTIONS: Record<string, (args: Value[], all: () => Series[]) => Value> = {
  SUM: (a) => aggregate(a, (v) => v.reduce((x, y) => x + y, 0)),
  AVG: (a) => aggregate(a, (v) => v.reduce((x, y) => x + y, 0) / v.length),
  MIN: (a) => aggregate(a, (v) => Math.min(...v)),
  MAX: (a) => aggregate(a, (v) => Math.max(...v)),
  ABS: (a) => combine(a[0]!, 0, (x) => Math.abs(x)),
  FILL: (a, all) => {
    const [s, fill] = a;
    if (!(s instanceof Map) || typeof fill !== 'number') throw new MathError('FILL expects a time series and a number.');
    const times = new Set<number>();
    for (const x of all()) for (const t of x.keys()) times.add(t);
    return new Map([...times].sort((x, y) => x - y).map((t) => [t, s.get(t) ?? fill]));
  },
  METRICS: (_a, all) => all(),
};

/** Evaluates `expr` with the given query results. */
export function evaluateExpression(expr: string, lookup: (id: string) => Series | undefined, all: () => Series[]): Value {
  const tokens = expr.match(/\d+(?:\.\d+)?|[A-Za-z_][\w]*|[()[\],+\-*/]|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const take = (t?: string) => {
    const tok = tokens[i++];
    if (t !== undefined && tok !== t) throw new MathError(`Syntax error: expected "${t}" in ${expr}`);
    return tok;
  };
  const primary = (): Value => {
    const t = take();
    if (t === undefined) throw new MathError(`Syntax error in ${expr}`);
    if (/^\d/.test(t)) return Number(t);
    if (t === '-') return combine(0, primary(), (x, y) => x - y);
    if (t === '(') {
      const v = sum();
      take(')');
      return v;
    }
    if (t === '[') {
      const items: Series[] = [];
      while (peek() !== ']') {
        const v = sum();
        if (!(v instanceof Map)) throw new MathError('A list may only hold time series.');
        items.push(v);
        if (peek() === ',') take(',');
      }
      take(']');
      return items;
    }
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === '(') {
        const f = FUNCTIONS[t.toUpperCase()];
        if (!f) throw new MathError(`Unsupported function: ${t}`);
        take('(');
        const args: Value[] = [];
        while (peek() !== ')') {
          args.push(sum());
          if (peek() === ',') take(',');
        }
        take(')');
        return f(args, all);
      }
      const s = lookup(t);
      if (!s) throw new MathError(`Unknown identifier: ${t}`);
      return s;
    }
    throw new MathError(`Syntax error in ${expr}`);
  };
  const product = (): Value => {
    let v = primary();
    while (peek() === '*' || peek() === '/') {
      const op = take();
      const r = primary();
      v = combine(v, r, op === '*' ? (x, y) => x * y : (x, y) => x / y);
    }
    return v;
  };
  const sum = (): Value => {
    let v = product();
    while (peek() === '+' || peek() === '-') {
      const op = take();
      const r = product();
      v = combine(v, r, op === '+' ? (x, y) => x + y : (x, y) => x - y);
    }
    return v;
  };
  const out = sum();
  if (i < tokens.length) throw new MathError(`Syntax error in ${expr}`);
  return out;
}
