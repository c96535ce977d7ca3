import type { Ctx } from '../../core/provider';
import { AwsError } from '../../protocol/errors';
import { malformedXML } from './errors';
import { requireBucket } from './state/buckets';
import { setCors, type CorsRule } from './state/cors';

const METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);
const MAX_RULES = 100;

export const PutBucketCors = (ctx: Ctx, input: { Bucket: string; CORSConfiguration?: { CORSRules?: CorsRule[] } }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const rules = input.CORSConfiguration?.CORSRules;
  if (!Array.isArray(rules) || rules.length === 0 || rules.length > MAX_RULES) throw malformedXML();
  for (const r of rules) {
    if (!Array.isArray(r.AllowedMethods) || r.AllowedMethods.length === 0 || !Array.isArray(r.AllowedOrigins) || r.AllowedOrigins.length === 0) throw malformedXML();
    const bad = r.AllowedMethods.find((m) => !METHODS.has(m));
    if (bad !== undefined) throw new AwsError('InvalidRequest', `Found unsupported HTTP method in CORS config. Unsupported method is ${bad}`, 400);
    const wild = [...r.AllowedOrigins, ...(r.AllowedHeaders ?? [])].find((o) => o.split('*').length > 2);
    if (wild !== undefined) throw new AwsError('InvalidRequest', `AllowedOrigin "${wild}" can not have more than one wildcard.`, 400);
  }
  setCors(ctx.store, bucket.id, rules);
  return {};
};
