/**
 * `--output yaml` and `yaml-stream`: what the real CLI prints through ruamel.yaml's safe dumper in
 * block style: keys sorted, sequences not indented under their key, YAML 1.2 implicit types quoted,
 * long scalars folded past column 80. Scalars at the top level are printed as JSON, like the CLI does.
 */
import { isPyFloat, pyFloatRepr } from '../pyformat';
import { dumpCompact } from './json';

const BEST_WIDTH = 80;
type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Number);
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// YAML 1.2 implicit resolvers of ruamel's safe loader: a plain scalar matching one must be quoted.
const IMPLICIT = [
  /^(?:true|True|TRUE|false|False|FALSE)$/,
  /^(?:~|null|Null|NULL)$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
  /^(?:<<|=)$/,
];
const BREAKS = '\n\x85\u2028\u2029';
const WS = '\0 \t\r\n\x85\u2028\u2029';

interface Analysis {
  multiline: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
}

/** PyYAML's analyze_scalar, block context (allow_unicode on). */
function analyze(s: string): Analysis {
  if (s === '') return { multiline: false, allowBlockPlain: false, allowSingleQuoted: true };
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false,
    leadingBreak = false,
    trailingSpace = false,
    trailingBreak = false,
    breakSpace = false,
    spaceBreak = false,
    previousSpace = false,
    previousBreak = false;
  let precededByWs = true;
  const chars = [...s];
  let followedByWs = chars.length === 1 || WS.includes(chars[1]!);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ('?:'.includes(ch) && followedByWs) blockIndicators = true;
      if (ch === '-' && followedByWs) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWs) blockIndicators = true;
      if (ch === '#' && precededByWs) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    const c = ch.codePointAt(0)!;
    if (!(ch === '\n' || (c >= 0x20 && c <= 0x7e))) {
      const printable = c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c < 0x110000);
      if (!printable || c === 0xfeff) special = true;
    }
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWs = WS.includes(ch);
    followedByWs = i + 2 >= chars.length || WS.includes(chars[i + 2]!);
  }
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowBlockPlain = false;
  if (breakSpace) allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || special) allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks) allowBlockPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return { multiline: lineBreaks, allowBlockPlain, allowSingleQuoted };
}

/** Writes text after `column` characters of the current line; continuation lines are indented by `indent`. */
class Writer {
  out = '';
  column = 0;
  write(s: string): void {
    this.out += s;
    const nl = s.lastIndexOf('\n');
    this.column = nl < 0 ? this.column + [...s].length : [...s.slice(nl + 1)].length;
  }
  indentTo(indent: number): void {
    this.write(`\n${' '.repeat(indent)}`);
  }
}

function writePlain(w: Writer, text: string, indent: number): void {
  let spaces = false;
  let start = 0;
  const t = [...text];
  for (let end = 0; end <= t.length; end++) {
    const ch = end < t.length ? t[end] : undefined;
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && w.column > BEST_WIDTH) w.indentTo(indent);
        else w.write(t.slice(start, end).join(''));
        start = end;
      }
    } else if (ch === undefined || ch === ' ') {
      w.write(t.slice(start, end).join(''));
      start = end;
    }
    if (ch !== undefined) spaces = ch === ' ';
  }
}

function writeSingleQuoted(w: Writer, text: string, indent: number): void {
  w.write("'");
  let spaces = false;
  let breaks = false;
  let start = 0;
  const t = [...text];
  for (let end = 0; end <= t.length; end++) {
    const ch = end < t.length ? t[end] : undefined;
    if (spaces) {
      if (ch === undefined || ch !== ' ') {
        if (start + 1 === end && w.column > BEST_WIDTH && start !== 0 && end !== t.length) w.indentTo(indent);
        else w.write(t.slice(start, end).join(''));
        start = end;
      }
    } else if (breaks) {
      if (ch === undefined || !BREAKS.includes(ch)) {
        if (t[start] === '\n') w.write('\n');
        for (const br of t.slice(start, end)) w.write(br === '\n' ? '\n' : br);
        w.write(' '.repeat(indent));
        start = end;
      }
    } else if (ch === undefined || ' \n\x85\u2028\u2029'.includes(ch) || ch === "'") {
      if (start < end) {
        w.write(t.slice(start, end).join(''));
        start = end;
      }
    }
    if (ch === "'") {
      w.write("''");
      start = end + 1;
    }
    if (ch !== undefined) {
      spaces = ch === ' ';
      breaks = BREAKS.includes(ch);
    }
  }
  w.write("'");
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\x08': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\x0c': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P',
};

