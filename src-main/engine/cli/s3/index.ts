/**
 * The high-level `aws s3` commands (ls, mb, rb, cp, mv, rm, sync, website, presign) over S3 API calls,
 * with the real CLI's result lines (`upload: a.txt to s3://b/a.txt`), its failure lines and exit codes
 * (1 when a transfer failed, 254 for a service error while listing, 255 for a missing local path).
 * Progress lines are printed as the real CLI prints them whether or not stdout is a terminal
 * ("Completed 6 Bytes/6 Bytes (1.2 KiB/s) with 1 file(s) remaining" + CR, overwritten by the padded
 * result line), one per finished transfer since the lab's transfers run one at a time.
 */
import { posix } from 'node:path';
import type { Session } from '../session';
import { parseKnownArgs, invalidChoiceMessage, type OptionSpec } from '../argparse';
import { ArgParseError, ClientError, GeneralError, ParamValidationError, UnknownArgumentsError } from '../errors';
import { renderOutput } from '../render';
import { modelFor } from '../catalog';
import { displayLocal, isS3, passesFilters, resolvePath, splitS3, walkLocal, type Filter } from './paths';
import { guessMimeType } from './mime';
import { presignUrl } from './presign';
import { resolveCredentials } from '../config';
import { fill, manPage } from '../help';

type Dict = Record<string, unknown>;
const COMMANDS = ['cp', 'ls', 'mb', 'mv', 'presign', 'rb', 'rm', 'sync', 'website'];
const ACLS = ['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write'];

const flag = (name: string): OptionSpec => ({ flag: `--${name}`, dest: name, nargs: 0 });
const opt = (name: string, choices?: string[]): OptionSpec => ({ flag: `--${name}`, dest: name, nargs: 1, choices });
const TRANSFER = [
  flag('dryrun'), flag('quiet'), flag('only-show-errors'), flag('no-progress'), flag('recursive'), flag('no-guess-mime-type'), flag('follow-symlinks'), flag('no-follow-symlinks'),
  opt('include'), opt('exclude'), opt('acl', ACLS), opt('content-type'), opt('cache-control'), opt('content-disposition'), opt('content-encoding'), opt('content-language'),
  opt('storage-class'), opt('metadata'), opt('metadata-directive'), opt('expires'), opt('sse'), opt('page-size'), opt('source-region'), opt('request-payer'), opt('website-redirect'), opt('expected-size'),
];
const OPTIONS: Record<string, OptionSpec[]> = {
  ls: [flag('recursive'), flag('human-readable'), flag('summarize'), opt('page-size'), opt('request-payer')],
  mb: [],
  rb: [flag('force')],
  cp: TRANSFER,
  mv: TRANSFER,
  rm: [flag('dryrun'), flag('quiet'), flag('only-show-errors'), flag('recursive'), opt('include'), opt('exclude'), opt('page-size'), opt('request-payer')],
  sync: [...TRANSFER.filter((o) => o.dest !== 'recursive'), flag('delete'), flag('exact-timestamps'), flag('size-only')],
  website: [opt('index-document'), opt('error-document')],
  presign: [opt('expires-in')],
};
const POSITIONALS: Record<string, number> = { ls: 0, mb: 1, rb: 1, cp: 2, mv: 2, rm: 1, sync: 2, website: 1, presign: 1 };

export function humanReadableSize(value: number): string {
  if (value === 1) return '1 Byte';
  if (value < 1024) return `${Math.floor(value)} Bytes`;
  const suffixes = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  for (let i = 0; i < suffixes.length; i++) {
    const unit = 1024 ** (i + 2);
    if (Math.round((value / unit) * 1024) < 1024) return `${((1024 * value) / unit).toFixed(1)} ${suffixes[i]}`;
  }
  return `${((1024 * value) / 1024 ** 7).toFixed(1)} EiB`;
}

const lastModStr = (iso: string): string => iso.slice(0, 19).replace('T', ' ');

interface Ctx {
  session: Session;
  values: Map<string, unknown>;
  filters: Filter[];
  failed: boolean;
  /** The transfer totals behind the progress lines (awscli's ResultRecorder). */
  progress?: Progress;
}

