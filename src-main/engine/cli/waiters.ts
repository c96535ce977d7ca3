/**
 * `aws SERVICE wait WAITER`: the model's waiters (waiters.json v2: delay, maxAttempts, acceptors on
 * path / pathAll / pathAny / status / error), sleeping on the host's simulated clock.
 */
import jmespath from 'jmespath';
import type { LoadedModel } from '../models/load';
import { parseKnownArgs, invalidChoiceMessage } from './argparse';
import { addInputArguments, modelArguments, parserSpec } from './arg-table';
import { ArgParseError, ClientError, GeneralError, UnknownArgumentsError } from './errors';
import { xformName } from './names';
import { renderOutput } from './render';
import type { Session } from './session';
import { toCallInput, validateParams } from './validate';
import { customizeArguments, beforeCall } from './customizations';
import { unpackArgument, decodeBlobs } from './params';
import { readFileForCli } from './files';
import { pyStr } from './pyformat';

interface Acceptor {
  state: 'success' | 'failure' | 'retry';
  matcher: 'path' | 'pathAll' | 'pathAny' | 'status' | 'error';
  argument?: string;
  expected: unknown;
}
interface Waiter {
  operation: string;
  delay: number;
  maxAttempts: number;
  acceptors: Acceptor[];
}

type Dict = Record<string, unknown>;

function matches(a: Acceptor, response: Dict | undefined, error: ClientError | undefined): boolean {
  if (a.matcher === 'error') return !!error && error.code === a.expected;
  if (a.matcher === 'status') return error ? false : a.expected === 200;
  if (error || !response) return false;
  const value = jmespath.search(response, a.argument ?? '@') as unknown;
  if (a.matcher === 'path') return value === a.expected;
  if (!Array.isArray(value) || value.length === 0) return false;
  return a.matcher === 'pathAll' ? value.every((v) => v === a.expected) : value.some((v) => v === a.expected);
}

export async function runWait(session: Session, model: LoadedModel, cliService: string, args: string[]): Promise<number> {
  const waiters = (model.waiters ?? {}) as Record<string, Waiter>;
  const byCli = new Map(Object.keys(waiters).sort().map((w) => [xformName(w), w]));
  const choices = [...byCli.keys(), 'help'];
  const name = args[0];
  if (name === undefined) throw new ArgParseError('the following arguments are required: subcommand');
  if (!byCli.has(name)) throw new ArgParseError(`argument subcommand: ${invalidChoiceMessage(name, choices)}`);
  const waiterName = byCli.get(name)!;
  const waiter = waiters[waiterName]!;
  const op = model.operations[waiter.operation]!;
  const table = modelArguments(op);
  customizeArguments(cliService, xformName(waiter.operation), table);
  addInputArguments(table);
  const { values, extras } = parseKnownArgs(args.slice(1), parserSpec(table));
  if (extras.length > 0) throw new UnknownArgumentsError(extras);
  let params: Dict = {};
  const ctx = { readFile: (p: string) => readFileForCli(session.host, p) };
  for (const a of table.values()) {
    if (a.cliOnly || !values.has(a.dest) || a.name.startsWith('no-')) continue;
    const raw = values.get(a.dest);
    if (a.apply) await a.apply(params, raw, ctx);
    else if (a.member && a.shape) params[a.member] = await unpackArgument(a, raw, ctx);
  }
  beforeCall(model.service, waiter.operation, params);
  if (op.input) params = decodeBlobs(op.input, params) as Dict;
  validateParams(op.input, params);
  const input = (op.input ? toCallInput(op.input, params) : {}) as Dict;
  for (let attempt = 1; ; attempt++) {
    let response: Dict | undefined;
    let error: ClientError | undefined;
    try {
      response = renderOutput(op.output, await session.call(model.service, waiter.operation, input), model.metadata.protocol);
    } catch (e) {
      if (!(e instanceof ClientError)) throw e;
      error = e;
    }
    const hit = waiter.acceptors.find((a) => matches(a, response, error));
    if (hit?.state === 'success') return 0;
    if (hit?.state === 'failure') {
      const reason = error ? `An error occurred (${error.code}): ${error.awsMessage}` : `Waiter encountered a terminal failure state: For expression "${hit.argument}" we matched expected path: ${JSON.stringify(hit.expected)}`;
      throw new GeneralError(`Waiter ${waiterName} failed: ${reason}`);
    }
    if (!hit && error) throw new GeneralError(`Waiter ${waiterName} failed: An error occurred (${error.code}): ${error.awsMessage}`);
    if (attempt >= waiter.maxAttempts) throw new GeneralError(`Waiter ${waiterName} failed: Max attempts exceeded${error ? '' : ''}`);
    await session.host.sleep(waiter.delay * 1000);
  }
}

export const pyExpected = (v: unknown): string => pyStr(v);
