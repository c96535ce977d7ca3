/**
 * The rest-xml protocol (S3, Route 53, CloudFront): URI/header/query bindings plus an XML body or payload.
 * S3's quirks (root element names, request-id headers, error extras) are read from s3-xml.ts.
 */
import { AwsError } from './errors';
import { bodyText, type Codec } from './codec';
import { hasBodyMembers, payloadMember, rawPayload, readRestBindings, writeRestBindings } from './rest';
import { readXml, writeXmlElement, writeXmlMembers } from './shape-xml';
import { escapeXml, parseXmlDocument } from './xml';
import { s3HostId } from '../ids';
import { S3_NAMESPACE, s3RootElement } from './s3-xml';
import { applyS3UploadHeaders } from './s3-upload-headers';
import type { HttpResponse } from './types';

export const malformedXml = (): AwsError =>
  new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

function parseXmlBody(text: string) {
  const doc = parseXmlDocument(text);
  if (!doc) throw malformedXml();
  return doc.node;
}

function requestIdHeaders(isS3: boolean, requestId: string): Record<string, string> {
  return isS3 ? { 'x-amz-request-id': requestId, 'x-amz-id-2': s3HostId() } : { 'x-amzn-requestid': requestId };
}

export const restXmlCodec: Codec = {
  parse(model, match, req, body) {
    const op = match.operation;
    const input = readRestBindings(op, match, req);
    const payload = payloadMember(op.input);
    if (payload) {
      const [name, member] = payload;
      if (model.service === 's3' && member.streaming) applyS3UploadHeaders(op, input, req.headers);
      if (member.type === 'structure') {
        const text = bodyText(body);
        if (text.trim() !== '') input[name] = readXml(member, parseXmlBody(text));
      } else if (!Buffer.isBuffer(body) || body.length > 0) input[name] = rawPayload(member, body);
    } else if (op.input && hasBodyMembers(op.input)) {
      const text = bodyText(body);
      if (text.trim() !== '') Object.assign(input, readXml(op.input, parseXmlBody(text)));
    }
    return input;
  },
  serialize(model, operation, output, ctx): HttpResponse {
    const isS3 = model.service === 's3';
    const { status, headers } = writeRestBindings(operation, output);
    Object.assign(headers, requestIdHeaders(isS3, ctx.requestId));
    const payload = payloadMember(operation.output);
    if (payload) {
      const [name, member] = payload;
      const v = output[name];
      if (member.type === 'blob' || member.type === 'string') {
        // Streams and Buffers pass through untouched: S3 object data is on the hot path.
        return { status, headers, body: ctx.method === 'HEAD' ? undefined : (v as HttpResponse['body']) };
      }
      // S3 always answers a structure payload (an SDK takes an empty 200 to CopyObject as an aborted request).
      if ((v === undefined || v === null) && !isS3) return { status, headers, body: undefined };
      headers['content-type'] = 'application/xml';
      const root = member.locationName ?? member.shapeName ?? name;
      const withNs = isS3 && !member.xmlNamespace ? `${root} xmlns="${S3_NAMESPACE}"` : root;
      const xml = writeXmlElement(member, v ?? {}, root, { ec2: false }).replace(`<${root}`, `<${withNs}`);
      return { status, headers, body: Buffer.from(XML_DECL + xml) };
    }
    const out = operation.output;
    if (!out || !hasBodyMembers(out)) {
      return { status, headers, body: undefined };
    }
    headers['content-type'] = 'application/xml';
    const root = isS3 ? s3RootElement(operation.name) : (out.locationName ?? `${operation.name}Response`);
    const ns = model.metadata.xmlNamespace ?? (isS3 ? S3_NAMESPACE : undefined);
    const open = ns ? `<${root} xmlns="${escapeXml(ns)}">` : `<${root}>`;
    if (isS3 && operation.name === 'GetBucketLocation') {
      // The one S3 answer whose root element *is* the value.
      const loc = output.LocationConstraint;
      return { status, headers, body: Buffer.from(`${XML_DECL}${open}${loc ? escapeXml(String(loc)) : ''}</${root}>`) };
    }
    return { status, headers, body: Buffer.from(`${XML_DECL}${open}${writeXmlMembers(out, output, { ec2: false })}</${root}>`) };
  },
  error(model, error, ctx) {
    const isS3 = !model || model.service === 's3';
    const headers: Record<string, string> = { ...requestIdHeaders(isS3, ctx.requestId), ...error.headers };
    if (ctx.method === 'HEAD') return { status: error.status, headers, body: undefined };
    headers['content-type'] = 'application/xml';
    const code = escapeXml(error.code);
    const message = escapeXml(error.message);
    let body: string;
    if (isS3) {
      body = `${XML_DECL}<Error><Code>${code}</Code><Message>${message}</Message>`;
      for (const [k, v] of Object.entries(error.extra)) body += `<${k}>${escapeXml(String(v))}</${k}>`;
      body += `<RequestId>${ctx.requestId}</RequestId><HostId>${escapeXml(headers['x-amz-id-2']!)}</HostId></Error>`;
    } else {
      // Route 53 / CloudFront style.
      const type = error.fault === 'server' ? 'Receiver' : 'Sender';
      body = `${XML_DECL}<ErrorResponse><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${ctx.requestId}</RequestId></ErrorResponse>`;
    }
    return { status: error.status, headers, body: Buffer.from(body) };
  },
};
