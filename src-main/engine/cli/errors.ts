/**
 * The CLI's failure kinds and their exit codes, as AWS CLI v2 reports them (awscli/errorhandler.py):
 * 252 argument and parameter errors, 253 configuration (credentials, region), 254 a service error,
 * 255 anything else. Each error carries the exact text the real CLI writes to stderr.
 */
export const RC = { paramValidation: 252, configuration: 253, clientError: 254, general: 255 } as const;

export const USAGE =
  'aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

/** Base: `stderr` is written as "\n" + message + "\n", like the CLI's FilteredExceptionHandler. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly rc: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
  render(): string {
    return `\n${this.message}\n`;
  }
}

/** argparse's own errors (missing required argument, invalid choice, expected one argument). */
export class ArgParseError extends CliError {
  constructor(message: string) {
    super(`usage: ${USAGE}\naws: error: ${message}\n`, RC.paramValidation);
  }
}

/** Arguments the operation does not know. */
export class UnknownArgumentsError extends CliError {
  constructor(args: string[]) {
    super(`usage: ${USAGE}\nUnknown options: ${args.join(', ')}\n`, RC.paramValidation);
  }
}

export class ParamError extends CliError {
  constructor(cliName: string, message: string) {
    super(`Error parsing parameter '${cliName}': ${message}`, RC.paramValidation);
  }
}

export class ParamValidationError extends CliError {
  constructor(message: string) {
    super(message, RC.paramValidation);
  }
}

export class ConfigurationError extends CliError {
  constructor(message: string) {
    super(message, RC.configuration);
  }
}

export const noCredentials = (): ConfigurationError =>
  new ConfigurationError('Unable to locate credentials. You can configure credentials by running "aws configure".');

export const noRegion = (): ConfigurationError =>
  new ConfigurationError('You must specify a region. You can also configure your region by running "aws configure".');

export const profileNotFound = (profile: string): ConfigurationError =>
  new ConfigurationError(`The config profile (${profile}) could not be found`);

/** A service answered an error: "An error occurred (Code) when calling the Op operation: message". */
export class ClientError extends CliError {
  constructor(
    readonly code: string,
    readonly operation: string,
    readonly awsMessage: string,
    /** The answer's HTTP status (waiters' `status` matchers see it on errors too). */
    readonly status?: number,
  ) {
    super(`An error occurred (${code}) when calling the ${operation} operation: ${awsMessage}`, RC.clientError);
  }
}

/** Waiter failures and other general errors (exit 255). */
export class GeneralError extends CliError {
  constructor(message: string) {
    super(message, RC.general);
  }
}
