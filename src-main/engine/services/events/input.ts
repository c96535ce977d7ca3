/** What a target receives: the event, or Input, InputPath, or InputTransformer applied to it. */

/** `$.detail.state`, `$.resources[0]`, `$` → the value (undefined when absent). */
export function jsonPath(doc: unknown, path: string): unknown {
  if (path === '$') return doc;
  if (!path.startsWith('$.')) return undefined;
  let cur: unknown = doc;
  for (const part of path.slice(2).match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = part.startsWith('[') ? (cur as unknown[])[Number(part.slice(1, -1))] : (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export interface TargetSpec {
  Id: string;
  Arn: string;
  Input?: string;
  InputPath?: string;
  InputTransformer?: { InputPathsMap?: Record<string, string>; InputTemplate: string };
  RoleArn?: string;
}

/** The payload text for one target. */
export function targetInput(spec: TargetSpec, event: Record<string, unknown>): string {
  if (spec.Input !== undefined) return spec.Input;
  if (spec.InputPath) return JSON.stringify(jsonPath(event, spec.InputPath) ?? null);
  const t = spec.InputTransformer;
  if (!t) return JSON.stringify(event);
  const values: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(t.InputPathsMap ?? {})) values[k] = jsonPath(event, p);
  // Inside a JSON template a string value is inserted with its quotes' content; elsewhere as text.
  return t.InputTemplate.replace(/<([\w.-]+)>/g, (all, name: string) => {
    if (name === 'aws.events.event.json') return JSON.stringify(event);
    if (name === 'aws.events.rule-arn' || name === 'aws.events.rule-name' || name === 'aws.events.event.ingestion-time') return all;
    if (!(name in values)) return all;
    const v = values[name];
    if (v === undefined || v === null) return 'null';
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
}
