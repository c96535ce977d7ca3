/** A deployment package from the request: inline zip bytes, or an object in S3 read as Lambda's service. */
import { servicePrincipal } from '../../core/account';
import type { Ctx } from '../../core/provider';
import { AwsError } from '../../protocol/errors';
import { invalidParameter } from './errors';

/** A response body of any form the dispatcher answers (buffer, string, stream) as one Buffer. */
export async function bytesOf(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string' || body instanceof Uint8Array) return Buffer.from(body);
  const parts: Buffer[] = [];
  for await (const c of body as AsyncIterable<Uint8Array>) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

export interface CodeInput {
  ZipFile?: Uint8Array;
  S3Bucket?: string;
  S3Key?: string;
  S3ObjectVersion?: string;
  ImageUri?: string;
}

export async function packageOf(ctx: Ctx, code: CodeInput): Promise<Buffer> {
  if (code.ImageUri) throw invalidParameter('Container images are not available in the lab: deploy a .zip file archive.');
  if (code.ZipFile) {
    if (code.S3Bucket || code.S3Key) throw invalidParameter('Please do not provide other FunctionCode parameters when providing a ZipFile.');
    return Buffer.from(code.ZipFile);
  }
  if (!code.S3Bucket || !code.S3Key) throw invalidParameter('Please provide a source for function code.');
  try {
    const out = await ctx.call(
      servicePrincipal(ctx.accountId, 'lambda'),
      's3',
      'GetObject',
      { Bucket: code.S3Bucket, Key: code.S3Key, ...(code.S3ObjectVersion ? { VersionId: code.S3ObjectVersion } : {}) },
      { region: ctx.region, source: 'internal' },
    );
    return await bytesOf(out.Body);
  } catch (e) {
    if (e instanceof AwsError) {
      throw invalidParameter(`Error occurred while GetObject. S3 Error Code: ${e.code}. S3 Error Message: ${e.message}`);
    }
    throw e;
  }
}
