// Fuzz over the AWS endpoint with a fixed seed: malformed headers, bodies, signatures, query
// strings, S3 keys and limits at 0, -1 and max, through the real HTTP server. Every answer must
// come (no hang), must not be a 500, and the lab must still answer afterwards (no crash, no
// statement left open). Bounded by a request count and a time budget so CI stays under a minute.
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessLab, type InProcessLab } from '../../helpers/inproc-lab';
import { Sha256 } from '../../helpers/sha256';

const SEED = Number(process.env.NIMBUS_FUZZ_SEED ?? 20261207);
const MAX_REQUESTS = Number(process.env.NIMBUS_FUZZ_REQUESTS ?? 1200);
const BUDGET_MS = 40_000;

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const LIMITS = ['0', '-1', '1', '1000', '1001', '2147483647', '2147483648', '-2147483649', '9'.repeat(30), 'abc', '', '1e3', '0x10', ' 5', 'NaN'];
const NASTY = ['', ' ', '%', '%zz', '%00', '..', '../..', '/', '//', '\u0000', '\u202e', 'é', '😀', '\ud800', 'a'.repeat(1025), '<x>&amp;', '"\'', '\\', '?', '#', '+', '*', '{"a":1}', 'null', '[[[[', '${Partition}'];

/** Lone surrogates replaced by U+FFFD (String#toWellFormed, which this TS lib lacks). */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

function randomText(r: Rng, max = 40): string {
  // Well-formed: a lone surrogate cannot be put on the wire (it becomes U+FFFD).
  if (r.chance(0.4)) return wellFormed(r.pick(NASTY));
  const n = r.int(max);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(r.chance(0.8) ? 32 + r.int(95) : r.int(0xffff));
  return wellFormed(s);
}

interface Req {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  service: string;
  sign: boolean;
}

/** Percent-encodes any text, lone surrogates included (as U+FFFD). */
const enc = (s: string) => encodeURIComponent(wellFormed(s));

function s3Request(r: Rng): Req {
  const bucket = r.pick(['fuzz', 'fuzz', 'nope', randomText(r, 70).toLowerCase(), 'a', 'UPPER', 'x'.repeat(64)]);
  const key = r.chance(0.3) ? '' : r.pick(['k', 'dir/k', randomText(r, 120)]);
  const query: Record<string, string> = {};
  const add = (k: string, v: string) => (query[k] = v);
  switch (r.int(8)) {
    case 0:
      add('list-type', '2');
      add('max-keys', r.pick(LIMITS));
      if (r.chance(0.5)) add('prefix', randomText(r));
      if (r.chance(0.5)) add('delimiter', randomText(r, 3));
      if (r.chance(0.3)) add('continuation-token', randomText(r));
      if (r.chance(0.3)) add('start-after', randomText(r));
      break;
    case 1:
      add('max-keys', r.pick(LIMITS));
      if (r.chance(0.5)) add('marker', randomText(r));
      break;
    case 2:
      add('uploads', '');
      add('max-uploads', r.pick(LIMITS));
      break;
    case 3:
      add('uploadId', randomText(r));
      add('max-parts', r.pick(LIMITS));
      add('part-number-marker', r.pick(LIMITS));
      break;
    case 4:
      add('policy', '');
      break;
    case 5:
      add('delete', '');
      break;
    default:
      if (r.chance(0.3)) add(randomText(r, 10) || 'x', randomText(r));
  }
  const method = r.pick(['GET', 'GET', 'PUT', 'HEAD', 'DELETE', 'POST', 'PATCH']);
  const headers: Record<string, string> = {};
  if (r.chance(0.3)) headers['x-amz-copy-source'] = randomText(r);
  if (r.chance(0.2)) headers['content-md5'] = randomText(r, 30);
  if (r.chance(0.2)) headers.range = r.pick(['bytes=0-0', 'bytes=-1', 'bytes=5-1', 'bytes=abc', `bytes=0-${'9'.repeat(25)}`]);
  if (r.chance(0.2)) headers['x-amz-meta-' + (randomText(r, 8).replace(/[^a-z]/g, '') || 'm')] = randomText(r).replace(/[^\x20-\x7e]/g, '');
  const body = method === 'PUT' || method === 'POST' ? r.pick(['', 'hello', '<Delete><Object><Key>k</Key></Object></Delete>', '<' + randomText(r), '{"Version":"2012-10-17"'  + randomText(r)]) : '';
  return { method, path: `/${enc(bucket)}${key ? `/${enc(key)}` : ''}`, query, headers, body, service: 's3', sign: true };
}

