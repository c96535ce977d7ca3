/**
 * From argument strings to model values, as the CLI unpacks them: `file://` (text) and `fileb://`
 * (bytes) first, then JSON for values that start with `{` or `[`, shorthand for complex shapes, and
 * int()/float()/bool conversion for scalars. Blob strings are base64 (cli_binary_format = base64).
 */
import type { Shape } from '../models/types';
import type { CliArgument } from './arg-table';
import { ParamError, CliError, RC } from './errors';
import { fitShorthand, parseShorthand, pyFloat, pyInt, ShorthandParseError } from './shorthand';

export interface UnpackContext {
  /** Reads a file for file:// / fileb:// and streaming blobs; throws an Error with Python's OSError text. */
  readFile(path: string): Promise<Buffer>;
}

const SCALARS = new Set(['string', 'character', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp', 'blob']);

async function paramFile(value: string, cliName: string, ctx: UnpackContext): Promise<string | Buffer | undefined> {
  for (const [prefix, binary] of [['fileb://', true], ['file://', false]] as const) {
    if (!value.startsWith(prefix)) continue;
    const path = value.slice(prefix.length);
    let data: Buffer;
    try {
      data = await ctx.readFile(path);
    } catch (e) {
      throw new ParamError(cliName, `Unable to load paramfile ${value}: ${(e as Error).message}`);
    }
    if (binary) return data;
    const text = new TextDecoder('utf-8', { fatal: true });
    try {
      return text.decode(data);
    } catch {
      throw new ParamError(
        cliName,
        `Unable to load paramfile (${path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.`,
      );
    }
  }
  return undefined;
}

function pyJsonError(e: unknown): string {
  const m = /at position (\d+)/.exec((e as Error).message);
  const pos = m ? Number(m[1]) : 0;
  return `Expecting value: line 1 column ${pos + 1} (char ${pos})`;
}

function parseJson(value: string, cliName: string): unknown {
  try {
    return JSON.parse(value);
  } catch (e) {
    throw new ParamError(cliName, `Invalid JSON: ${pyJsonError(e)}\nJSON received: ${value}`);
  }
}

function supportsShorthand(shape: Shape): boolean {
  if (shape.type === 'list') return ['structure', 'list', 'map'].includes(shape.member?.type ?? '');
  return shape.type === 'structure' || shape.type === 'map';
}

export class GeneralValueError extends CliError {
  constructor(message: string) {
    super(message, RC.general);
  }
}

function unpackScalar(shape: Shape, value: string): unknown {
  try {
    switch (shape.type) {
      case 'integer':
      case 'long':
        return pyInt(value);
      case 'float':
      case 'double':
        return pyFloat(value);
      case 'boolean':
        return value.toLowerCase() !== 'false' && value !== '';
      default:
        return value;
    }
  } catch (e) {
    throw new GeneralValueError((e as Error).message);
  }
}

function unpackComplex(shape: Shape, value: string | string[], cliName: string): unknown {
  if (shape.type === 'structure' || shape.type === 'map') {
    const s = value as string;
    if (s.trimStart().startsWith('{')) return parseJson(s, cliName);
    throw new ParamError(cliName, `Invalid JSON:\n${s}`);
  }
  if (typeof value === 'string') {
    if (value.trimStart().startsWith('[')) return parseJson(value, cliName);
    return [unpackValue(shape.member!, value, cliName)];
  }
  if (value.length === 1 && value[0]!.trim().startsWith('[')) return parseJson(value[0]!, cliName);
  return value.map((v) => unpackValue(shape.member!, v, cliName));
}

function unpackValue(shape: Shape, value: string | string[], cliName: string): unknown {
  if (SCALARS.has(shape.type ?? 'string')) return unpackScalar(shape, value as string);
  return unpackComplex(shape, value, cliName);
}

/** One model argument's value (a string, or the strings of a list argument). */
export async function unpackArgument(arg: CliArgument, raw: unknown, ctx: UnpackContext): Promise<unknown> {
  const shape = arg.shape!;
  const cliName = `--${arg.name}`;
  if (arg.nargs === 0) return raw;
  let value = raw as string | string[] | Buffer;
  // A streaming blob argument is a path to a file (put-object --body).
  if (shape.type === 'blob' && shape.streaming) {
    const path = value as string;
    try {
      return await ctx.readFile(path);
    } catch {
      throw new ParamError(cliName, 'Blob values must be a path to a file.');
    }
  }
  const single = Array.isArray(value) && value.length === 1 ? value[0]! : value;
  if (typeof single === 'string') {
    const loaded = await paramFile(single, cliName, ctx);
    if (loaded !== undefined) value = loaded;
  }
  if (Buffer.isBuffer(value)) return value;
  // Shorthand for structures, maps and lists of them, unless it looks like JSON.
  const check = Array.isArray(value) ? value[0] : value;
  if (supportsShorthand(shape) && !(typeof check === 'string' && /^\s*[[{]/.test(check))) {
    const special = shape.type === 'structure' && Object.keys(shape.members ?? {}).length === 1 && shape.members?.Value?.type === 'string' && !String(value).includes('=');
    if (special) return { Value: value };
    try {
      const parsed = Array.isArray(value) ? value.map((v) => parseShorthand(v)) : parseShorthand(value);
      return fitShorthand(parsed, shape);
    } catch (e) {
      if (e instanceof ShorthandParseError) throw new ParamError(cliName, e.message);
      throw new GeneralValueError((e as Error).message);
    }
  }
  if (Array.isArray(value) && shape.type !== 'list') value = value[0]!;
  return unpackValue(shape, value, cliName);
}

/** Blob strings given on the command line or in JSON are base64 (the v2 default binary format). */
export function decodeBlobs(shape: Shape, v: unknown): unknown {
  if (v === undefined || v === null) return v;
  switch (shape.type) {
    case 'structure':
      if (typeof v === 'object' && !Array.isArray(v)) for (const [k, m] of Object.entries(shape.members ?? {})) if (k in (v as object)) (v as Record<string, unknown>)[k] = decodeBlobs(m, (v as Record<string, unknown>)[k]);
      return v;
    case 'list':
      return Array.isArray(v) ? v.map((x) => decodeBlobs(shape.member!, x)) : v;
    case 'map':
      if (typeof v === 'object') for (const k of Object.keys(v as object)) (v as Record<string, unknown>)[k] = decodeBlobs(shape.value!, (v as Record<string, unknown>)[k]);
      return v;
    case 'blob':
      if (typeof v === 'string' && !shape.streaming) {
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0) throw new GeneralValueError(`Invalid base64: "${v}"`);
        return Buffer.from(v, 'base64');
      }
      return v;
    default:
      return v;
  }
}
