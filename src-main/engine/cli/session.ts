/**
 * One `aws` invocation's resolved context: global options, config, the principal behind the
 * configured key, and the way to call an operation the way the real CLI reaches the lab (an
 * unknown key answers InvalidClientTokenId, a wrong secret SignatureDoesNotMatch).
 */
import type { Principal } from '../protocol/types';
import type { AwsError } from '../protocol/errors';
import type { AwsCliHost } from './host';
import { checkProfile, loadConfig, resolveCredentials, resolveOutput, resolveRegion, type CliConfig } from './config';
import { ClientError } from './errors';
import type { Query } from './format';
import { modelFor } from './catalog';

export interface GlobalOptions {
  debug: boolean;
  endpointUrl?: string;
  noPaginate: boolean;
  output?: string;
  query?: Query;
  profile?: string;
  region?: string;
  color: string;
  noSignRequest: boolean;
  cliBinaryFormat: string;
}

export interface Session {
  host: AwsCliHost;
  globals: GlobalOptions;
  config: CliConfig;
  output: string;
  /** Resolved lazily: commands like `configure` and `help` need neither. */
  region(): string;
  principal(): Promise<Principal>;
  /** host.call with the CLI's error translation. */
  call(service: string, operation: string, input: Record<string, unknown>, opts?: { region?: string }): Promise<Record<string, unknown>>;
}

const HTTP_REASONS: Record<number, string> = {
  301: 'Moved Permanently', 304: 'Not Modified', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 412: 'Precondition Failed', 416: 'Requested Range Not Satisfiable', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable',
};

export async function createSession(host: AwsCliHost, globals: GlobalOptions): Promise<Session> {
  const config = await loadConfig(host, globals.profile);
  const output = resolveOutput(host, config, globals.output);
  let principal: Principal | undefined;
  const session: Session = {
    host,
    globals,
    config,
    output,
    region: () => resolveRegion(host, config, globals.region),
    async principal() {
      if (principal) return principal;
      checkProfile(config);
      const creds = await resolveCredentials(host, config);
      const found = host.resolveCredentials(creds.accessKeyId);
      if (!found) throw new ClientError('InvalidClientTokenId', '', 'The security token included in the request is invalid.');
      if (found.secretAccessKey !== creds.secretAccessKey) throw new ClientError('SignatureDoesNotMatch', '', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
      principal = found.principal;
      return principal;
    },
    async call(service, operation, input, opts = {}) {
      let p: Principal;
      try {
        p = await session.principal();
      } catch (e) {
        if (e instanceof ClientError) throw new ClientError(e.code, operation, e.awsMessage);
        throw e;
      }
      const region = opts.region ?? session.region();
      try {
        return await host.call(p, service, operation, input, { region, source: 'cli' });
      } catch (e) {
        const err = e as AwsError;
        if (typeof err?.code !== 'string') throw e;
        const op = modelFor(service).operations[operation];
        // HEAD answers carry no body: botocore names the error after the status code.
        if (op?.http?.method === 'HEAD') throw new ClientError(String(err.status), operation, HTTP_REASONS[err.status] ?? 'Unknown', err.status);
        throw new ClientError(err.code, operation, err.message, err.status);
      }
    },
  };
  return session;
}
