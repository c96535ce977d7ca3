/**
 * Where a template comes from: the body, an S3 object of the lab (TemplateURL in any of S3's URL
 * forms, read with GetObject through the dispatcher), or one of the book's own URLs, which resolve
 * to the copy of the book's code repository the learner imported into the lab's data folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { Ctx } from '../../../core/provider';
import { AwsError } from '../../../protocol/errors';
import { servicePrincipal } from '../../../core/account';
import { validationError } from '../errors';

const bookDirs = new WeakMap<object, string>();

/** Called at provider start: the book's code lives in DIR/book-code (NIMBUS_BOOK_CODE overrides it). */
export function setBookCodeDir(store: object, dataDir: string | undefined): void {
  if (dataDir) bookDirs.set(store, join(dataDir, 'book-code'));
}

function bookCodeDir(store: object): string | undefined {
  return process.env.NIMBUS_BOOK_CODE ?? bookDirs.get(store);
}

const BOOK_PREFIXES = [
  /^https?:\/\/s3\.amazonaws\.com\/awsinaction-code2\/(.+)$/,
  /^https?:\/\/awsinaction-code2\.s3\.amazonaws\.com\/(.+)$/,
  /^https?:\/\/s3[.-]([a-z0-9-]+)\.amazonaws\.com\/awsinaction-code2\/(.+)$/,
  /^https?:\/\/raw\.githubusercontent\.com\/AWSinAction\/code2\/[^/]+\/(.+)$/,
  /^https?:\/\/github\.com\/AWSinAction\/code2\/raw\/[^/]+\/(.+)$/,
];

/** The path inside the book's repository a URL names, when it is one of the book's URLs. */
export function bookPath(url: string): string | undefined {
  for (const re of BOOK_PREFIXES) {
    const m = re.exec(url);
    if (m) return decodeURIComponent(m[m.length - 1]!.split('?')[0]!);
  }
  return undefined;
}

/** The repository may be imported as is or with GitHub's archive folder (code2-master/) on top. */
export function readBookFile(root: string, path: string): Buffer | undefined {
  const rel = normalize(path).replace(/^(\.\.(\/|\\|$))+/, '');
  const direct = join(root, rel);
  if (existsSync(direct) && statSync(direct).isFile()) return readFileSync(direct);
  if (!existsSync(root)) return undefined;
  for (const entry of readdirSync(root)) {
    const nested = join(root, entry, rel);
    if (existsSync(nested) && statSync(nested).isFile()) return readFileSync(nested);
  }
  return undefined;
}

/** S3 URL forms → bucket and key. */
export function s3Location(url: string): { bucket: string; key: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const path = decodeURIComponent(u.pathname.slice(1));
  if (/^s3([.-][a-z0-9-]+)?(\.dualstack\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.test(u.hostname)) {
    const slash = path.indexOf('/');
    if (slash <= 0) return undefined;
    return { bucket: path.slice(0, slash), key: path.slice(slash + 1) };
  }
  const vhost = /^(.+)\.s3([.-][a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.exec(u.hostname);
  if (vhost && path) return { bucket: vhost[1]!, key: path };
  return undefined;
}

async function readBody(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (typeof body === 'string') return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

export async function fetchTemplateUrl(ctx: Ctx, url: string): Promise<string> {
  const book = bookPath(url);
  if (book !== undefined) {
    const root = bookCodeDir(ctx.store);
    const data = root ? readBookFile(root, book) : undefined;
    if (data) return data.toString('utf8');
    if (root && existsSync(root)) throw validationError(`Template file referenced by ${url} does not exist in the imported copy of the book's code (${book}).`);
    throw validationError(
      `${url} is in the book's code repository (AWSinAction/code2), which this lab has not imported yet. Download the repository once (a folder or a zip) and run \`nimbus import-book-code PATH\`.`,
    );
  }
  const loc = s3Location(url);
  if (!loc) throw validationError('TemplateURL must be a supported URL.');
  try {
    const out = await ctx.call(servicePrincipal(ctx.accountId, 'cloudformation'), 's3', 'GetObject', { Bucket: loc.bucket, Key: loc.key }, { region: ctx.region, source: 'internal' });
    return (await readBody(out.Body)).toString('utf8');
  } catch (e) {
    if (e instanceof AwsError) throw validationError(`S3 error: ${e.message}`);
    throw e;
  }
}
