/**
 * The CloudFormation helper scripts inside instances (/opt/aws/bin/cfn-init, cfn-signal,
 * cfn-get-metadata, cfn-hup): services/cloudformation/guest-tools.ts over this guest's shell, files
 * and network. The aws-cfn-bootstrap package puts their files on Amazon Linux images; the guest's
 * program runner (guest/commands/program) runs these commands for them.
 *
 * Who they act as, as on AWS: given credentials (--access-key/--secret-key, -f, --role) they sign
 * with those, and IAM decides. Without credentials CloudFormation itself vouches for the instance
 * (the real scripts sign with the instance's identity document), and only for the stack the
 * instance belongs to; the event history shows those calls coming from the guest. Either way the
 * instance needs a route to CloudFormation's endpoint, and a wait-condition URL is an S3 address on
 * the internet.
 */
import { randomBytes } from 'node:crypto';
import type { Call, Principal } from '../protocol/types';
import type { Store } from '../store/store';
import type { ShellCommand, ShellCommandContext } from '../guest/shell';
import type { GuestIdentity, GuestLike, HttpRequestIn, HttpResponseOut, ProgramIo, RoleCredentials, SessionInfo } from '../guest/types';
import { cfnGetMetadata, cfnHup, cfnInit, cfnSignal, type CfnAuth, type CfnToolHost, type ToolResult } from '../services/cloudformation/guest-tools';
import { signalWaitConditionHandle } from '../services/cloudformation/index';

export interface CfnCommandDeps {
  call: Call;
  /** Who calls for a member instance without credentials: CloudFormation, vouching for it. */
  trusted(accountId: string): Principal;
  lookupAccessKey(accessKeyId: string): { secretAccessKey: string; principal: Principal } | undefined;
  roleCredentials(identity: GuestIdentity): RoleCredentials | undefined;
}

export const CFN_COMMANDS = ['cfn-init', 'cfn-signal', 'cfn-get-metadata', 'cfn-hup'] as const;

/** An error the tools print as `Code: message`. */
const apiError = (code: string, message: string): Error & { code: string } => Object.assign(new Error(message), { code });

const dec = new TextDecoder();
const enc = new TextEncoder();

