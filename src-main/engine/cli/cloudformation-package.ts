/**
 * `aws cloudformation package` as CLI v2 does it (awscli/customizations/cloudformation): read the
 * template (JSON, or YAML with the short intrinsic forms and YAML 1.1 booleans), upload every local
 * artifact a known resource property points to (a folder, or a lone file for Lambda code, as a ZIP;
 * named by its MD5, skipped when that key already exists), rewrite the property to the S3 location,
 * and print the template as YAML (block style, long intrinsic forms) or JSON.
 *
 * A nested stack's local TemplateURL is packaged in turn, uploaded as `<md5>.template` and replaced
 * by its path-style S3 URL. AWS::Serverless::Application and state machine definitions are left as
 * they are.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import YAML, { type CollectionTag, type ScalarTag } from 'yaml';
import type { Session } from './session';
import { ClientError, GeneralError } from './errors';
import { createZip, type ZipEntry } from './zip';

type Dict = Record<string, unknown>;

interface Exporter {
  type: string;
  /** A dotted path inside Properties. */
  property: string;
  /** Package the template's folder when the property is absent. */
  packageNull: boolean;
  forceZip: boolean;
  /** The S3 location as a dict (bucket, key, version property names) instead of an s3:// URL. */
  dict?: [string, string, string | undefined];
}

const ex = (type: string, property: string, opts: Partial<Exporter> = {}): Exporter => ({ type, property, packageNull: true, forceZip: false, ...opts });

/** awscli's RESOURCES_EXPORT_LIST, in its order, without the nested-template kinds. */
const EXPORTERS: Exporter[] = [
  ex('AWS::Serverless::Function', 'CodeUri', { forceZip: true }),
  ex('AWS::Serverless::Api', 'DefinitionUri', { packageNull: false }),
  ex('AWS::AppSync::GraphQLSchema', 'DefinitionS3Location', { packageNull: false }),
  ex('AWS::AppSync::Resolver', 'RequestMappingTemplateS3Location', { packageNull: false }),
  ex('AWS::AppSync::Resolver', 'ResponseMappingTemplateS3Location', { packageNull: false }),
  ex('AWS::AppSync::FunctionConfiguration', 'RequestMappingTemplateS3Location', { packageNull: false }),
  ex('AWS::AppSync::FunctionConfiguration', 'ResponseMappingTemplateS3Location', { packageNull: false }),
  ex('AWS::ApiGateway::RestApi', 'BodyS3Location', { packageNull: false, dict: ['Bucket', 'Key', 'Version'] }),
  ex('AWS::Lambda::Function', 'Code', { forceZip: true, dict: ['S3Bucket', 'S3Key', 'S3ObjectVersion'] }),
  ex('AWS::ElasticBeanstalk::ApplicationVersion', 'SourceBundle', { dict: ['S3Bucket', 'S3Key', undefined] }),
  ex('AWS::Serverless::LayerVersion', 'ContentUri', { forceZip: true }),
  ex('AWS::Lambda::LayerVersion', 'Content', { forceZip: true, dict: ['S3Bucket', 'S3Key', 'S3ObjectVersion'] }),
  ex('AWS::Glue::Job', 'Command.ScriptLocation'),
  ex('AWS::CodeCommit::Repository', 'Code.S3', { packageNull: false, forceZip: true, dict: ['Bucket', 'Key', 'ObjectVersion'] }),
];