interface Progress {
  files: number;
  bytes: number;
  doneFiles: number;
  doneBytes: number;
  start: number;
  /** Length of the progress line on screen, which the next statement pads over. */
  shown: number;
}

/** Adds transfers to the expected totals before they run. */
function plan(ctx: Ctx, files: number, bytes: number): void {
  ctx.progress ??= { files: 0, bytes: 0, doneFiles: 0, doneBytes: 0, start: ctx.session.host.now(), shown: 0 };
  ctx.progress.files += files;
  ctx.progress.bytes += bytes;
}

const showsProgress = (ctx: Ctx): boolean => !['no-progress', 'quiet', 'only-show-errors', 'dryrun'].some((f) => ctx.values.get(f));

/** awscli's ResultPrinter progress line: "Completed 6 Bytes/6 Bytes (1.2 KiB/s) with 1 file(s) remaining", then \r. */
function printProgress(ctx: Ctx): void {
  const p = ctx.progress;
  if (!p || !showsProgress(ctx)) return;
  const remaining = p.files - p.doneFiles;
  const seconds = Math.max(ctx.session.host.now() - p.start, 1) / 1000;
  const line =
    p.bytes > 0
      ? `Completed ${humanReadableSize(p.doneBytes)}/${humanReadableSize(p.bytes)} (${humanReadableSize(Math.floor(p.doneBytes / seconds))}/s) with ${remaining} file(s) remaining`
      : `Completed ${p.doneFiles} file(s) with ${remaining} file(s) remaining`;
  const padded = line.padEnd(p.shown, ' ');
  p.shown = padded.length;
  ctx.session.host.stdout(`${padded}\r`);
}

/** A result statement, padded over the progress line it replaces. */
function statement(ctx: Ctx, line: string): string {
  const shown = ctx.progress?.shown ?? 0;
  if (ctx.progress) ctx.progress.shown = 0;
  return `${line.padEnd(shown, ' ')}\n`;
}

async function s3call(ctx: Ctx, op: string, input: Dict): Promise<Dict> {
  return ctx.session.call('s3', op, input);
}

async function listAll(ctx: Ctx, bucket: string, prefix: string, delimiter?: string): Promise<{ contents: Dict[]; prefixes: string[] }> {
  const contents: Dict[] = [];
  const prefixes: string[] = [];
  let token: string | undefined;
  const op = modelFor('s3').operations.ListObjectsV2!;
  const pageSize = ctx.values.get('page-size');
  for (;;) {
    const raw = await s3call(ctx, 'ListObjectsV2', { Bucket: bucket, Prefix: prefix, ...(delimiter ? { Delimiter: delimiter } : {}), ...(token ? { ContinuationToken: token } : {}), ...(pageSize ? { MaxKeys: Number(pageSize) } : {}) });
    const page = renderOutput(op.output, raw, 'rest-xml');
    contents.push(...((page.Contents as Dict[] | undefined) ?? []));
    prefixes.push(...((page.CommonPrefixes as Dict[] | undefined) ?? []).map((p) => String(p.Prefix)));
    token = page.NextContinuationToken as string | undefined;
    if (!page.IsTruncated || !token) break;
  }
  return { contents, prefixes };
}

const out = (ctx: Ctx, line: string): void => {
  if (!ctx.values.get('quiet') && !ctx.values.get('only-show-errors')) ctx.session.host.stdout(line);
};
const err = (ctx: Ctx, line: string): void => {
  ctx.failed = true;
  if (!ctx.values.get('quiet')) ctx.session.host.stderr(line);
};

function uploadParams(ctx: Ctx, localPath: string): Dict {
  const v = ctx.values;
  const p: Dict = {};
  const type = (v.get('content-type') as string | undefined) ?? (v.get('no-guess-mime-type') ? undefined : guessMimeType(localPath));
  if (type) p.ContentType = type;
  if (v.get('acl')) p.ACL = v.get('acl');
  if (v.get('cache-control')) p.CacheControl = v.get('cache-control');
  if (v.get('content-disposition')) p.ContentDisposition = v.get('content-disposition');
  if (v.get('content-encoding')) p.ContentEncoding = v.get('content-encoding');
  if (v.get('content-language')) p.ContentLanguage = v.get('content-language');
  if (v.get('storage-class')) p.StorageClass = v.get('storage-class');
  if (v.get('website-redirect')) p.WebsiteRedirectLocation = v.get('website-redirect');
  return p;
}

