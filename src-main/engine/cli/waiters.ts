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

/** botocore's acceptor matchers: path matchers never match an error answer; `status` sees errors' codes too. */
function matches(a: Acceptor, response: Dict | undefined, error: ClientError | undefined): boolean {
  if (a.matcher === 'error') return !!error && error.code === a.expected;
  if (a.matcher === 'status') return (error ? error.status : 200) === a.expected;
  if (error || !response) return false;
  const value = jmespath.search(response, a.argument ?? '@') as unknown;
  if (a.matcher === 'path') return pyEquals(value, a.expected);
  if (!Array.isArray(value) || value.length === 0) return false;
  return a.matcher === 'pathAll' ? value.every((v) => pyEquals(v, a.expected)) : value.some((v) => pyEquals(v, a.expected));
}

/** Python's == between JSON values (True == 1 and 1 == 1.0 included). */
function pyEquals(a: unknown, b: unknown): boolean {
  const num = (v: unknown): unknown => (typeof v === 'boolean' ? Number(v) : v);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return num(a) === num(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** botocore's AcceptorConfig.explanation, word for word (including its "excepted"). */
function explanation(a: Acceptor): string {
  const expected = pyStr(a.expected);
  switch (a.matcher) {
    case 'path':
      return `For expression "${a.argument}" we matched expected path: "${expected}"`;
    case 'pathAll':
      return `For expression "${a.argument}" all members matched excepted path: "${expected}"`;
    case 'pathAny':
      return `For expression "${a.argument}" we matched expected path: "${expected}" at least once`;
    case 'status':
      return `Matched expected HTTP status code: ${expected}`;
    default:
      return `Matched expected service error code: ${expected}`;
  }
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
  // botocore's Waiter.wait: the state sticks from one attempt to the next, and the "previously accepted"
  // explanation names the loop's last acceptor (the matched one, or the list's last when none matched).
  let state: Acceptor['state'] | 'waiting' = 'waiting';
  let lastMatched: Acceptor | undefined;
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
    const acceptor = hit ?? waiter.acceptors[waiter.acceptors.length - 1]!;
    if (hit) {
      lastMatched = hit;
      state = hit.state;
    } else if (error) throw new GeneralError(`Waiter ${waiterName} failed: An error occurred (${error.code}): ${error.awsMessage}`);
    if (state === 'success') return 0;
    if (state === 'failure') throw new GeneralError(`Waiter ${waiterName} failed: Waiter encountered a terminal failure state: ${explanation(acceptor)}`);
    if (attempt >= waiter.maxAttempts) {
      const reason = lastMatched ? `Max attempts exceeded. Previously accepted state: ${explanation(acceptor)}` : 'Max attempts exceeded';
      throw new GeneralError(`Waiter ${waiterName} failed: ${reason}`);
    }
    await session.host.sleep(waiter.delay * 1000);
  }
}

export const pyExpected = (v: unknown): string => pyStr(v);
