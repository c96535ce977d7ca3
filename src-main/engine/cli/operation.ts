/**
 * `aws SERVICE OPERATION [args]`: argument table → parse → unpack → validate → call (paginated when
 * the model says so) → render as botocore would have parsed it → --query → --output.
 */
import { randomUUID } from 'node:crypto';
import YAML from 'yaml';
import type { LoadedModel } from '../models/load';
import type { OperationModel } from '../models/types';
import { parseKnownArgs } from './argparse';
import { addInputArguments, addPagingArguments, modelArguments, paginatorFor, parserSpec, type ArgTable, type CliArgument } from './arg-table';
import { beforeCall, customizeArguments, urlDecodeListing, wantsUrlDecoding } from './customizations';
import { GeneralError, ParamError, ParamValidationError, UnknownArgumentsError } from './errors';
import { formatResponse } from './format';
import { formatText } from './format/text';
import { applyQuery } from './format';
import { mergePages, paginate, textPages } from './paginate';
import { decodeBlobs, GeneralValueError, unpackArgument } from './params';
import { renderOutput } from './render';
import type { Session } from './session';
import { skeleton } from './skeleton';
import { toCallInput, validateParams } from './validate';
import { operationHelp } from './help';
import { resolvePath, readFileForCli } from './files';
import { pyInt } from './shorthand';
import { afterCall, beforeCallChecks } from './after-call';

type Dict = Record<string, unknown>;

export function buildArgTable(model: LoadedModel, cliService: string, cliOperation: string, op: OperationModel): ArgTable {
  const table = modelArguments(op);
  customizeArguments(cliService, cliOperation, table);
  const pag = paginatorFor(model, op.name);
  if (pag) addPagingArguments(table, pag, op);
  addInputArguments(table);
  const streamingOut = Object.values(op.output?.members ?? {}).some((m) => m.streaming);
  if (streamingOut) table.set('outfile', { name: 'outfile', dest: 'outfile', nargs: 1, required: true, positional: true, cliOnly: true, typeName: 'string' });
  return table;
}

async function buildParams(session: Session, table: ArgTable, values: Map<string, unknown>): Promise<Dict> {
  const params: Dict = {};
  const ctx = { readFile: (p: string) => readFileForCli(session.host, p) };
  const done = new Set<string>();
  for (const arg of table.values()) {
    if (arg.cliOnly || !values.has(arg.dest) || done.has(arg.dest)) continue;
    done.add(arg.dest);
    const raw = values.get(arg.dest);
    if (raw === undefined) continue;
    if (arg.apply) await arg.apply(params, raw, ctx);
    else if (arg.member && arg.shape) params[arg.member] = await unpackArgument(arg, raw, ctx);
  }
  return params;
}