type Transfer =
  | { kind: 'upload'; src: string; bucket: string; key: string }
  | { kind: 'download'; bucket: string; key: string; dest: string }
  | { kind: 'copy'; bucket: string; key: string; destBucket: string; destKey: string; size?: number };

const describe = (ctx: Ctx, t: Transfer): string =>
  t.kind === 'upload'
    ? `${displayLocal(ctx.session.host, t.src)} to s3://${t.bucket}/${t.key}`
    : t.kind === 'download'
      ? `s3://${t.bucket}/${t.key} to ${t.dest === '-' ? '-' : displayLocal(ctx.session.host, t.dest)}`
      : `s3://${t.bucket}/${t.key} to s3://${t.destBucket}/${t.destKey}`;

async function perform(ctx: Ctx, t: Transfer, move: boolean): Promise<void> {
  const verb = move ? 'move' : t.kind;
  if (ctx.values.get('dryrun')) {
    out(ctx, `(dryrun) ${verb}: ${describe(ctx, t)}\n`);
    return;
  }
  const host = ctx.session.host;
  let size = 0;
  try {
    if (t.kind === 'upload') {
      const body = Buffer.from(await host.fs.readFile(t.src));
      size = body.length;
      await s3call(ctx, 'PutObject', { Bucket: t.bucket, Key: t.key, Body: body, ...uploadParams(ctx, t.src) });
      if (move) await host.fs.rm(t.src);
    } else if (t.kind === 'download') {
      const res = await s3call(ctx, 'GetObject', { Bucket: t.bucket, Key: t.key });
      const chunks: Buffer[] = [];
      const body = res.Body;
      if (body instanceof Uint8Array) chunks.push(Buffer.from(body));
      else if (body && typeof body === 'object' && Symbol.asyncIterator in body) for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
      const data = Buffer.concat(chunks);
      size = data.length;
      if (t.dest === '-') {
        host.stdout(data.toString('utf8'));
        return;
      }
      await host.fs.mkdir(posix.dirname(t.dest), { recursive: true });
      await host.fs.writeFile(t.dest, data);
      if (move) await s3call(ctx, 'DeleteObject', { Bucket: t.bucket, Key: t.key });
    } else {
      const extra: Dict = {};
      if (ctx.values.get('acl')) extra.ACL = ctx.values.get('acl');
      if (ctx.values.get('content-type')) Object.assign(extra, { ContentType: ctx.values.get('content-type'), MetadataDirective: 'REPLACE' });
      await s3call(ctx, 'CopyObject', { Bucket: t.destBucket, Key: t.destKey, CopySource: `${t.bucket}/${t.key}`, ...extra });
      if (move) await s3call(ctx, 'DeleteObject', { Bucket: t.bucket, Key: t.key });
    }
    if (t.kind === 'copy') size = t.size ?? 0;
    if (ctx.progress) ctx.progress.doneBytes += size;
    printProgress(ctx);
    out(ctx, statement(ctx, `${verb}: ${describe(ctx, t)}`));
  } catch (e) {
    if (!(e instanceof ClientError)) throw e;
    err(ctx, statement(ctx, `${verb} failed: ${describe(ctx, t)} ${e.message}`));
  }
  if (ctx.progress) {
    ctx.progress.doneFiles += 1;
    if (ctx.progress.doneFiles < ctx.progress.files) printProgress(ctx);
  }
}

async function localExists(ctx: Ctx, p: string): Promise<{ isFile: boolean; isDirectory: boolean } | undefined> {
  return ctx.session.host.fs.stat(p).catch(() => undefined);
}

