/**
 * The helper scripts' command lines (services/cloudformation/guest-tools.ts): each tool's option
 * table as Python's optparse declares it, its --help, and optparse's answers to mistakes (usage
 * line, "error: no such option", exit 2).
 */

export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type Options = Map<string, string | true>;

/** A tool's options, as its optparse table declares them: short aliases, flags, options with a value. */
interface OptionSpec {
  tool: string;
  usage: string;
  short: Record<string, string>;
  flags: readonly string[];
  values: readonly string[];
}

const CREDENTIAL_OPTIONS = ['access-key', 'secret-key', 'role', 'credential-file', 'url', 'http-proxy', 'https-proxy'];

export const SPECS = {
  init: {
    tool: 'cfn-init',
    usage: 'Usage: cfn-init [options]',
    short: { s: 'stack', r: 'resource', c: 'configsets', v: 'verbose', u: 'url', f: 'credential-file', h: 'help' },
    flags: ['verbose', 'help', 'resume'],
    values: ['stack', 'resource', 'region', 'configsets', ...CREDENTIAL_OPTIONS],
  },
  signal: {
    tool: 'cfn-signal',
    usage: 'Usage: cfn-signal [options] [WaitConditionHandle URL]',
    short: { s: 'stack', r: 'resource', e: 'exit-code', i: 'id', d: 'data', u: 'url', f: 'credential-file', h: 'help' },
    flags: ['help'],
    values: ['stack', 'resource', 'region', 'exit-code', 'id', 'data', 'success', 'reason', ...CREDENTIAL_OPTIONS],
  },
  getMetadata: {
    tool: 'cfn-get-metadata',
    usage: 'Usage: cfn-get-metadata [options]',
    short: { s: 'stack', r: 'resource', k: 'key', v: 'verbose', u: 'url', f: 'credential-file', h: 'help' },
    flags: ['verbose', 'help'],
    values: ['stack', 'resource', 'region', 'key', ...CREDENTIAL_OPTIONS],
  },
  hup: {
    tool: 'cfn-hup',
    usage: 'Usage: cfn-hup [options]',
    short: { c: 'config', v: 'verbose', h: 'help' },
    flags: ['verbose', 'help', 'no-daemon'],
    values: ['config'],
  },
} satisfies Record<string, OptionSpec>;

/** Each tool's --help, in optparse's layout (option names as the real scripts spell them). */
const HELP: Record<string, string> = {
  'cfn-init': `Usage: cfn-init [options]

Reads AWS::CloudFormation::Init from a resource's metadata and applies it:
packages, groups, users, sources, files, commands, then services.

Options:
  -h, --help            show this help message and exit
  -v, --verbose         Also print the log (/var/log/cfn-init.log) here

  AWS Options:
    -s STACK, --stack=STACK
                        Name or id of the stack
    -r RESOURCE, --resource=RESOURCE
                        Logical id of the resource that holds the metadata
    --region=REGION     Region of the stack (default: the instance's)
    -c CONFIGSETS, --configsets=CONFIGSETS
                        Comma-separated config sets to run (default: default)
    --role=ROLE         Use the credentials of this instance role
    --access-key=ACCESS_KEY
                        An access key id (with --secret-key)
    --secret-key=SECRET_KEY
                        The secret access key of --access-key
    -f CREDENTIAL_FILE, --credential-file=CREDENTIAL_FILE
                        A file with AWSAccessKeyId= and AWSSecretKey= lines
    -u URL, --url=URL   A CloudFormation endpoint (not needed)
    --http-proxy=HTTP_PROXY
                        An HTTP proxy (not needed in the lab)
    --https-proxy=HTTPS_PROXY
                        An HTTPS proxy (not needed in the lab)
    --resume            Carry on after a reboot that a command asked for

Without credentials, CloudFormation answers only for the stack the instance
belongs to.
`,
  'cfn-signal': `Usage: cfn-signal [options] [WaitConditionHandle URL]

Sends a success or failure signal to a resource's CreationPolicy or
UpdatePolicy (--stack and --resource), or to a wait condition handle (URL).

Options:
  -h, --help            show this help message and exit
  -e EXIT_CODE, --exit-code=EXIT_CODE
                        0 signals success, anything else failure
  --success=SUCCESS     true or false (when --exit-code is not given)
  -i ID, --id=ID        A unique id for this signal (default: the instance id)
  -d DATA, --data=DATA  Data sent with a wait condition signal
  --reason=REASON       Why it succeeded or failed (wait conditions)

  AWS Options:
    -s STACK, --stack=STACK
                        Name or id of the stack
    -r RESOURCE, --resource=RESOURCE
                        Logical id of the resource to signal
    --region=REGION     Region of the stack (default: the instance's)
    --role=ROLE         Use the credentials of this instance role
    --access-key=ACCESS_KEY
                        An access key id (with --secret-key)
    --secret-key=SECRET_KEY
                        The secret access key of --access-key
    -f CREDENTIAL_FILE, --credential-file=CREDENTIAL_FILE
                        A file with AWSAccessKeyId= and AWSSecretKey= lines
    -u URL, --url=URL   A CloudFormation endpoint (not needed)
    --http-proxy=HTTP_PROXY
                        An HTTP proxy (not needed in the lab)
    --https-proxy=HTTPS_PROXY
                        An HTTPS proxy (not needed in the lab)
`,
  'cfn-get-metadata': `Usage: cfn-get-metadata [options]

Prints a resource's metadata (or one key of it) as JSON.

Options:
  -h, --help            show this help message and exit
  -v, --verbose         Print more about what happens
  -k KEY, --key=KEY     A key to print, with dots between levels

  AWS Options:
    -s STACK, --stack=STACK
                        Name or id of the stack
    -r RESOURCE, --resource=RESOURCE
                        Logical id of the resource
    --region=REGION     Region of the stack (default: the instance's)
    --role=ROLE         Use the credentials of this instance role
    --access-key=ACCESS_KEY
                        An access key id (with --secret-key)
    --secret-key=SECRET_KEY
                        The secret access key of --access-key
    -f CREDENTIAL_FILE, --credential-file=CREDENTIAL_FILE
                        A file with AWSAccessKeyId= and AWSSecretKey= lines
    -u URL, --url=URL   A CloudFormation endpoint (not needed)
`,
  'cfn-hup': `Usage: cfn-hup [options]

Watches resource metadata and runs the hooks in <config>/hooks.d/*.conf when it
changes, every interval minutes of <config>/cfn-hup.conf (default 15).

Options:
  -h, --help            show this help message and exit
  -c CONFIG, --config=CONFIG
                        The configuration folder (default: /etc/cfn)
  --no-daemon           Check once and exit (else start the cfn-hup service)
  -v, --verbose         Print more about what happens
`,
};

