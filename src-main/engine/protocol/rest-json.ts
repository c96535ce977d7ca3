/** The rest-json protocol (Lambda, API Gateway, ...): URI/header/query bindings plus a JSON body. */
import { AwsError } from './errors';
import { bodyText, type Codec } from './codec';
import { parseJsonBody } from './json';
import { payloadMember, rawPayload, readRestBindings, writeRestBindings } from './rest';
import { fromJson, toJson } from './shape-json';
import type { HttpResponse } from './types';

export const restJsonCodec: Codec = {
  parse(_model, match, req, body) {
    const op = match.operation;
    const input = readRestBindings(op, match, req);
    const payload = payloadMember(op.input);
    if (payload) {
      const [name, member] = payload;
      if (member.type === 'structure' || member.type === 'list' || member.type === 'map') {
        const text = bodyText(body);
        if (text.trim() !== '') input[name] = fromJson(member, parseJsonBody(text));
      } else if (!Buffer.isBuffer(body) || body.length > 0) input[name] = rawPayload(member, body);
    } else if (op.input) {
      Object.assign(input, fromJson(op.input, parseJsonBody(bodyText(body))));
    }
    return input;
  },
  serialize(_model, operation, output, ctx): HttpResponse {
    const { status, headers } = writeRestBindings(operation, output);
    headers['x-amzn-requestid'] = ctx.requestId;
    const payload = payloadMember(operation.output);
    if (payload) {
      const [name, member] = payload;
      const v = output[name];
      if (member.type === 'blob' || member.type === 'string') {
        headers['content-type'] ??= member.type === 'string' ? 'text/plain' : 'application/octet-stream';
        return { status, headers, body: v as HttpResponse['body'] };
      }
      headers['content-type'] = 'application/json';
      return { status, headers, body: Buffer.from(JSON.stringify(toJson(member, v) ?? {})) };
    }
    headers['content-type'] = 'application/json';
    const doc = operation.output ? toJson(operation.output, output) : {};
    return { status, headers, body: Buffer.from(JSON.stringify(doc ?? {})) };
  },
  error(_model, error: AwsError, ctx) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-amzn-requestid': ctx.requestId,
      'x-amzn-errortype': error.code,
      ...error.headers,
    };
    const doc: Record<string, unknown> = { Type: error.fault === 'server' ? 'Service' : 'User', message: error.message };
    for (const [k, v] of Object.entries(error.extra)) doc[k] = v;
    return { status: error.status, headers, body: ctx.method === 'HEAD' ? undefined : Buffer.from(JSON.stringify(doc)) };
  },
};
