/**
 * The CLI's shorthand syntax (`Key=Name,Value=web`, `Name=tag:Name,Values=a,b`, `{...}`, `[...]`,
 * quoted values), parsed without the model like awscli/shorthand.py, then fitted to the model by the
 * back-compat visitor (single values become lists, numbers and booleans are converted).
 */
import type { Shape } from '../models/types';

export class ShorthandParseError extends Error {}

function errorLocation(value: string, index: number): string {
  let consumed = value;
  let remaining = '';
  let numSpaces = index;
  const before = value.slice(0, index);
  if (before.includes('\n')) numSpaces = index - before.lastIndexOf('\n') - 1;
  const after = value.slice(index);
  if (after.includes('\n')) {
    const next = index + after.indexOf('\n');
    consumed = value.slice(0, next);
    remaining = value.slice(next);
  }
  return `${consumed}\n${' '.repeat(numSpaces)}^${remaining}`;
}

const syntaxError = (value: string, expected: string, actual: string, index: number): ShorthandParseError =>
  new ShorthandParseError(`Expected: '${expected}', received: '${actual}' for input:\n${errorLocation(value, index)}`);

const SINGLE_QUOTED = /^'(?:\\\\|\\'|[^'])*'/u;
const DOUBLE_QUOTED = /^"(?:\\\\|\\"|[^"])*"/u;
const START_WORD = '!#-&(-+\\--<>-Z\\\\-z|-\\uffff';
const FIRST_VALUE = new RegExp(`^(\\\\,|[${START_WORD}])(\\\\,|[\\s!#-&(-+\\--\\\\^-|~-\\uffff])*`, 'u');
const SECOND_VALUE = new RegExp(`^(\\\\,|[${START_WORD}])(\\\\,|[\\s!#-&(-+\\--<>-\\uffff])*`, 'u');
const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/;
const WHITESPACE = ' \t\n\r\x0b\x0c';

export type ShorthandValue = string | ShorthandValue[] | { [k: string]: ShorthandValue };

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Record<string, ShorthandValue> {
    const params: Record<string, ShorthandValue> = Object.create(null);
    let [key, val] = this.keyval();
    params[key] = val;
    let last = this.i;
    while (this.i < this.s.length) {
      this.expect(',', true);
      [key, val] = this.keyval();
      if (key in params)
        throw new ShorthandParseError(
          `Second instance of key "${key}" encountered for input:\n${errorLocation(this.s, last + 1)}\nThis is often because there is a preceding "," instead of a space.`,
        );
      params[key] = val;
      last = this.i;
    }
    return params;
  }
  private keyval(): [string, ShorthandValue] {
    const key = this.key();
    this.expect('=', true);
    return [key, this.values()];
  }
  private key(): string {
    const start = this.i;
    while (!this.eof() && KEY_CHARS.test(this.cur()!)) this.i++;
    return this.s.slice(start, this.i);
  }
  private values(): ShorthandValue {
    if (this.eof()) return '';
    if (this.cur() === '[') return this.explicitList();
    if (this.cur() === '{') return this.hashLiteral();
    return this.csvValue();
  }
  private csvValue(): ShorthandValue {
    const first = this.firstValue();
    this.ws();
    if (this.eof() || this.s[this.i] !== ',') return first;
    this.expect(',', true);
    const list: string[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.ws();
        if (this.eof()) {
          list.push(current);
          break;
        }
        this.expect(',', true);
        list.push(current);
      } catch (e) {
        if (!(e instanceof ShorthandParseError) || this.eof()) throw e;
        while (this.i >= 0 && this.s[this.i] !== ',') this.i--;
        break;
      }
    }
    return list.length === 1 ? first : list;
  }
  private value(): string {
    const m = FIRST_VALUE.exec(this.s.slice(this.i));
    if (!m) return '';
    this.i += m[0].length;
    return m[0].replace(/\\,/g, ',').trimEnd();
  }
  private explicitList(): ShorthandValue[] {
    this.expect('[', true);
    const values: ShorthandValue[] = [];
    while (this.cur() !== ']') {
      if (this.eof()) throw syntaxError(this.s, ']', 'EOF', this.i);
      values.push(this.explicitValues());
      this.ws();
      if (this.cur() !== ']') {
        this.expect(',');
        this.ws();
      }
    }
    this.expect(']');
    return values;
  }
  private explicitValues(): ShorthandValue {
    if (this.cur() === '[') return this.explicitList();
    if (this.cur() === '{') return this.hashLiteral();
    return this.firstValue();
  }
  private hashLiteral(): Record<string, ShorthandValue> {
    this.expect('{', true);
    const kv: Record<string, ShorthandValue> = Object.create(null);
    while (this.cur() !== '}') {
      if (this.eof()) throw syntaxError(this.s, '}', 'EOF', this.i);
      const key = this.key();
      this.expect('=', true);
      const v = this.explicitValues();
      this.ws();
      if (this.cur() !== '}') {
        this.expect(',');
        this.ws();
      }
      kv[key] = v;
    }
    this.expect('}');
    return kv;
  }
  private firstValue(): string {
    if (this.cur() === "'") return this.quoted(SINGLE_QUOTED, "'", 'singled quoted');
    if (this.cur() === '"') return this.quoted(DOUBLE_QUOTED, '"', 'double quoted');
    return this.value();
  }
  private secondValue(): string {
    if (this.cur() === "'") return this.quoted(SINGLE_QUOTED, "'", 'singled quoted');
    if (this.cur() === '"') return this.quoted(DOUBLE_QUOTED, '"', 'double quoted');
    const m = SECOND_VALUE.exec(this.s.slice(this.i));
    if (!m) throw syntaxError(this.s, '<second>', '<none>', this.i);
    this.i += m[0].length;
    return m[0].replace(/\\,/g, ',').trimEnd();
  }
  private quoted(re: RegExp, q: string, name: string): string {
    const m = re.exec(this.s.slice(this.i));
    if (!m) throw syntaxError(this.s, `<${name}>`, '<none>', this.i);
    this.i += m[0].length;
    return m[0].slice(1, -1).split(`\\${q}`).join(q).split('\\\\').join('\\');
  }
  private expect(ch: string, consumeWs = false): void {
    if (consumeWs) this.ws();
    if (this.i >= this.s.length) throw syntaxError(this.s, ch, 'EOF', this.i);
    const actual = this.s[this.i]!;
    if (actual !== ch) throw syntaxError(this.s, ch, actual, this.i);
    this.i++;
    if (consumeWs) this.ws();
  }
  private cur(): string | undefined {
    return this.i < this.s.length ? this.s[this.i] : undefined;
  }
  private eof(): boolean {
    return this.i >= this.s.length;
  }
  private ws(): void {
    while (!this.eof() && WHITESPACE.includes(this.s[this.i]!)) this.i++;
  }
}

