/**
 * Reading a dashboard body (the JSON PutDashboard stores): metric widgets list their metrics as
 * arrays [Namespace, MetricName, DimName, DimValue, ..., {options}], where "." repeats the entry of
 * the row above. Only metric widgets are graphed; text widgets keep their markdown as plain text.
 */
import type { MetricRef } from './metrics';

export interface Widget {
  kind: 'metric' | 'text' | 'other';
  title: string;
  metrics: MetricRef[];
  stat: string;
  period: number;
  region?: string;
  text?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function metricRows(rows: unknown[]): MetricRef[] {
  const out: MetricRef[] = [];
  let prev: string[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const parts = row
      .filter((p) => typeof p === 'string')
      .map((p, i) => (p === '.' || p === '...' ? (prev[i] ?? '') : p));
    prev = parts;
    const [Namespace, MetricName, ...dims] = parts;
    if (!Namespace || !MetricName) continue;
    const Dimensions = [];
    for (let i = 0; i + 1 < dims.length; i += 2) Dimensions.push({ Name: dims[i]!, Value: dims[i + 1]! });
    out.push({ Namespace, MetricName, Dimensions });
  }
  return out;
}

export function widgetsOf(body: string): Widget[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const widgets = isObj(parsed) && Array.isArray(parsed.widgets) ? parsed.widgets : [];
  return widgets.flatMap((w): Widget[] => {
    if (!isObj(w)) return [];
    const p = isObj(w.properties) ? w.properties : {};
    const title = typeof p.title === 'string' ? p.title : '';
    if (w.type === 'text')
      return [
        {
          kind: 'text',
          title,
          metrics: [],
          stat: '',
          period: 0,
          text: typeof p.markdown === 'string' ? p.markdown : '',
        },
      ];
    if (w.type !== 'metric')
      return [{ kind: 'other', title: title || String(w.type), metrics: [], stat: '', period: 0 }];
    return [
      {
        kind: 'metric',
        title,
        metrics: metricRows(Array.isArray(p.metrics) ? p.metrics : []),
        stat: typeof p.stat === 'string' ? p.stat : 'Average',
        period: typeof p.period === 'number' ? p.period : 300,
        ...(typeof p.region === 'string' ? { region: p.region } : {}),
      },
    ];
  });
}
