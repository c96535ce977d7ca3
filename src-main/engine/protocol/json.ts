/**
 * The json protocol (DynamoDB, SQS, CloudWatch Logs, ...): `X-Amz-Target: <prefix>.<Op>`, a JSON body in,
 * `application/x-amz-json-1.x` out; errors as `{"__type", "message"}`.
 */
import { randomUUID } from 'node:crypto';
import type { LoadedModel } from '../models/load';
import { AwsError } from './errors';
import { bodyText, type Codec } from './codec';
import { fromJson, toJson } from './shape-json';
import { HTTP_STATUS, type HttpResponse } from './types';

export const serializationException = (): AwsError =>
  new AwsError('SerializationException', 'Start of structure or map found where not expected.', 400);

/** Deeper than any AWS input shape nests; deeper bodies are refused before anything recurses over them. */
export const MAX_JSON_DEPTH = 100;

/** The deepest `[`/`{` nesting of a JSON text (strings skipped), counting no further than `limit + 1`. */
export function jsonTextDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** Parses a JSON request body; '' counts as `{}` (SDKs send nothing for input-less operations). */
export function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  if (jsonTextDepth(text) > MAX_JSON_DEPTH)
    throw new AwsError('SerializationException', `JSON nesting is deeper than ${MAX_JSON_DEPTH} levels.`, 400);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw serializationException();
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw serializationException();
  return doc as Record<string, unknown>;
}

const contentType = (model: LoadedModel): string => `application/x-amz-json-${model.metadata.jsonVersion ?? '1.0'}`;

/**
 * AWS's json services write a whole double as `1.0` (DynamoDB's CapacityUnits), and botocore keeps it a
 * float, so the CLI prints `1.0`. JSON.stringify cannot emit that, so such doubles leave toJson as a
 * marked string (a per-process random mark no real string carries) that is unquoted afterwards.
 */
const DOUBLE_MARK = `~double-${randomUUID()}~`;
const MARKED = new RegExp(`"${DOUBLE_MARK}(-?\\d+)"`, 'g');
const stringifyOutput = (doc: unknown): string => {
  const text = JSON.stringify(doc ?? {});
  return text.includes(DOUBLE_MARK) ? text.replace(MARKED, '$1.0') : text;
};
const markDouble = (n: number): string => `${DOUBLE_MARK}${n}`;

export const jsonCodec: Codec = {
  parse(_model, match, _req, body) {
    const doc = parseJsonBody(bodyText(body));
    const shape = match.operation.input;
    return shape ? ((fromJson(shape, doc) ?? {}) as Record<string, unknown>) : {};
  },
  serialize(model, operation, output, ctx): HttpResponse {
    const doc = operation.output ? toJson(operation.output, output, markDouble) : {};
    const status = (output as Record<symbol, unknown>)[HTTP_STATUS];
    return {
      status: typeof status === 'number' ? status : 200,
      headers: { 'content-type': contentType(model), 'x-amzn-requestid': ctx.requestId },
      body: Buffer.from(stringifyOutput(doc)),
    };
  },
  error(model, error, ctx) {
    const headers: Record<string, string> = {
      'content-type': model ? contentType(model) : 'application/x-amz-json-1.0',
      'x-amzn-requestid': ctx.requestId,
    };
    // awsQueryCompatible services (SQS) also name the old query error code, which SDKs prefer.
    if (model?.metadata.awsQueryCompatible) headers['x-amzn-query-error'] = `${error.code};${error.fault === 'server' ? 'Receiver' : 'Sender'}`;
    Object.assign(headers, error.headers);
    const doc: Record<string, unknown> = { __type: error.code, message: error.message };
    for (const [k, v] of Object.entries(error.extra)) doc[k] = v;
    return { status: error.status, headers, body: Buffer.from(JSON.stringify(doc)) };
  },
};