function writeDoubleQuoted(w: Writer, text: string): void {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ESCAPES[ch] !== undefined) out += `\\${ESCAPES[ch]}`;
    else if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) || c >= 0x10000) out += ch;
    else if (c <= 0xff) out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  w.write(`${out}"`);
}

function writeString(w: Writer, s: string, indent: number, simpleKey: boolean): void {
  const a = analyze(s);
  const implicit = !IMPLICIT.some((r) => r.test(s)) && s !== '';
  if (implicit && a.allowBlockPlain && !(simpleKey && a.multiline)) writePlain(w, s, indent);
  else if (a.allowSingleQuoted && !(simpleKey && a.multiline)) writeSingleQuoted(w, s, indent);
  else writeDoubleQuoted(w, s);
}

function writeScalar(w: Writer, v: unknown, indent: number): void {
  if (v === null || v === undefined) w.write('null');
  else if (v === true) w.write('true');
  else if (v === false) w.write('false');
  else if (isPyFloat(v)) w.write(pyFloatRepr(v.valueOf()));
  else if (typeof v === 'number') w.write(Number.isInteger(v) ? String(v) : pyFloatRepr(v));
  else writeString(w, String(v), indent, false);
}

const isEmptyContainer = (v: unknown): boolean => (Array.isArray(v) && v.length === 0) || (isDict(v) && Object.keys(v).length === 0);

function writeMapping(w: Writer, d: Dict, indent: number, inline: boolean): void {
  let first = true;
  for (const key of Object.keys(d).sort(byCodePoint)) {
    if (!(first && inline)) {
      if (w.out !== '') w.write('\n');
      w.write(' '.repeat(indent));
    }
    first = false;
    writeString(w, key, indent + 2, true);
    w.write(':');
    writeValue(w, d[key], indent, 'map');
  }
}

function writeSequence(w: Writer, items: unknown[], indent: number, inline: boolean): void {
  let first = true;
  for (const item of items) {
    if (!(first && inline)) {
      if (w.out !== '') w.write('\n');
      w.write(' '.repeat(indent));
    }
    first = false;
    w.write('-');
    writeValue(w, item, indent, 'seq');
  }
}

/** A value after "key:" or "-"; block collections open on the next line, except inside a sequence item. */
function writeValue(w: Writer, v: unknown, indent: number, parent: 'map' | 'seq'): void {
  if (Array.isArray(v) && v.length > 0) {
    if (parent === 'map') writeSequence(w, v, indent, false);
    else {
      w.write(' ');
      writeSequence(w, v, indent + 2, true);
    }
  } else if (isDict(v) && Object.keys(v).length > 0) {
    if (parent === 'map') writeMapping(w, v, indent + 2, false);
    else {
      w.write(' ');
      writeMapping(w, v, indent + 2, true);
    }
  } else if (isEmptyContainer(v)) w.write(Array.isArray(v) ? ' []' : ' {}');
  else {
    w.write(' ');
    writeScalar(w, v, indent + 2);
  }
}

export function formatYaml(value: unknown): string {
  if (!isDict(value) && !Array.isArray(value)) return `${dumpCompact(value)}\n`;
  if (isEmptyContainer(value)) return Array.isArray(value) ? '[]\n' : '{}\n';
  const w = new Writer();
  if (Array.isArray(value)) writeSequence(w, value, 0, false);
  else writeMapping(w, value, 0, false);
  return `${w.out}\n`;
}
