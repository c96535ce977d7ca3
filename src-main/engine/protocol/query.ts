/**
 * The query and ec2 protocols: form-encoded parameters in (`Member.N`, `Name.N`, `Entry.N.key`), XML out.
 * The same walker also reads SQS's old query form against its JSON model (awsQueryCompatible).
 */
import type { LoadedModel } from '../models/load';
import type { OperationModel, Shape } from '../models/types';
import { AwsError } from './errors';
import { bodyText, isFormBody, type Codec, type ResponseContext } from './codec';
import { coerceScalar, writeXmlMembers } from './shape-xml';
import { escapeXml } from './xml';
import type { HttpRequest, HttpResponse, RequestBody } from './types';
import { HTTP_STATUS } from './types';

/** Flat parameter map plus every dotted prefix present, so list/structure presence is one lookup. */
export interface QueryParams {
  values: Map<string, string>;
  prefixes: Set<string>;
}

export function collectQueryParams(req: HttpRequest, body: RequestBody): QueryParams {
  const values = new Map<string, string>();
  const add = (text: string) => {
    if (!text) return;
    for (const [k, v] of new URLSearchParams(text)) values.set(k, v);
  };
  add(req.rawQuery);
  if (isFormBody(req)) add(bodyText(body));
  const prefixes = new Set<string>();
  for (const key of values.keys()) {
    let i = key.indexOf('.');
    while (i !== -1) {
      prefixes.add(key.slice(0, i));
      i = key.indexOf('.', i + 1);
    }
    prefixes.add(key);
  }
  return { values, prefixes };
}

const capitalize = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Parameter name of a member: ec2 prefers queryName, then the capitalized locationName. */
export function queryMemberName(member: Shape, name: string, ec2: boolean): string {
  if (ec2) return member.queryName ?? (member.locationName ? capitalize(member.locationName) : name);
  return member.locationName ?? name;
}

/** Reads `shape` at `prefix` from the parameters; undefined when nothing under it is present. */
export function readQueryValue(shape: Shape, params: QueryParams, prefix: string, ec2: boolean): unknown {
  switch (shape.type) {
    case 'structure': {
      if (prefix && !params.prefixes.has(prefix)) return undefined;
      const out: Record<string, unknown> = {};
      const members = shape.members ?? {};
      for (const name in members) {
        const m = members[name]!;
        const key = queryMemberName(m, name, ec2);
        const v = readQueryValue(m, params, prefix ? `${prefix}.${key}` : key, ec2);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'list': {
      if (!params.prefixes.has(prefix)) return undefined;
      // `Name=` with an empty value is how the query protocol sends an empty list.
      if (params.values.get(prefix) === '') return [];
      const base = ec2 || shape.flattened ? prefix : `${prefix}.${shape.member!.locationName ?? 'member'}`;
      const out: unknown[] = [];
      for (let i = 1; params.prefixes.has(`${base}.${i}`); i++) out.push(readQueryValue(shape.member!, params, `${base}.${i}`, ec2));
      return out;
    }
    case 'map': {
      if (!params.prefixes.has(prefix)) return undefined;
      const base = shape.flattened ? prefix : `${prefix}.entry`;
      const keyName = shape.key?.locationName ?? 'key';
      const valueName = shape.value?.locationName ?? 'value';
      const out = Object.create(null) as Record<string, unknown>;
      for (let i = 1; params.prefixes.has(`${base}.${i}`); i++) {
        const k = params.values.get(`${base}.${i}.${keyName}`);
        if (k !== undefined) out[k] = readQueryValue(shape.value!, params, `${base}.${i}.${valueName}`, ec2);
      }
      return out;
    }
    default: {
      const text = params.values.get(prefix);
      return text === undefined ? undefined : coerceScalar(shape, text);
    }
  }
}

export function queryNamespace(model: LoadedModel): string {
  const md = model.metadata;
  return md.xmlNamespace ?? `https://${md.endpointPrefix}.amazonaws.com/doc/${md.apiVersion}/`;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const xmlHeaders = (requestId: string): Record<string, string> => ({
  'content-type': 'text/xml',
  'x-amzn-requestid': requestId,
});

function statusOf(output: Record<string, unknown>): number {
  const s = (output as Record<symbol, unknown>)[HTTP_STATUS];
  return typeof s === 'number' ? s : 200;
}

export function queryResponse(
  namespace: string,
  operation: OperationModel,
  output: Record<string, unknown>,
  ctx: ResponseContext,
): HttpResponse {
  const name = operation.name;
  const out = operation.output;
  let body = `${XML_DECL}<${name}Response xmlns="${escapeXml(namespace)}">`;
  if (out) {
    const wrapper = (out.resultWrapper as string | undefined) ?? `${name}Result`;
    body += `<${wrapper}>${writeXmlMembers(out, output, { ec2: false })}</${wrapper}>`;
  }
  body += `<ResponseMetadata><RequestId>${ctx.requestId}</RequestId></ResponseMetadata></${name}Response>`;
  return { status: statusOf(output), headers: xmlHeaders(ctx.requestId), body: Buffer.from(body) };
}

export function queryErrorResponse(namespace: string, error: AwsError, ctx: ResponseContext, code = error.code): HttpResponse {
  const type = error.fault === 'server' ? 'Receiver' : 'Sender';
  const body =
    `${XML_DECL}<ErrorResponse xmlns="${escapeXml(namespace)}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${ctx.requestId}</RequestId></ErrorResponse>`;
  return { status: error.status, headers: { ...xmlHeaders(ctx.requestId), ...error.headers }, body: Buffer.from(body) };
}

export const queryCodec: Codec = {
  parse(_model, match, req, body) {
    const params = match.params ?? collectQueryParams(req, body);
    const input = readQueryValue(match.operation.input ?? { type: 'structure', members: {} }, params, '', false);
    return (input ?? {}) as Record<string, unknown>;
  },
  serialize(model, operation, output, ctx) {
    return queryResponse(queryNamespace(model), operation, output, ctx);
  },
  error(model, error, ctx) {
    return queryErrorResponse(model ? queryNamespace(model) : 'https://iam.amazonaws.com/doc/2010-05-08/', error, ctx);
  },
};

export const ec2Codec: Codec = {
  parse(_model, match, req, body) {
    const params = match.params ?? collectQueryParams(req, body);
    const input = readQueryValue(match.operation.input ?? { type: 'structure', members: {} }, params, '', true);
    return (input ?? {}) as Record<string, unknown>;
  },
  serialize(model, operation, output, ctx) {
    const name = operation.name;
    const ns = `http://ec2.amazonaws.com/doc/${model.metadata.apiVersion}/`;
    let body = `${XML_DECL}<${name}Response xmlns="${ns}"><requestId>${ctx.requestId}</requestId>`;
    if (operation.output) body += writeXmlMembers(operation.output, output, { ec2: true });
    body += `</${name}Response>`;
    return { status: statusOf(output), headers: { 'content-type': 'text/xml;charset=UTF-8' }, body: Buffer.from(body) };
  },
  error(_model, error, ctx) {
    const body =
      `${XML_DECL}<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
      `</Error></Errors><RequestID>${ctx.requestId}</RequestID></Response>`;
    return { status: error.status, headers: { 'content-type': 'text/xml;charset=UTF-8', ...error.headers }, body: Buffer.from(body) };
  },
};
