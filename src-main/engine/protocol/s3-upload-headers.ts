/**
 * S3's aws-chunked uploads: the Content-Length header counts the chunk framing and Content-Encoding
 * carries `aws-chunked`. S3 reports the object's own length (`x-amz-decoded-content-length`) and drops
 * the `aws-chunked` coding, so handlers see what a plain upload would have given them.
 */
import type { OperationModel } from '../models/types';

export function applyS3UploadHeaders(operation: OperationModel, input: Record<string, unknown>, headers: Record<string, string>): void {
  const decoded = headers['x-amz-decoded-content-length'];
  if (decoded !== undefined && operation.input?.members?.ContentLength) {
    const n = Number(decoded);
    if (Number.isInteger(n) && n >= 0) input.ContentLength = n;
  }
  const encoding = input.ContentEncoding;
  if (typeof encoding === 'string' && encoding.includes('aws-chunked')) {
    const rest = encoding
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && s !== 'aws-chunked')
      .join(',');
    if (rest) input.ContentEncoding = rest;
    else delete input.ContentEncoding;
  }
}