function fatal(ctx: Ctx, e: unknown): number {
  if (e instanceof ClientError) {
    ctx.session.host.stderr(`fatal error: ${e.message}\n`);
    return 1;
  }
  throw e;
}

/** cp and mv: single file or --recursive, in any direction. */
async function copyCommand(ctx: Ctx, src: string, dest: string, move: boolean): Promise<number> {
  const host = ctx.session.host;
  const recursive = !!ctx.values.get('recursive');
  if (!isS3(src) && !isS3(dest)) throw new ParamValidationError(`Error: Invalid argument type`);
  if (!isS3(src)) {
    const local = resolvePath(host, src);
    const st = await localExists(ctx, local);
    if (!st) throw new GeneralError(`The user-provided path ${src} does not exist.`);
    const { bucket, key } = splitS3(dest);
    if (recursive) {
      if (!st.isDirectory) throw new GeneralError(`The user-provided path ${src} does not exist.`);
      const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
      const files = (await walkLocal(host, local)).filter((f) => passesFilters(ctx.filters, local, f.path));
      plan(ctx, files.length, files.reduce((n, f) => n + f.size, 0));
      for (const f of files) await perform(ctx, { kind: 'upload', src: f.path, bucket, key: prefix + f.rel }, move);
    } else {
      const target = key === '' || key.endsWith('/') ? key + posix.basename(local) : key;
      if (passesFilters(ctx.filters, posix.dirname(local), local)) {
        plan(ctx, 1, (await host.fs.stat(local))?.size ?? 0);
        await perform(ctx, { kind: 'upload', src: local, bucket, key: target }, move);
      }
    }
    return ctx.failed ? 1 : 0;
  }
  const { bucket, key } = splitS3(src);
  let size = 0;
  if (recursive) {
    const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
    let listing;
    try {
      listing = await listAll(ctx, bucket, prefix);
    } catch (e) {
      return fatal(ctx, e);
    }
    const objects = listing.contents.filter((obj) => passesFilters(ctx.filters, `s3://${bucket}/${prefix}`, `s3://${bucket}/${String(obj.Key)}`));
    plan(ctx, objects.length, objects.reduce((n, o) => n + Number(o.Size ?? 0), 0));
    for (const obj of objects) {
      const k = String(obj.Key);
      const rel = k.slice(prefix.length);
      if (isS3(dest)) {
        const d = splitS3(dest);
        const dp = d.key === '' || d.key.endsWith('/') ? d.key : `${d.key}/`;
        await perform(ctx, { kind: 'copy', bucket, key: k, destBucket: d.bucket, destKey: dp + rel, size: Number(obj.Size ?? 0) }, move);
      } else await perform(ctx, { kind: 'download', bucket, key: k, dest: posix.join(resolvePath(host, dest), rel) }, move);
    }
    return ctx.failed ? 1 : 0;
  }
  try {
    const head = await s3call(ctx, 'HeadObject', { Bucket: bucket, Key: key });
    size = Number(head.ContentLength ?? 0);
    plan(ctx, 1, size);
  } catch (e) {
    if (e instanceof ClientError && e.code === '404') {
      host.stderr(`fatal error: An error occurred (404) when calling the HeadObject operation: Key "${key}" does not exist\n`);
      return 1;
    }
    return fatal(ctx, e);
  }
  const base = posix.basename(key);
  if (isS3(dest)) {
    const d = splitS3(dest);
    await perform(ctx, { kind: 'copy', bucket, key, destBucket: d.bucket, destKey: d.key === '' || d.key.endsWith('/') ? d.key + base : d.key, size }, move);
  } else if (dest === '-') await perform(ctx, { kind: 'download', bucket, key, dest: '-' }, false);
  else {
    const local = resolvePath(host, dest);
    const st = await localExists(ctx, local);
    const target = dest.endsWith('/') || st?.isDirectory ? posix.join(local, base) : local;
    await perform(ctx, { kind: 'download', bucket, key, dest: target }, move);
  }
  return ctx.failed ? 1 : 0;
}