export function parseShorthand(value: string): Record<string, ShorthandValue> {
  return new Parser(value).parse();
}

/** BackCompatVisitor: a single value for a list member becomes a one-element list; scalars get their type. */
export function fitShorthand(value: unknown, shape: Shape): unknown {
  switch (shape.type) {
    case 'structure': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      const obj = value as Record<string, unknown>;
      for (const [name, m] of Object.entries(shape.members ?? {})) if (name in obj) obj[name] = fitShorthand(obj[name], m);
      return obj;
    }
    case 'list':
      if (!Array.isArray(value)) return value === undefined ? value : [fitShorthand(value, shape.member!)];
      return value.map((v) => fitShorthand(v, shape.member!));
    case 'map': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      const obj = value as Record<string, unknown>;
      for (const k of Object.keys(obj)) obj[k] = fitShorthand(obj[k], shape.value!);
      return obj;
    }
    case 'integer':
    case 'long':
      return typeof value === 'string' ? pyInt(value) : value;
    case 'float':
    case 'double':
      return typeof value === 'string' ? pyFloat(value) : value;
    case 'boolean':
      if (typeof value === 'string') {
        if (value.toLowerCase() === 'true') return true;
        if (value.toLowerCase() === 'false') return false;
      }
      return value;
    default:
      return value;
  }
}

/** int() of a string, with Python's error text. */
export function pyInt(s: string): number {
  const t = s.trim().replace(/_/g, '');
  if (!/^[-+]?\d+$/.test(t)) throw new ValueError(`invalid literal for int() with base 10: '${s}'`);
  return Number(t);
}

export function pyFloat(s: string): number {
  const t = s.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) && !/^[-+]?(inf|infinity|nan)$/i.test(t)) throw new ValueError(`could not convert string to float: '${s}'`);
  return Number(t);
}

/** Python's ValueError: the CLI lets it through as a general error (exit 255). */
export class ValueError extends Error {}
