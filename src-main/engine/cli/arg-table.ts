/**
 * An operation's argument table, built from its input shape like the CLI's clidriver: one `--kebab`
 * option per member (lists take several values, booleans get a `--no-` twin), then the CLI's
 * customizations (paging arguments, --cli-input-json, --generate-cli-skeleton, per-operation extras).
 */
import type { OperationModel, Shape } from '../models/types';
import type { LoadedModel } from '../models/load';
import type { Nargs, OptionSpec, ParserSpec, PositionalSpec } from './argparse';
import { xformName } from './names';
import { CLI_PAGINATORS } from './cli-paginators';

export interface ApplyContext {
  readFile(path: string): Promise<Buffer>;
}

export interface CliArgument {
  /** Name without dashes: 'bucket', 'no-dry-run', 'outfile' */
  name: string;
  dest: string;
  nargs: Nargs;
  required: boolean;
  positional?: boolean;
  /** Model member it fills (serialized name) and its shape. */
  member?: string;
  shape?: Shape;
  constValue?: unknown;
  /** Custom arguments put their value into the parameters themselves. */
  apply?(params: Record<string, unknown>, value: unknown, ctx: ApplyContext): void | Promise<void>;
  /** Paging (--starting-token, --page-size, --max-items) and other CLI-only values. */
  cliOnly?: boolean;
  undocumented?: boolean;
  /** Type name shown in help. */
  typeName?: string;
}

export type ArgTable = Map<string, CliArgument>;

export function modelArguments(op: OperationModel): ArgTable {
  const table: ArgTable = new Map();
  const input = op.input;
  if (!input?.members) return table;
  const required = new Set(input.required ?? []);
  for (const [member, shape] of Object.entries(input.members)) {
    const name = xformName(member);
    const isRequired = required.has(member) && !shape.idempotencyToken;
    if (shape.type === 'boolean') {
      table.set(name, { name, dest: name, nargs: 0, required: isRequired, member, shape, constValue: true });
      table.set(`no-${name}`, { name: `no-${name}`, dest: name, nargs: 0, required: false, member, shape, constValue: false, undocumented: true });
    } else {
      table.set(name, { name, dest: name, nargs: shape.type === 'list' ? '*' : 1, required: isRequired, member, shape });
    }
  }
  return table;
}

export interface PaginatorConfig {
  input_token?: string | string[];
  output_token?: string | string[];
  limit_key?: string;
  result_key?: string | string[];
  more_results?: string;
  non_aggregate_keys?: string[];
}

export function paginatorFor(model: LoadedModel, operation: string): PaginatorConfig | undefined {
  const override = CLI_PAGINATORS[model.service];
  if (override && operation in override) return override[operation] ?? undefined;
  const p = (model.paginators as Record<string, PaginatorConfig> | undefined)?.[operation];
  return p?.input_token ? p : undefined;
}

export const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** customizations/paginate.py: the paging arguments, and the model's own token/limit members hidden. */
export function addPagingArguments(table: ArgTable, pag: PaginatorConfig, op: OperationModel): void {
  for (const token of [...asList(pag.input_token), ...asList(pag.limit_key)]) {
    const a = table.get(xformName(token));
    if (a) a.undocumented = true;
  }
  table.set('starting-token', { name: 'starting-token', dest: 'starting-token', nargs: 1, required: false, cliOnly: true, typeName: 'string' });
  const limitType = pag.limit_key ? (op.input?.members?.[pag.limit_key]?.type ?? 'integer') : 'integer';
  if (pag.limit_key) table.set('page-size', { name: 'page-size', dest: 'page-size', nargs: 1, required: false, cliOnly: true, typeName: limitType });
  table.set('max-items', { name: 'max-items', dest: 'max-items', nargs: 1, required: false, cliOnly: true, typeName: limitType });
}

/** --cli-input-json / --cli-input-yaml / --generate-cli-skeleton, on every operation. */
export function addInputArguments(table: ArgTable): void {
  table.set('cli-input-json', { name: 'cli-input-json', dest: 'cli-input-json', nargs: 1, required: false, cliOnly: true, typeName: 'string' });
  table.set('cli-input-yaml', { name: 'cli-input-yaml', dest: 'cli-input-yaml', nargs: 1, required: false, cliOnly: true, typeName: 'string' });
  table.set('generate-cli-skeleton', { name: 'generate-cli-skeleton', dest: 'generate-cli-skeleton', nargs: '?', required: false, cliOnly: true, typeName: 'string' });
}

export function parserSpec(table: ArgTable, extraPositionals: PositionalSpec[] = []): ParserSpec {
  const options: OptionSpec[] = [];
  const positionals: PositionalSpec[] = [];
  for (const a of table.values()) {
    if (a.positional) positionals.push({ dest: a.dest, nargs: a.required ? 1 : '?' });
    else options.push({ flag: `--${a.name}`, dest: a.dest, nargs: a.nargs, required: a.required, constValue: a.constValue });
  }
  return { options, positionals: [...positionals, ...extraPositionals] };
}