async function syncCommand(ctx: Ctx, src: string, dest: string): Promise<number> {
  const host = ctx.session.host;
  const sizeOnly = !!ctx.values.get('size-only');
  type Entry = { rel: string; size: number; mtime: number; path: string };
  const listS3 = async (uri: string): Promise<Entry[]> => {
    const { bucket, key } = splitS3(uri);
    const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
    const { contents } = await listAll(ctx, bucket, prefix);
    return contents.map((o) => ({ rel: String(o.Key).slice(prefix.length), size: Number(o.Size), mtime: Date.parse(String(o.LastModified)), path: String(o.Key) }));
  };
  const listLocal = async (p: string): Promise<Entry[]> => {
    const root = resolvePath(host, p);
    const st = await localExists(ctx, root);
    if (!st) return [];
    return (await walkLocal(host, root)).map((f) => ({ rel: f.rel, size: f.size, mtime: f.mtimeMs, path: f.path }));
  };
  if (!isS3(src)) {
    const st = await localExists(ctx, resolvePath(host, src));
    if (!st) throw new GeneralError(`The user-provided path ${src} does not exist.`);
  }
  let srcList: Entry[], destList: Entry[];
  try {
    srcList = isS3(src) ? await listS3(src) : await listLocal(src);
    destList = isS3(dest) ? await listS3(dest) : await listLocal(dest);
  } catch (e) {
    return fatal(ctx, e);
  }
  const srcRoot = isS3(src) ? `${src.replace(/\/$/, '')}/` : resolvePath(host, src);
  const destMap = new Map(destList.map((e) => [e.rel, e]));
  const srcRels = new Set(srcList.map((e) => e.rel));
  const fullSrc = (e: Entry): string => (isS3(src) ? `${srcRoot}${e.rel}` : e.path);
  const todo: { t: Transfer; size: number }[] = [];
  for (const e of srcList.sort((a, b) => (a.rel < b.rel ? -1 : 1))) {
    if (!passesFilters(ctx.filters, srcRoot, fullSrc(e))) continue;
    const d = destMap.get(e.rel);
    const changed = !d || d.size !== e.size || (!sizeOnly && (isS3(src) && !isS3(dest) ? e.mtime > d.mtime + 999 : e.mtime > d.mtime));
    if (!changed) continue;
    const t: Transfer = !isS3(src)
      ? (() => {
          const { bucket, key } = splitS3(dest);
          const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
          return { kind: 'upload' as const, src: e.path, bucket, key: prefix + e.rel };
        })()
      : isS3(dest)
        ? (() => {
            const s = splitS3(src);
            const d2 = splitS3(dest);
            const dp = d2.key === '' || d2.key.endsWith('/') ? d2.key : `${d2.key}/`;
            return { kind: 'copy' as const, bucket: s.bucket, key: e.path, destBucket: d2.bucket, destKey: dp + e.rel, size: e.size };
          })()
        : { kind: 'download' as const, bucket: splitS3(src).bucket, key: e.path, dest: posix.join(resolvePath(host, dest), e.rel) };
    todo.push({ t, size: e.size });
  }
  plan(ctx, todo.length, todo.reduce((n, x) => n + x.size, 0));
  for (const { t } of todo) await perform(ctx, t, false);
  if (ctx.values.get('delete')) {
    for (const d of destList) {
      if (srcRels.has(d.rel)) continue;
      if (isS3(dest)) {
        const { bucket } = splitS3(dest);
        if (ctx.values.get('dryrun')) out(ctx, `(dryrun) delete: s3://${bucket}/${d.path}\n`);
        else {
          await s3call(ctx, 'DeleteObject', { Bucket: bucket, Key: d.path });
          out(ctx, `delete: s3://${bucket}/${d.path}\n`);
        }
      } else {
        if (!ctx.values.get('dryrun')) await host.fs.rm(d.path);
        out(ctx, `${ctx.values.get('dryrun') ? '(dryrun) ' : ''}delete: ${displayLocal(host, d.path)}\n`);
      }
    }
  }
  return ctx.failed ? 1 : 0;
}

