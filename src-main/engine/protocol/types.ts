/**
 * The seams between the generic wire layer, the dispatcher and the per-service providers.
 * Everything here is plain data and function types, so any layer above may depend on it.
 */
import type { Readable } from 'node:stream';
import type { AwsError } from './errors';

/** A request body: buffered for the small JSON/XML/query services, streamed for S3 object data. */
export type RequestBody = Buffer | Readable;

/** What the HTTP server hands the protocol layer. Header names are lower-case. */
export interface HttpRequest {
  method: string;
  /** Raw path as received, percent-encoded, without the query string. */
  path: string;
  /** Raw query string without the leading '?', percent-encoded. */
  rawQuery: string;
  headers: Record<string, string>;
  body: RequestBody;
  /** Remote address of the TCP peer (for aws:SourceIp). */
  remoteAddress?: string;
}

/** A streamed response body; serializers return Buffers for everything but S3 object data. */
export type ResponseBody = Buffer | string | AsyncIterable<Uint8Array> | undefined;

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: ResponseBody;
}

/** Who makes a call. The IAM layer resolves richer principals; the foundation knows root and services. */
export interface Principal {
  /** 'root' | 'user' | 'assumed-role' | 'service' | 'anonymous' */
  type: 'root' | 'user' | 'assumed-role' | 'federated' | 'service' | 'anonymous';
  accountId: string;
  arn: string;
  /** Unique id as GetCallerIdentity's UserId (root: the account id; user: AIDA...). */
  userId: string;
  /** Access key the request was signed with, when signed. */
  accessKeyId?: string;
  sessionToken?: string;
}

/** Where a call came from, for the event history (CloudTrail's eventSource/userAgent in spirit). */
export type CallSource = 'api' | 'console' | 'cli' | 'guest' | 'internal';

export interface CallOptions {
  region?: string;
  source?: CallSource;
  requestId?: string;
  sourceIp?: string;
  userAgent?: string;
  /** The Host header the request came in on: SQS builds queue URLs from it, as AWS does. */
  host?: string;
}

/**
 * The one entry point into the cloud: the endpoint, the CLI and the console all end here.
 * `input` is in the model's shape (PascalCase members as in the API reference).
 */
export type Call = (
  principal: Principal,
  service: string,
  operation: string,
  input: Record<string, unknown>,
  options?: CallOptions,
) => Promise<Record<string, unknown>>;

/** Per-call context handed to handlers. Store and clock types are injected to keep this layer low. */
export interface RequestContext<Store = unknown, Clock = unknown> {
  requestId: string;
  accountId: string;
  region: string;
  service: string;
  operation: string;
  principal: Principal;
  source: CallSource;
  /** The caller's IP address when known (the endpoint's TCP peer): aws:SourceIp. */
  sourceIp?: string;
  /** The endpoint's Host as the caller addressed it (absent for the CLI, the console and internal calls). */
  host?: string;
  store: Store;
  clock: Clock;
  /** For cross-service work, with a service principal, so IAM and the history see it. */
  call: Call;
}

export type ErrorFactory = (...args: never[]) => AwsError;

/**
 * Output members a handler may set that are not in the model: the HTTP status of a success response
 * (S3 answers 206 to a Range GET, 204 to DeleteObject...). Serializers read and strip them.
 */
export const HTTP_STATUS = Symbol.for('nimbus.httpStatus');
