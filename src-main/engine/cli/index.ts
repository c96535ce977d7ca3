/**
 * The `aws` command of the lab's terminals: `runAwsCli(argv, host)` → exit code. Parses the global
 * options like the real CLI v2 (anywhere on the line), then runs a model operation, a waiter, the
 * high-level `aws s3` commands, `aws configure`, the CloudFormation packaging commands or help.
 * Output and errors are byte-for-byte what the real CLI prints against the lab's endpoint.
 */
import type { AwsCliHost } from './host';
import { parseKnownArgs, type OptionSpec } from './argparse';
import { ArgParseError, CliError, RC } from './errors';
import { cliServices, modelFor, operationTable, serviceByCliName } from './catalog';
import { compileQuery, OUTPUT_FORMATS } from './format';
import { createSession, type GlobalOptions } from './session';
import { runOperation } from './operation';
import { runWait } from './waiters';
import { runConfigure } from './configure';
import { runS3 } from './s3';
import { runCloudFormationCustom, CLOUDFORMATION_COMMANDS } from './cloudformation';
import { serviceHelp, topHelp } from './help';
import { invalidChoiceMessage } from './argparse';
import { ValueError } from './shorthand';

export type { AwsCliHost, AwsCliFs } from './host';

/** As the official installer's build prints it (exe/…); the host may name the guest's kernel and distribution. */
export const CLI_VERSION = 'aws-cli/2.9.19 Python/3.11.2 Linux/6.1.0 exe/x86_64 prompt/off';

export function cliVersion(host: AwsCliHost): string {
  return host.platform ? `aws-cli/2.9.19 Python/3.11.2 ${host.platform} prompt/off` : CLI_VERSION;
}

const GLOBAL_OPTIONS: OptionSpec[] = [
  { flag: '--debug', dest: 'debug', nargs: 0 },
  { flag: '--endpoint-url', dest: 'endpoint-url', nargs: 1 },
  { flag: '--no-verify-ssl', dest: 'no-verify-ssl', nargs: 0 },
  { flag: '--no-paginate', dest: 'no-paginate', nargs: 0 },
  { flag: '--output', dest: 'output', nargs: 1, choices: OUTPUT_FORMATS },
  { flag: '--query', dest: 'query', nargs: 1 },
  { flag: '--profile', dest: 'profile', nargs: 1 },
  { flag: '--region', dest: 'region', nargs: 1 },
  { flag: '--version', dest: 'version', nargs: 0 },
  { flag: '--color', dest: 'color', nargs: 1, choices: ['on', 'off', 'auto'] },
  { flag: '--no-sign-request', dest: 'no-sign-request', nargs: 0 },
  { flag: '--ca-bundle', dest: 'ca-bundle', nargs: 1 },
  { flag: '--cli-read-timeout', dest: 'cli-read-timeout', nargs: 1 },
  { flag: '--cli-connect-timeout', dest: 'cli-connect-timeout', nargs: 1 },
  { flag: '--cli-binary-format', dest: 'cli-binary-format', nargs: 1, choices: ['base64', 'raw-in-base64-out'] },
  { flag: '--no-cli-pager', dest: 'no-cli-pager', nargs: 0 },
  { flag: '--cli-auto-prompt', dest: 'cli-auto-prompt', nargs: 0 },
  { flag: '--no-cli-auto-prompt', dest: 'no-cli-auto-prompt', nargs: 0 },
];

function commandTable(): string[] {
  return [...cliServices().map((s) => s.cliName), 'configure', 's3', 'help'].sort((a, b) => (a === 'help' ? 1 : b === 'help' ? -1 : a < b ? -1 : 1));
}

async function run(argv: string[], host: AwsCliHost): Promise<number> {
  const commands = commandTable();
  // awscli's --version action prints and exits before the command is required.
  if (argv.includes('--version')) {
    host.stdout(`${cliVersion(host)}\n`);
    return 0;
  }
  const { values, extras } = parseKnownArgs(argv, { options: GLOBAL_OPTIONS, positionals: [{ dest: 'command', nargs: 1, choices: commands }] });
  const str = (k: string): string | undefined => values.get(k) as string | undefined;
  const globals: GlobalOptions = {
    debug: !!values.get('debug'),
    endpointUrl: str('endpoint-url'),
    noPaginate: !!values.get('no-paginate'),
    output: str('output'),
    query: str('query') !== undefined ? compileQuery(str('query')!) : undefined,
    profile: str('profile'),
    region: str('region'),
    color: str('color') ?? 'auto',
    noSignRequest: !!values.get('no-sign-request'),
    cliBinaryFormat: str('cli-binary-format') ?? 'base64',
  };
  const command = str('command')!;
  const session = await createSession(host, globals);
  if (!OUTPUT_FORMATS.includes(session.output)) throw new CliError(`Unknown output type: ${session.output}`, RC.general);
  if (command === 'help') {
    host.stdout(topHelp());
    return 0;
  }
  if (command === 'configure') return runConfigure(session, extras);
  if (command === 's3') return runS3(session, extras);
  const entry = serviceByCliName(command)!;
  const model = modelFor(entry.service);
  const ops = operationTable(model);
  const hasWaiters = Object.keys(model.waiters ?? {}).length > 0;
  const extraCommands = command === 'cloudformation' ? CLOUDFORMATION_COMMANDS : [];
  const choices = [...ops.keys(), ...extraCommands, ...(hasWaiters ? ['wait'] : []), 'help'];
  const { values: sv, extras: rest } = parseKnownArgs(extras, { options: [], positionals: [{ dest: 'operation', nargs: 1, choices }] });
  const operation = sv.get('operation') as string;
  if (operation === 'help') {
    host.stdout(serviceHelp(model, command));
    return 0;
  }
  if (operation === 'wait') return runWait(session, model, command, rest);
  if (extraCommands.includes(operation)) return runCloudFormationCustom(session, operation, rest);
  return runOperation(session, model, command, operation, ops.get(operation)!, rest);
}

export async function runAwsCli(argv: string[], host: AwsCliHost): Promise<number> {
  try {
    return await run(argv, host);
  } catch (e) {
    if (e instanceof CliError) {
      host.stderr(e.render());
      return e.rc;
    }
    if (e instanceof ValueError) {
      host.stderr(`\n${e.message}\n`);
      return RC.general;
    }
    host.stderr(`\n${(e as Error)?.message ?? String(e)}\n`);
    return RC.general;
  }
}

export { invalidChoiceMessage, ArgParseError };