const SHORT_FORMS = ['Ref', 'Condition', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'FindInMap', 'GetAZs', 'Base64', 'If', 'Equals', 'And', 'Or', 'Not', 'ImportValue', 'Cidr', 'Transform', 'Length', 'ToJsonString'];
const longName = (tag: string): string => (tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`);

/** The short forms become `{Fn::X: value}` (`!GetAtt A.B` → [A, B]), as awscli's yamlhelper does. */
const intrinsicTags = (): (ScalarTag | CollectionTag)[] =>
  SHORT_FORMS.flatMap((t): (ScalarTag | CollectionTag)[] => [
    { tag: `!${t}`, resolve: (v: string) => ({ [longName(t)]: t === 'GetAtt' ? splitOnce(v) : v }) },
    { tag: `!${t}`, collection: 'seq', resolve: (seq) => ({ [longName(t)]: (seq as YAML.YAMLSeq).toJSON() as unknown }) },
    { tag: `!${t}`, collection: 'map', resolve: (map) => ({ [longName(t)]: (map as YAML.YAMLMap).toJSON() as unknown }) },
  ]);
const splitOnce = (v: string): string[] => {
  const dot = v.indexOf('.');
  return dot < 0 ? [v] : [v.slice(0, dot), v.slice(dot + 1)];
};

/** YAML 1.1's booleans that awscli adds to its YAML 1.2 reader (and quotes when it writes strings). */
const BOOL_1_1 = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const bool11: ScalarTag = { tag: 'tag:yaml.org,2002:bool', default: true, test: BOOL_1_1, resolve: (s: string) => /^[yto]/i.test(s) && !/^off$/i.test(s) };

export function parseCliTemplate(text: string): Dict {
  try {
    return JSON.parse(text) as Dict;
  } catch {
    return YAML.parse(text, { customTags: (tags) => [bool11, ...tags, ...intrinsicTags()], uniqueKeys: false }) as Dict;
  }
}

/** Any C0 control character but the tab, or DEL. */
const hasControl = (s: string): boolean => [...s].some((c) => (c.charCodeAt(0) < 0x20 && c !== '\t') || c.charCodeAt(0) === 0x7f);

/** awscli's yaml_dump (ruamel, safe, block style, sequences not indented, 1.1 booleans and dates quoted). */
export function dumpCliTemplate(template: unknown): string {
  const doc = new YAML.Document(template, { aliasDuplicateObjects: false, customTags: [bool11, 'timestamp'] });
  // Strings with line breaks or other control characters: ruamel writes them double-quoted.
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && hasControl(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const text = doc.toString({ indentSeq: false, lineWidth: 0, singleQuote: true });
  return text.split('\n').map(foldLine).join('\n');
}

/**
 * ruamel's folding of plain and single-quoted scalars at width 80: a single space is written as a
 * line break once the line already runs past column 80; the continuation is indented one level.
 */
function foldLine(line: string): string {
  if (line.length <= 80) return line;
  const m = /^( *)((?:- )*)((?:[^\s'"{[|>&*!%@`#-][^:]*?|'[^']*'): )?(?=[^\s"{[|>])/.exec(line);
  if (!m) return line;
  const indent = m[1]!.length + m[2]!.length + (m[3] ? 2 : 0);
  const start = m[0].length;
  const quoted = line[start] === "'";
  const out: string[] = [];
  let current = line.slice(0, start);
  const words = line.slice(start).split(' ');
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (i === 0) current += word;
    else if (word !== '' && words[i - 1] !== '' && current.length > 80 && !(quoted && i === words.length - 1 && word === "'")) {
      out.push(current);
      current = ' '.repeat(indent) + word;
    } else current += ` ${word}`;
  }
  out.push(current);
  return out.join('\n');
}

function getPath(dict: Dict, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict)[k] : undefined), dict);
}
function setPath(dict: Dict, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = dict;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Dict;
  cur[keys[keys.length - 1]!] = value;
}

const isS3Url = (v: unknown): v is string => typeof v === 'string' && /^s3:\/\/[^/?]+\/[^?]+/.test(v);
const pyRepr = (v: unknown): string => (v === undefined || v === null ? 'None' : typeof v === 'string' ? v : JSON.stringify(v));

export interface PackageOptions {
  bucket: string;
  prefix?: string;
  kmsKeyId?: string;
  forceUpload: boolean;
  metadata?: Record<string, string>;
}

class Uploader {
  constructor(
    private readonly session: Session,
    private readonly opts: PackageOptions,
  ) {}

  async uploadWithDedup(data: Buffer, extension?: string): Promise<string> {
    let key = createHash('md5').update(data).digest('hex') + (extension ? `.${extension}` : '');
    if (this.opts.prefix) key = `${this.opts.prefix}/${key}`;
    if (!this.opts.forceUpload && (await this.exists(key))) return `s3://${this.opts.bucket}/${key}`;
    const extra: Dict = this.opts.kmsKeyId ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: this.opts.kmsKeyId } : { ServerSideEncryption: 'AES256' };
    if (this.opts.metadata) extra.Metadata = this.opts.metadata;
    try {
      await this.session.call('s3', 'PutObject', { Bucket: this.opts.bucket, Key: key, Body: data, ...extra });
    } catch (e) {
      if (e instanceof ClientError && e.code === 'NoSuchBucket') throw new Error(`S3 Bucket does not exist. Execute the command to create a new bucket\naws s3 mb s3://${this.opts.bucket}`);
      throw e;
    }
    // s3transfer's progress callback, written once the whole body is sent.
    this.session.host.stderr(`\rUploading to ${key}  ${data.length} / ${data.length}.0  (100.00%)`);
    return `s3://${this.opts.bucket}/${key}`;
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.session.call('s3', 'HeadObject', { Bucket: this.opts.bucket, Key: key });
      return true;
    } catch (e) {
      if (e instanceof ClientError) return false;
      throw e;
    }
  }
}

/** The files under `root` (folders first walked in readdir order, like os.walk), as ZIP entries. */
async function walk(session: Session, root: string, rel = ''): Promise<ZipEntry[]> {
  const fs = session.host.fs;
  const here = rel ? posix.join(root, rel) : root;
  const names = await fs.readdir(here);
  const files: ZipEntry[] = [];
  const dirs: string[] = [];
  for (const name of names) {
    const st = await fs.stat(posix.join(here, name));
    if (st?.isDirectory) dirs.push(name);
    else if (st?.isFile) files.push({ name: rel ? `${rel}/${name}` : name, data: await fs.readFile(posix.join(here, name)), mtimeMs: st.mtimeMs });
  }
  for (const d of dirs) files.push(...(await walk(session, root, rel ? `${rel}/${d}` : d)));
  return files;
}