const QUERY_SERVICES = [
  { service: 'sts', version: '2011-06-15', actions: ['GetCallerIdentity', 'AssumeRole', 'GetSessionToken', 'Nope'] },
  { service: 'iam', version: '2010-05-08', actions: ['ListUsers', 'CreateUser', 'GetUser', 'CreatePolicy', 'ListPolicies', 'AttachUserPolicy'] },
  { service: 'ec2', version: '2016-11-15', actions: ['DescribeInstances', 'RunInstances', 'DescribeVpcs', 'CreateSecurityGroup', 'DescribeImages', 'CreateTags'] },
  { service: 'cloudformation', version: '2010-05-15', actions: ['DescribeStacks', 'ValidateTemplate', 'CreateStack', 'ListStacks', 'DescribeStackEvents'] },
];
const PARAMS = ['UserName', 'RoleArn', 'MaxItems', 'MaxResults', 'MaxRecords', 'NextToken', 'Marker', 'PolicyDocument', 'TemplateBody', 'StackName', 'ImageId', 'MinCount', 'MaxCount', 'InstanceIds.member.1', 'InstanceId.1', 'Filter.1.Name', 'Filter.1.Value.1', 'GroupName', 'DurationSeconds', 'Tags.member.1.Key', 'Parameters.member.1.ParameterKey'];

function queryRequest(r: Rng): Req {
  const s = r.pick(QUERY_SERVICES);
  const params: Record<string, string> = {};
  if (r.chance(0.95)) params.Action = r.chance(0.9) ? r.pick(s.actions) : randomText(r, 20);
  if (r.chance(0.9)) params.Version = r.chance(0.9) ? s.version : randomText(r, 12);
  for (let i = r.int(5); i > 0; i--) {
    const k = r.pick(PARAMS);
    params[k] = /Max|Count|Duration/.test(k) ? r.pick(LIMITS) : r.chance(0.2) ? `{"Resources":${'['.repeat(r.int(3000))}` : randomText(r, 200);
  }
  const inBody = r.chance(0.8);
  const encoded = new URLSearchParams(params).toString();
  return {
    method: inBody ? 'POST' : r.pick(['GET', 'POST']),
    path: '/',
    query: inBody ? {} : params,
    headers: inBody ? { 'content-type': r.chance(0.9) ? 'application/x-www-form-urlencoded' : randomText(r, 30).replace(/[^\x20-\x7e]/g, '') } : {},
    body: inBody ? (r.chance(0.1) ? randomText(r, 300) : encoded) : '',
    service: s.service,
    sign: true,
  };
}

