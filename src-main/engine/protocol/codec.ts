/**
 * The seam between the gateway and the per-protocol modules: each protocol turns an HttpRequest into
 * a model-shaped input and an output or AwsError back into an HttpResponse.
 */
import type { LoadedModel } from '../models/load';
import type { OperationModel } from '../models/types';
import type { AwsError } from './errors';
import type { HttpRequest, HttpResponse, RequestBody } from './types';
import type { QueryParams } from './query';

/** What the router learnt while matching (rest protocols: the URI label values, raw). */
export interface RouteMatch {
  operation: OperationModel;
  labels?: Record<string, string>;
  /** The decoded query string, parsed once. */
  query?: URLSearchParams;
  /** query/ec2: the parameters already collected to find the Action. */
  params?: QueryParams;
}

export interface ResponseContext {
  requestId: string;
  /** HEAD responses carry no body. */
  method: string;
}

export interface Codec {
  parse(model: LoadedModel, match: RouteMatch, req: HttpRequest, body: RequestBody): Record<string, unknown>;
  serialize(model: LoadedModel, operation: OperationModel, output: Record<string, unknown>, ctx: ResponseContext): HttpResponse;
  error(model: LoadedModel | undefined, error: AwsError, ctx: ResponseContext): HttpResponse;
}

/** Body as text; the gateway only hands Buffers to non-streaming parsers. */
export const bodyText = (body: RequestBody): string => (Buffer.isBuffer(body) ? body.toString('utf8') : '');

export const isFormBody = (req: HttpRequest): boolean =>
  (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