/** GNU-style options as Python's optparse reads them: `-s x`, `-sx`, `--stack x`, `--stack=x`, `-v`. */
function parseArgs(args: string[], spec: OptionSpec): { opts: Options; rest: string[]; error?: string } {
  const opts: Options = new Map();
  const rest: string[] = [];
  const isFlag = (n: string) => spec.flags.includes(n);
  const known = (n: string) => isFlag(n) || spec.values.includes(n);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (!known(name)) return { opts, rest, error: `no such option: --${name}` };
      if (isFlag(name)) {
        if (eq > 0) return { opts, rest, error: `--${name} option does not take a value` };
        opts.set(name, true);
      } else if (eq > 0) opts.set(name, a.slice(eq + 1));
      else if (i + 1 < args.length) opts.set(name, args[++i]!);
      else return { opts, rest, error: `--${name} option requires an argument` };
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const name = spec.short[a[j]!];
        if (!name) return { opts, rest, error: `no such option: -${a[j]}` };
        if (isFlag(name)) {
          opts.set(name, true);
          continue;
        }
        if (j + 1 < a.length) opts.set(name, a.slice(j + 1));
        else if (i + 1 < args.length) opts.set(name, args[++i]!);
        else return { opts, rest, error: `-${a[j]} option requires an argument` };
        break;
      }
    } else rest.push(a);
  }
  return { opts, rest };
}

/** optparse's answer to a bad command line: the usage line, then the error, exit 2. */
export const usageError = (spec: OptionSpec, error: string): ToolResult => ({ exitCode: 2, stdout: '', stderr: `${spec.usage}\n\n${spec.tool}: error: ${error}\n` });

/** Parses, and answers --help and mistakes the way the real scripts do. */
export function parseOrAnswer(args: string[], spec: OptionSpec): { opts: Options; rest: string[] } | ToolResult {
  const p = parseArgs(args, spec);
  if (p.error) return usageError(spec, p.error);
  if (p.opts.has('help')) return { exitCode: 0, stdout: HELP[spec.tool]!, stderr: '' };
  return p;
}

export const isResult = (x: { opts: Options } | ToolResult): x is ToolResult => 'exitCode' in x;

export const get = (o: Options, k: string): string | undefined => {
  const v = o.get(k);
  return typeof v === 'string' ? v : undefined;
};