function jsonRequest(r: Rng): Req {
  const target = r.pick(['DynamoDB_20120810.PutItem', 'DynamoDB_20120810.Query', 'DynamoDB_20120810.ListTables', 'AmazonSQS.ReceiveMessage', 'AmazonSQS.CreateQueue', 'Logs_20140328.PutLogEvents', 'Nope.Nope', randomText(r, 30)]);
  const service = target.startsWith('Dynamo') ? 'dynamodb' : target.startsWith('AmazonSQS') ? 'sqs' : target.startsWith('Logs') ? 'logs' : 'dynamodb';
  const depth = r.int(4000);
  const body = r.pick([
    '{}',
    '',
    `{"TableName":"t","Limit":${r.pick(LIMITS) || 0}}`,
    `{"MaxNumberOfMessages":${r.pick(['0', '-1', '11', '1e309', '"x"'])},"QueueUrl":"${r.pick(['http://x/1/q', ''])}"}`,
    `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    `{"a":${'{"b":'.repeat(depth)}1${'}'.repeat(depth)}}`,
    randomText(r, 200),
    '{"QueueName":' + JSON.stringify(randomText(r)) + '}',
  ]);
  return {
    method: 'POST',
    path: '/',
    query: {},
    headers: { 'content-type': r.pick(['application/x-amz-json-1.0', 'application/x-amz-json-1.1', 'text/plain']), 'x-amz-target': target.replace(/[^\x20-\x7e]/g, '') },
    body,
    service,
    sign: true,
  };
}

function raw(r: Rng): Req {
  // Requests no SDK would make: garbage or half-made Authorization, odd dates, no signature.
  const base = r.pick([s3Request, queryRequest, jsonRequest])(r);
  base.sign = false;
  const auth = r.pick([
    '',
    'AWS4-HMAC-SHA256',
    'AWS4-HMAC-SHA256 Credential=',
    'AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00',
    `AWS4-HMAC-SHA256 Credential=${randomText(r, 30).replace(/[^\x21-\x7e]/g, '')}, SignedHeaders=${randomText(r, 20).replace(/[^\x21-\x7e]/g, '')}, Signature=${randomText(r, 64).replace(/[^\x21-\x7e]/g, '')}`,
    'AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=',
    'Bearer x',
  ]);
  if (auth) base.headers.authorization = auth;
  if (r.chance(0.5)) base.headers['x-amz-date'] = r.pick(['20260101T000000Z', '2026', 'yesterday', '99999999T999999Z', '']);
  if (r.chance(0.3)) base.headers['x-amz-content-sha256'] = r.pick(['UNSIGNED-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'zz', '']);
  if (r.chance(0.3)) base.query['X-Amz-Algorithm'] = 'AWS4-HMAC-SHA256';
  if (r.chance(0.2)) base.query['X-Amz-Expires'] = r.pick(LIMITS);
  if (r.chance(0.2)) base.query['X-Amz-Credential'] = randomText(r);
  return base;
}

let lab: InProcessLab;

async function send(req: Req, r: Rng): Promise<{ status: number; body: string }> {
  const qs = new URLSearchParams(req.query).toString().replace(/\+/g, '%20');
  // Node's client refuses control and non-Latin-1 characters in headers; the server never sees those.
  const clean = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, v.replace(/[^\x20-\x7e]/g, '')]));
  let headers: Record<string, string> = { host: `127.0.0.1:${lab.port}`, ...clean };
  if (req.sign) {
    if (req.service === 's3') headers['x-amz-content-sha256'] = createHash('sha256').update(req.body).digest('hex');
    const signer = new SignatureV4({ credentials: lab.credentials, region: r.pick(['us-east-1', 'us-east-1', 'eu-west-1', 'xx-nowhere-9']), service: req.service, sha256: Sha256, uriEscapePath: req.service !== 's3' });
    const signed = await signer.sign({ method: req.method, protocol: 'http:', hostname: '127.0.0.1', port: lab.port, path: req.path, query: req.query, headers, body: req.body });
    headers = signed.headers as Record<string, string>;
    // Sometimes break what was signed: a flipped signature, a changed body, a header added after.
    const harm = r.int(10);
    if (harm === 0 && headers.authorization) headers.authorization = headers.authorization.slice(0, -1) + (headers.authorization.endsWith('0') ? '1' : '0');
    if (harm === 1) req.body += 'x';
    if (harm === 2) headers['x-amz-date'] = '20200101T000000Z';
  }
  const payload = Buffer.from(req.body);
  // A Content-Length shorter than the body (a longer one only makes the server wait for bytes that never come, as any HTTP server would).
  if (r.chance(0.1) && payload.length > 0) headers['content-length'] = String(payload.length - 1);
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no answer in 15 s: ${req.service} ${req.method} ${req.path}?${qs} ${JSON.stringify(headers).slice(0, 400)} ${req.body.slice(0, 200)}`)), 15_000);
    const creq = request({ host: '127.0.0.1', port: lab.port, method: req.method, path: `${req.path}${qs ? `?${qs}` : ''}`, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', () => {
        clearTimeout(timer);
        ok({ status: res.statusCode ?? 0, body: '' });
      });
    });
    creq.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // A Content-Length we lied about may make the server close the socket: an answer, not a hang.
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE' || e.message.includes('socket hang up')) ok({ status: 0, body: '' });
      else fail(e);
    });
    creq.end(payload.length && req.method !== 'GET' && req.method !== 'HEAD' ? payload : undefined);
  });
}

beforeAll(async () => {
  lab = await startInProcessLab();
  await lab.engine.call(lab.engine.account.root, 's3', 'CreateBucket', { Bucket: 'fuzz' });
  await lab.engine.call(lab.engine.account.root, 's3', 'PutObject', { Bucket: 'fuzz', Key: 'k', Body: Buffer.from('v') });
});
afterAll(() => lab?.stop());

describe(`endpoint fuzz (seed ${SEED})`, () => {
  it('answers every malformed request without a 500, a hang or a crash', async () => {
    const r = prng(SEED);
    const started = Date.now();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let n = 0;
    for (; n < MAX_REQUESTS && Date.now() - started < BUDGET_MS; n++) {
      const req = r.pick([s3Request, s3Request, queryRequest, jsonRequest, raw])(r);
      const res = await send(req, r);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 500) failures.push(`#${n} ${req.service} ${req.method} ${req.path} ${JSON.stringify(req.query).slice(0, 200)} ${req.body.slice(0, 200)} → ${res.body.slice(0, 300)}`);
    }
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(n).toBeGreaterThan(100);
    // Still alive and consistent: a write and a listing after the storm.
    // (the fuzz may have deleted its own bucket: a fresh one)
    await lab.engine.call(lab.engine.account.root, 's3', 'CreateBucket', { Bucket: 'fuzz-after' });
    await lab.engine.call(lab.engine.account.root, 's3', 'PutObject', { Bucket: 'fuzz-after', Key: 'after', Body: Buffer.from('ok') });
    const listed = await lab.engine.call(lab.engine.account.root, 's3', 'ListObjectsV2', { Bucket: 'fuzz-after', Prefix: 'after' });
    expect(listed.KeyCount).toBe(1);
    expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
  }, 90_000);
});