const isZip = (data: Uint8Array): boolean => data.length >= 22 && Buffer.from(data).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= 0;

async function uploadArtifact(session: Session, uploader: Uploader, id: string, resource: Dict, e: Exporter, templateDir: string): Promise<string> {
  const fs = session.host.fs;
  let value = getPath(resource, e.property);
  if (value === undefined || value === null) value = templateDir;
  if (isS3Url(value)) return value;
  const path = typeof value === 'string' ? posix.resolve(templateDir, value) : '';
  const st = path ? await fs.stat(path) : undefined;
  if (st?.isDirectory) return uploader.uploadWithDedup(createZip(await walk(session, path)), 'zip');
  if (st?.isFile) {
    const data = Buffer.from(await fs.readFile(path));
    // A lone file that must be a ZIP is zipped by itself (awscli copies it to a temporary folder).
    if (e.forceZip && !isZip(data)) return uploader.uploadWithDedup(createZip([{ name: posix.basename(path), data, mtimeMs: st.mtimeMs }]), 'zip');
    return uploader.uploadWithDedup(data);
  }
  throw new Error(`Parameter ${e.property} of resource ${id} refers to a file or folder that does not exist ${path || pyRepr(value)}`);
}

/** awscli's CloudFormationStackResource: package the child template, upload it, point TemplateURL at it. */
async function exportNestedStack(session: Session, uploader: Uploader, id: string, props: Dict, templateDir: string, opts: PackageOptions): Promise<void> {
  const value = props.TemplateURL;
  if (value === undefined || value === null || isS3Url(value) || (typeof value === 'string' && /^https?:\/\//.test(value))) return;
  const path = typeof value === 'string' ? posix.resolve(templateDir, value) : pyRepr(value);
  const st = typeof value === 'string' ? await session.host.fs.stat(path) : undefined;
  if (!st?.isFile) throw new Error(`TemplateURL parameter of ${id} resource is invalid. It must be a S3 URL or path to CloudFormation template file. Actual: ${path}`);
  const child = parseCliTemplate(Buffer.from(await session.host.fs.readFile(path)).toString('utf8'));
  await exportTemplate(session, child, posix.dirname(path), opts);
  const url = await uploader.uploadWithDedup(Buffer.from(dumpCliTemplate(child)), 'template');
  // Path-style, on the region's S3 endpoint as botocore names it (us-east-1 is the global one).
  const region = session.region();
  const endpoint = region === 'us-east-1' ? 'https://s3.amazonaws.com' : `https://s3.${region}.amazonaws.com`;
  props.TemplateURL = `${endpoint}/${url.slice('s3://'.length)}`;
}

/** Packages the parsed template in place; `templateDir` is the folder relative paths start from. */
export async function exportTemplate(session: Session, template: Dict, templateDir: string, opts: PackageOptions): Promise<Dict> {
  const uploader = new Uploader(session, opts);
  const resources = template.Resources as Record<string, Dict | null> | undefined;
  if (!resources || typeof resources !== 'object') return template;
  for (const [id, resource] of Object.entries(resources)) {
    const props = resource?.Properties as Dict | null | undefined;
    if (resource?.Type === 'AWS::CloudFormation::Stack' && props) {
      const original = props.TemplateURL;
      try {
        await exportNestedStack(session, uploader, id, props, templateDir, opts);
      } catch (err) {
        if (err instanceof GeneralError && err.message.startsWith('Unable to upload artifact')) throw err;
        throw new GeneralError(`Unable to upload artifact ${pyRepr(original)} referenced by TemplateURL parameter of ${id} resource.\n${(err as Error).message}`);
      }
    }
    for (const e of EXPORTERS) {
      if (e.type !== resource?.Type || !props) continue;
      const original = getPath(props, e.property);
      if (!original && !e.packageNull) continue;
      if (original && typeof original === 'object' && !Array.isArray(original)) continue;
      try {
        const url = await uploadArtifact(session, uploader, id, props, e, templateDir);
        if (e.dict) {
          const [bucketProp, keyProp] = e.dict;
          const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url)!;
          setPath(props, e.property, { [bucketProp]: m[1], [keyProp]: m[2] });
        } else setPath(props, e.property, url);
      } catch (err) {
        const detail = err instanceof ClientError ? err.message : (err as Error).message;
        throw new GeneralError(`Unable to upload artifact ${pyRepr(original)} referenced by ${e.property} parameter of ${id} resource.\n${detail}`);
      }
    }
  }
  return template;
}