async function cliInput(session: Session, values: Map<string, unknown>): Promise<Dict | undefined> {
  const json = values.get('cli-input-json') as string | undefined;
  const yaml = values.get('cli-input-yaml') as string | undefined;
  if (json !== undefined && yaml !== undefined) throw new ParamValidationError('Only one --cli-input-json or --cli-input-yaml may be specified.');
  const raw = json ?? yaml;
  if (raw === undefined) return undefined;
  const name = json !== undefined ? '--cli-input-json' : '--cli-input-yaml';
  let text = raw;
  if (raw.startsWith('file://') || raw.startsWith('fileb://')) {
    try {
      text = (await readFileForCli(session.host, raw.replace(/^fileb?:\/\//, ''))).toString('utf8');
    } catch (e) {
      throw new ParamError(name, `Unable to load paramfile ${raw}: ${(e as Error).message}`);
    }
  }
  try {
    const data = json !== undefined ? (JSON.parse(text) as unknown) : (YAML.parse(text) as unknown);
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not an object');
    return data as Dict;
  } catch {
    throw new ParamValidationError(json !== undefined ? `Invalid JSON received.` : `Invalid YAML received.`);
  }
}

const optInt = (v: unknown): number | undefined => {
  if (v === undefined) return undefined;
  try {
    return pyInt(String(v));
  } catch (e) {
    throw new GeneralValueError((e as Error).message);
  }
};

export async function runOperation(session: Session, model: LoadedModel, cliService: string, cliOperation: string, opName: string, args: string[]): Promise<number> {
  const host = session.host;
  const op = model.operations[opName]!;
  const table = buildArgTable(model, cliService, cliOperation, op);
  if (args.length === 1 && args[0] === 'help') {
    host.stdout(operationHelp(model, cliService, cliOperation, op, table));
    return 0;
  }
  // With --cli-input-json/yaml or --generate-cli-skeleton, nothing is required on the command line.
  if (args.some((a) => /^--(cli-input-(json|yaml)|generate-cli-skeleton)(=|$)/.test(a))) for (const a of table.values()) a.required = false;
  const spec = parserSpec(table, [{ dest: 'help', nargs: '?' }]);
  const { values, extras } = parseKnownArgs(args, spec);
  if (values.has('help')) {
    if (values.get('help') === 'help') {
      host.stdout(operationHelp(model, cliService, cliOperation, op, table));
      return 0;
    }
    extras.push(String(values.get('help')));
  }
  if (extras.length > 0) throw new UnknownArgumentsError(extras);

  if (values.has('generate-cli-skeleton')) {
    host.stdout(skeleton(op, (values.get('generate-cli-skeleton') as string | null) ?? 'input'));
    return 0;
  }

  const pag = paginatorFor(model, opName);
  let paginateOn = !!pag && !session.globals.noPaginate;
  const paging = { startingToken: values.get('starting-token') as string | undefined, pageSize: optInt(values.get('page-size')), maxItems: optInt(values.get('max-items')) };
  if (pag) {
    const tokenArgs = [...[pag.input_token].flat(), pag.limit_key].filter((x): x is string => !!x);
    if (tokenArgs.some((t) => [...table.values()].some((a) => a.member === t && values.has(a.dest)))) paginateOn = false;
    if (!paginateOn) {
      const used = (['starting-token', 'page-size', 'max-items'] as const).filter((k) => values.get(k) !== undefined);
      if (used.length > 0 && session.globals.noPaginate)
        throw new ParamValidationError(`Cannot specify --no-paginate along with pagination arguments: ${used.map((u) => `--${u}`).join(', ')}`);
    }
  }

  let params = await buildParams(session, table, values);
  const fromFile = await cliInput(session, values);
  if (fromFile) params = { ...fromFile, ...params };
  // botocore fills idempotency tokens the caller left out with a fresh UUID (generate_idempotent_uuid).
  for (const [name, member] of Object.entries(op.input?.members ?? {})) if (member.idempotencyToken && params[name] === undefined) params[name] = randomUUID();
  beforeCallChecks(model.service, opName, values);
  beforeCall(model.service, opName, params);
  const decodeKeys = wantsUrlDecoding(model.service, opName, params);
  if (op.input) params = decodeBlobs(op.input, params) as Dict;
  validateParams(op.input, params);
  const input = (op.input ? toCallInput(op.input, params) : {}) as Dict;

  const protocol = model.metadata.protocol;
  const callOnce = async (p: Dict): Promise<Dict> => {
    const out = await session.call(model.service, opName, p);
    const outfile = values.get('outfile') as string | undefined;
    if (outfile !== undefined) await writeStreamingBody(session, op, out, outfile);
    const rendered = renderOutput(op.output, out, protocol);
    await afterCall(session, model.service, opName, out, rendered, values);
    if (decodeKeys) urlDecodeListing(rendered);
    return rendered;
  };

  if (paginateOn && pag) {
    const result = await paginate(pag, input, paging, callOnce);
    if (session.output === 'text') {
      let text = '';
      for (const page of textPages(result)) text += formatText(applyQuery(session.globals.query, page));
      host.stdout(text);
    } else host.stdout(formatResponse(session.output, opName, mergePages(result), session.globals.query));
    return 0;
  }
  const response = await callOnce(input);
  host.stdout(formatResponse(session.output, opName, response, session.globals.query));
  return 0;
}

async function writeStreamingBody(session: Session, op: OperationModel, out: Dict, outfile: string): Promise<void> {
  const member = Object.entries(op.output?.members ?? {}).find(([, m]) => m.streaming)?.[0];
  if (!member) return;
  const body = out[member];
  const chunks: Buffer[] = [];
  if (body instanceof Uint8Array) chunks.push(Buffer.from(body));
  else if (body && typeof body === 'object' && Symbol.asyncIterator in body) for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  else if (typeof body === 'string') chunks.push(Buffer.from(body));
  try {
    await session.host.fs.writeFile(resolvePath(session.host, outfile), Buffer.concat(chunks));
  } catch (e) {
    throw new GeneralError(`[Errno 2] No such file or directory: '${outfile}' (${(e as Error).message})`);
  }
}

export type { CliArgument };