/** Python's wording for a file the helper may not touch (they run as whoever typed them). */
function fileError(e: unknown, path: string): Error {
  const code = (e as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return new Error(`[Errno 13] Permission denied: '${path}'`);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new Error(`[Errno 2] No such file or directory: '${path}'`);
  if (code === 'ENOSPC') return new Error(`[Errno 28] No space left on device: '${path}'`);
  return new Error(`${(e as Error).message ?? String(e)}: '${path}'`);
}

export function cfnCommands(deps: CfnCommandDeps, guest: GuestLike, session: SessionInfo, io: ProgramIo): ShellCommand[] {
  const id = guest.identity;
  const fs = session.files();

  const readFile = async (path: string): Promise<string | undefined> => {
    try {
      return dec.decode(fs.readSync(path));
    } catch {
      return undefined;
    }
  };

  /** The credentials a helper was given, as the principal IAM evaluates. */
  async function principalFor(auth: CfnAuth): Promise<Principal> {
    let accessKey = auth.accessKey;
    let secretKey = auth.secretKey;
    if (auth.credentialFile !== undefined) {
      const text = await readFile(auth.credentialFile);
      if (text === undefined) throw new Error(`Could not read the credential file ${auth.credentialFile}`);
      accessKey = /^\s*AWSAccessKeyId\s*=\s*(\S+)/m.exec(text)?.[1];
      secretKey = /^\s*AWSSecretKey\s*=\s*(\S+)/m.exec(text)?.[1];
      if (!accessKey || !secretKey) throw new Error(`The credential file ${auth.credentialFile} needs AWSAccessKeyId= and AWSSecretKey= lines`);
    }
    if (accessKey !== undefined || secretKey !== undefined) {
      if (!accessKey || !secretKey) throw new Error('An access key needs its secret key: give both --access-key and --secret-key');
      const found = deps.lookupAccessKey(accessKey);
      if (!found) throw apiError('InvalidClientTokenId', 'The security token included in the request is invalid.');
      if (found.secretAccessKey !== secretKey) {
        throw apiError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
      }
      return found.principal;
    }
    const role = auth.role!;
    const creds = id.iamRole === role ? deps.roleCredentials(id) : undefined;
    const found = creds && deps.lookupAccessKey(creds.AccessKeyId);
    if (!found) throw new Error(`Could not get the credentials of role ${role} from the instance metadata service (the instance's role is ${id.iamRole ?? 'none'})`);
    return found.principal;
  }

  /** Without credentials: CloudFormation answers only for the stack the instance belongs to. */
  async function memberPrincipal(stackName: unknown, region: string): Promise<Principal> {
    const trusted = deps.trusted(id.accountId);
    let owner: { StackName?: string; StackId?: string } | undefined;
    try {
      const out = (await deps.call(trusted, 'cloudformation', 'DescribeStackResources', { PhysicalResourceId: id.id }, { region, source: 'internal' })) as {
        StackResources?: { StackName?: string; StackId?: string }[];
      };
      owner = out.StackResources?.[0];
    } catch {
      owner = undefined;
    }
    if (!owner) {
      // An Auto Scaling group's instances are no stack resource; they carry the stack's tags instead.
      const tags = (await deps.call(trusted, 'ec2', 'DescribeTags', { Filters: [{ Name: 'resource-id', Values: [id.id] }] }, { region, source: 'internal' }).catch(() => ({}))) as { Tags?: { Key?: string; Value?: string }[] };
      const tag = (k: string) => tags.Tags?.find((t) => t.Key === k)?.Value;
      if (tag('aws:cloudformation:stack-name')) owner = { StackName: tag('aws:cloudformation:stack-name'), StackId: tag('aws:cloudformation:stack-id') };
    }
    if (!owner || (stackName !== owner.StackName && stackName !== owner.StackId)) {
      throw apiError('AccessDenied', `Instance ${id.id} is not a member of stack ${String(stackName)}; without credentials the helper scripts can reach only the stack the instance belongs to`);
    }
    return trusted;
  }

  const hostFor = (ctx: ShellCommandContext): CfnToolHost => ({
    async run(command, opts) {
      const out = await ctx.exec(command, { ...(opts?.cwd ? { cwd: opts.cwd } : {}), ...(opts?.env ? { env: opts.env } : {}) });
      return { exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr };
    },
    readFile,
    async writeFile(path, data) {
      try {
        const dir = path.slice(0, path.lastIndexOf('/')) || '/';
        fs.mkdirSync(dir, true);
        fs.writeSync(path, typeof data === 'string' ? enc.encode(data) : new Uint8Array(data), false);
      } catch (e) {
        throw fileError(e, path);
      }
    },
    async cloudformation(operation, input, region, auth) {
      const endpoint = `cloudformation.${region}.amazonaws.com`;
      const reached = await io.connect(endpoint, 443, ctx.signal);
      if (!reached.ok) throw new Error(`Could not reach ${endpoint}: ${reached.message.replace(/^Failed to connect to \S+ port \d+: /, '')}`);
      const principal = auth ? await principalFor(auth) : await memberPrincipal(input.StackName, region);
      const sourceIp = id.interfaces[0]?.publicIp ?? guest.sourceAddress();
      return deps.call(principal, 'cloudformation', operation, input, { region, source: 'guest', sourceIp, userAgent: 'CloudFormation Tools' });
    },
    async putUrl(url, body) {
      const r = await io.http(url, { method: 'PUT', headers: { 'content-type': '' }, body, ...(ctx.signal ? { signal: ctx.signal } : {}) });
      if (!r.ok) throw new Error(r.message);
      return r.status;
    },
    instanceId: async () => id.id,
    defaultRegion: id.region,
  });

  const hookFiles = async (dir: string): Promise<string[]> => {
    let names: string[];
    try {
      names = fs.listSync(dir).filter((f) => f.endsWith('.conf')).sort();
    } catch {
      return [];
    }
    const out: string[] = [];
    for (const n of names) {
      const text = await readFile(`${dir}/${n}`);
      if (text !== undefined) out.push(text);
    }
    return out;
  };

  const wrap = (name: string, fn: (args: string[], host: CfnToolHost) => Promise<ToolResult>): ShellCommand => ({
    name,
    run: (args, ctx) => fn(args, hostFor(ctx)),
  });
  return [
    wrap('cfn-init', cfnInit),
    wrap('cfn-signal', cfnSignal),
    wrap('cfn-get-metadata', cfnGetMetadata),
    wrap('cfn-hup', (args, host) => cfnHup(args, host, hookFiles)),
  ];
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' };
const S3_CODE: Record<number, string> = { 400: 'InvalidRequest', 403: 'AccessDenied', 404: 'NoSuchKey' };

function s3Answer(status: number, code?: string, message?: string): HttpResponseOut {
  const body = code ? `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message ?? ''}</Message></Error>` : '';
  return {
    status,
    statusText: STATUS_TEXT[status] ?? 'Error',
    headers: { 'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(), server: 'AmazonS3', 'content-length': String(Buffer.byteLength(body)), ...(body ? { 'content-type': 'application/xml' } : {}) },
    body,
  };
}

/**
 * The S3 host behind wait-condition handle URLs (what a WaitConditionHandle's Ref gives), as the
 * guests' offline internet serves it: a PUT of a signal document (curl -X PUT, cfn-signal URL)
 * signals the handle; anything else is refused, as a presigned PUT URL refuses a GET.
 */
export function waitConditionSite(store: Store): (req: HttpRequestIn & { scheme: string }) => HttpResponseOut | undefined {
  return (req) => {
    if (!/^cloudformation-waitcondition-[a-z0-9-]+\.s3\.amazonaws\.com$/.test(req.host)) return undefined;
    if (req.method !== 'PUT') return s3Answer(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
    const r = signalWaitConditionHandle(store, `https://${req.host}${req.path}`, req.body ?? '');
    return r.status === 200 ? s3Answer(200) : s3Answer(r.status, S3_CODE[r.status] ?? 'InvalidRequest', r.body);
  };
}