async function lsCommand(ctx: Ctx, path: string | undefined): Promise<number> {
  const host = ctx.session.host;
  const human = !!ctx.values.get('human-readable');
  let total = 0;
  let count = 0;
  const p = (path ?? '').replace(/^s3:\/\//, '');
  const { bucket, key } = splitS3(p);
  if (!bucket) {
    const res = renderOutput(modelFor('s3').operations.ListBuckets!.output, await s3call(ctx, 'ListBuckets', {}), 'rest-xml');
    for (const b of (res.Buckets as Dict[] | undefined) ?? []) host.stdout(`${lastModStr(String(b.CreationDate))} ${String(b.Name)}\n`);
  } else {
    const recursive = !!ctx.values.get('recursive');
    const { contents, prefixes } = await listAll(ctx, bucket, key, recursive ? undefined : '/');
    for (const pre of prefixes) host.stdout(`${'PRE'.padStart(30)} ${pre.split('/').slice(-2)[0]}/\n`);
    for (const o of contents) {
      const size = Number(o.Size);
      total += size;
      count++;
      const sizeStr = (human ? humanReadableSize(size) : String(size)).padStart(10);
      const name = recursive ? String(o.Key) : String(o.Key).split('/').pop()!;
      host.stdout(`${lastModStr(String(o.LastModified)).padEnd(19)} ${sizeStr} ${name}\n`);
    }
    if (ctx.values.get('summarize')) {
      host.stdout(`${'\nTotal Objects: '.padStart(15)}${count}\n`);
      host.stdout(`${'Total Size: '.padStart(15)}${human ? humanReadableSize(total) : total}\n`);
    }
    if (key && contents.length === 0 && prefixes.length === 0) return 1;
    return 0;
  }
  if (ctx.values.get('summarize')) {
    host.stdout(`${'\nTotal Objects: '.padStart(15)}${count}\n`);
    host.stdout(`${'Total Size: '.padStart(15)}${human ? humanReadableSize(total) : total}\n`);
  }
  return 0;
}

async function rmCommand(ctx: Ctx, path: string): Promise<number> {
  if (!isS3(path)) throw new ParamValidationError(`<S3Uri>\nError: Invalid argument type`);
  const { bucket, key } = splitS3(path);
  const del = async (k: string): Promise<void> => {
    if (ctx.values.get('dryrun')) return out(ctx, `(dryrun) delete: s3://${bucket}/${k}\n`);
    try {
      await s3call(ctx, 'DeleteObject', { Bucket: bucket, Key: k });
      out(ctx, `delete: s3://${bucket}/${k}\n`);
    } catch (e) {
      if (!(e instanceof ClientError)) throw e;
      err(ctx, `delete failed: s3://${bucket}/${k} ${e.message}\n`);
    }
  };
  if (!ctx.values.get('recursive')) {
    await del(key);
    return ctx.failed ? 1 : 0;
  }
  const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
  let listing;
  try {
    listing = await listAll(ctx, bucket, key === '' ? '' : prefix);
  } catch (e) {
    return fatal(ctx, e);
  }
  for (const o of listing.contents) if (passesFilters(ctx.filters, `s3://${bucket}/${prefix}`, `s3://${bucket}/${String(o.Key)}`)) await del(String(o.Key));
  return ctx.failed ? 1 : 0;
}

export async function runS3(session: Session, args: string[]): Promise<number> {
  const sub = args[0];
  if (sub === undefined) throw new ArgParseError('the following arguments are required: subcommand');
  if (sub === 'help') {
    session.host.stdout(
      manPage('s3', [
        ['NAME', '       s3 -'],
        ['DESCRIPTION', fill('High-level commands that manage buckets and objects (section 8 of the book).')],
        ['AVAILABLE COMMANDS', COMMANDS.map((c) => `       o ${c}`).join('\n\n')],
      ]),
    );
    return 0;
  }
  if (!COMMANDS.includes(sub)) throw new ArgParseError(`argument subcommand: ${invalidChoiceMessage(sub, [...COMMANDS, 'help'])}`);
  // --include/--exclude may repeat and their order matters: take them out first.
  const filters: Filter[] = [];
  const rest: string[] = [];
  const raw = args.slice(1);
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i]!;
    const m = /^--(include|exclude)(?:=(.*))?$/.exec(a);
    if (m && OPTIONS[sub]!.some((o) => o.dest === m[1])) {
      const pattern = m[2] ?? raw[++i];
      if (pattern === undefined) throw new ArgParseError(`argument --${m[1]}: expected one argument`);
      filters.push({ kind: m[1] as 'include' | 'exclude', pattern });
    } else rest.push(a);
  }
  const n = POSITIONALS[sub]!;
  const positionals = sub === 'ls' ? [{ dest: 'paths', nargs: '?' as const }] : n === 2 ? [{ dest: 'src', nargs: 1 as const }, { dest: 'dest', nargs: 1 as const }] : [{ dest: 'paths', nargs: 1 as const }];
  const { values, extras } = parseKnownArgs(rest, { options: OPTIONS[sub]!, positionals });
  if (extras.length > 0) throw new UnknownArgumentsError(extras);
  const ctx: Ctx = { session, values, filters, failed: false };
  const path = values.get('paths') as string | undefined;
  switch (sub) {
    case 'ls':
      return lsCommand(ctx, path);
    case 'mb': {
      if (!isS3(path!)) throw new ParamValidationError('<S3Uri>\nError: Invalid argument type');
      const { bucket } = splitS3(path!);
      const region = session.region();
      try {
        await s3call(ctx, 'CreateBucket', { Bucket: bucket, ...(region !== 'us-east-1' ? { CreateBucketConfiguration: { LocationConstraint: region } } : {}) });
        session.host.stdout(`make_bucket: ${bucket}\n`);
        return 0;
      } catch (e) {
        if (!(e instanceof ClientError)) throw e;
        session.host.stderr(`make_bucket failed: ${path} ${e.message}\n`);
        return 1;
      }
    }
    case 'rb': {
      if (!isS3(path!)) throw new ParamValidationError('<S3Uri>\nError: Invalid argument type');
      const { bucket, key } = splitS3(path!);
      if (key) throw new ParamValidationError(`Please specify a valid bucket name only. E.g. s3://${bucket}`);
      if (values.get('force')) {
        const rc = await rmCommand({ ...ctx, values: new Map([['recursive', true]]) }, path!);
        if (rc !== 0) throw new GeneralError('remove_bucket failed: Unable to delete all objects in the bucket, bucket will not be deleted.');
      }
      try {
        await s3call(ctx, 'DeleteBucket', { Bucket: bucket });
        session.host.stdout(`remove_bucket: ${bucket}\n`);
        return 0;
      } catch (e) {
        if (!(e instanceof ClientError)) throw e;
        session.host.stderr(`remove_bucket failed: ${path} ${e.message}\n`);
        return 1;
      }
    }
    case 'cp':
    case 'mv':
      return copyCommand(ctx, String(values.get('src')), String(values.get('dest')), sub === 'mv');
    case 'rm':
      return rmCommand(ctx, path!);
    case 'sync':
      return syncCommand(ctx, String(values.get('src')), String(values.get('dest')));
    case 'website': {
      const bucket = path!.replace(/^s3:\/\//, '').replace(/\/$/, '');
      const config: Dict = {};
      if (values.get('index-document') !== undefined) config.IndexDocument = { Suffix: values.get('index-document') };
      if (values.get('error-document') !== undefined) config.ErrorDocument = { Key: values.get('error-document') };
      await s3call(ctx, 'PutBucketWebsite', { Bucket: bucket, WebsiteConfiguration: config });
      return 0;
    }
    case 'presign': {
      const { bucket, key } = splitS3(path!);
      const creds = await resolveCredentials(session.host, session.config);
      const endpoint = session.globals.endpointUrl ?? session.host.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566';
      const expires = values.get('expires-in') !== undefined ? Number(values.get('expires-in')) : 3600;
      session.host.stdout(`${presignUrl({ endpoint, bucket, key, region: session.region(), ...creds, now: session.host.now(), expiresIn: expires })}\n`);
      return 0;
    }
  }
  return 0;
}
