/**
 * Attribute values: validation in DynamoDB's words, 38-digit numbers, item sizes, comparison, and
 * the sortable text encoding of key values (so SQLite's byte order is DynamoDB's key order).
 */
import { invalidParams, validation } from './errors';

export interface AV {
  S?: string;
  N?: string;
  B?: string | Uint8Array;
  SS?: string[];
  NS?: string[];
  BS?: (string | Uint8Array)[];
  M?: Item;
  L?: AV[];
  NULL?: boolean;
  BOOL?: boolean;
}
export type Item = Record<string, AV>;
export type AVType = 'S' | 'N' | 'B' | 'SS' | 'NS' | 'BS' | 'M' | 'L' | 'NULL' | 'BOOL';

export const typeOf = (v: AV): AVType => Object.keys(v)[0] as AVType;

// ---- numbers: a decimal as (digits, exponent) with value 0.d1d2… × 10^exp ----

interface Dec {
  neg: boolean;
  digits: string; // no leading/trailing zeros; '' for zero
  exp: number;
}

const NUM = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

export function parseDec(text: string): Dec | undefined {
  const m = NUM.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const intPart = m[2]!;
  const frac = m[3] ?? '';
  let digits = intPart + frac;
  let exp = intPart.length + Number(m[4] ?? 0);
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead);
  exp -= lead;
  digits = digits.replace(/0+$/, '');
  if (digits === '') return { neg: false, digits: '', exp: 0 };
  return { neg: m[1] === '-', digits, exp };
}

/** DynamoDB's number rules: 38 significant digits, magnitude within 1e-130 .. 1e126. */
export function checkNumber(text: string): string | undefined {
  const d = parseDec(text);
  if (!d) return `The parameter cannot be converted to a numeric value: ${text}`;
  if (d.digits === '') return undefined;
  if (d.digits.length > 38) return 'Attempting to store more than 38 significant digits in a Number';
  if (d.exp > 126) return 'Number overflow. Attempting to store a number with magnitude larger than supported range';
  if (d.exp < -129) return 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
  return undefined;
}

export function formatDec(d: Dec): string {
  if (d.digits === '') return '0';
  const { digits, exp } = d;
  let s: string;
  if (exp <= 0) s = '0.' + '0'.repeat(-exp) + digits;
  else if (exp >= digits.length) s = digits + '0'.repeat(exp - digits.length);
  else s = digits.slice(0, exp) + '.' + digits.slice(exp);
  return (d.neg ? '-' : '') + s;
}

export const canonicalNumber = (text: string): string => formatDec(parseDec(text)!);

function toScaled(d: Dec, scale: number): bigint {
  if (d.digits === '') return 0n;
  // value = digits × 10^(exp - len); scaled by 10^scale
  const shift = d.exp - d.digits.length + scale;
  const v = BigInt(d.digits) * 10n ** BigInt(shift);
  return d.neg ? -v : v;
}

const scaleOf = (d: Dec): number => Math.max(0, d.digits.length - d.exp);

/** a + b (or a − b) in exact decimal arithmetic, as DynamoDB's ADD and SET a + b do. */
export function addNumbers(a: string, b: string, subtract = false): string {
  const x = parseDec(a)!;
  const y = parseDec(b)!;
  const scale = Math.max(scaleOf(x), scaleOf(y));
  const sum = toScaled(x, scale) + (subtract ? -1n : 1n) * toScaled(y, scale);
  const neg = sum < 0n;
  let s = (neg ? -sum : sum).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    s = s.slice(0, s.length - scale) + '.' + s.slice(s.length - scale);
  }
  const result = (neg ? '-' : '') + s;
  const err = checkNumber(result);
  if (err) throw validation(err);
  return canonicalNumber(result);
}

export function compareNumbers(a: string, b: string): number {
  const x = parseDec(a)!;
  const y = parseDec(b)!;
  const scale = Math.max(scaleOf(x), scaleOf(y));
  const d = toScaled(x, scale) - toScaled(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

// ---- binary ----

export const toBytes = (b: string | Uint8Array): Buffer =>
  typeof b === 'string' ? Buffer.from(b, 'base64') : Buffer.from(b);

// ---- validation of values in requests ----

function hasDuplicates(xs: string[]): boolean {
  return new Set(xs).size !== xs.length;
}

/** The first problem with a value, in DynamoDB's words, or undefined. */
export function checkValue(v: AV): string | undefined {
  const types = Object.keys(v).filter(
    (k) => (v as Record<string, unknown>)[k] !== undefined && (v as Record<string, unknown>)[k] !== null,
  );
  if (types.length === 0)
    return 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes';
  if (types.length > 1)
    return 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes';
  const t = types[0] as AVType;
  switch (t) {
    case 'N':
      return checkNumber(v.N!);
    case 'NULL':
      return v.NULL
        ? undefined
        : 'One or more parameter values were invalid: Null attribute value types must have the value of true';
    case 'SS':
      if (!v.SS!.length) return 'One or more parameter values were invalid: An string set  may not be empty';
      if (hasDuplicates(v.SS!))
        return `One or more parameter values were invalid: Input collection [${v.SS!.join(', ')}] contains duplicates.`;
      return undefined;
    case 'NS': {
      if (!v.NS!.length) return 'One or more parameter values were invalid: An number set  may not be empty';
      for (const n of v.NS!) {
        const e = checkNumber(n);
        if (e) return e;
      }
      if (hasDuplicates(v.NS!.map(canonicalNumber))) return 'Input collection contains duplicates';
      return undefined;
    }
    case 'BS':
      if (!v.BS!.length) return 'One or more parameter values were invalid: Binary sets should not be empty';
      if (hasDuplicates(v.BS!.map((b) => toBytes(b).toString('hex'))))
        return 'One or more parameter values were invalid: Input collection of type BS contains duplicates.';
      return undefined;
    case 'L':
      for (const e of v.L!) {
        const m = checkValue(e);
        if (m) return m;
      }
      return undefined;
    case 'M':
      for (const e of Object.values(v.M!)) {
        const m = checkValue(e);
        if (m) return m;
      }
      return undefined;
    default:
      return undefined;
  }
}

export function checkItemValues(item: Item | undefined): void {
  for (const v of Object.values(item ?? {})) {
    const m = checkValue(v);
    if (m) throw validation(m);
  }
}

// ---- normal form for storage: numbers canonical, binaries base64 ----

export function normalize(v: AV): AV {
  const t = typeOf(v);
  switch (t) {
    case 'N':
      return { N: canonicalNumber(v.N!) };
    case 'NS':
      return { NS: v.NS!.map(canonicalNumber) };
    case 'B':
      return { B: toBytes(v.B!).toString('base64') };
    case 'BS':
      return { BS: v.BS!.map((b) => toBytes(b).toString('base64')) };
    case 'L':
      return { L: v.L!.map(normalize) };
    case 'M':
      return { M: normalizeItem(v.M!) };
    default:
      return { [t]: v[t] } as AV;
  }
}

export function normalizeItem(item: Item): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) out[k] = normalize(v);
  return out;
}

// ---- size (https://docs.aws.amazon.com: names + values; numbers ~ 1 byte per 2 digits + 1) ----

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function numberSize(n: string): number {
  const d = parseDec(n)!;
  return Math.ceil(Math.max(d.digits.length, 1) / 2) + 1;
}

export function valueSize(v: AV): number {
  switch (typeOf(v)) {
    case 'S':
      return utf8(v.S!);
    case 'N':
      return numberSize(v.N!);
    case 'B':
      return toBytes(v.B!).length;
    case 'SS':
      return v.SS!.reduce((n, s) => n + utf8(s), 0);
    case 'NS':
      return v.NS!.reduce((n, s) => n + numberSize(s), 0);
    case 'BS':
      return v.BS!.reduce((n, b) => n + toBytes(b).length, 0);
    case 'L':
      return 3 + v.L!.reduce((n, e) => n + 1 + valueSize(e), 0);
    case 'M':
      return 3 + Object.entries(v.M!).reduce((n, [k, e]) => n + 1 + utf8(k) + valueSize(e), 0);
    default:
      return 1;
  }
}

export const itemSize = (item: Item): number =>
  Object.entries(item).reduce((n, [k, v]) => n + utf8(k) + valueSize(v), 0);

export const MAX_ITEM_SIZE = 400 * 1024;

// ---- comparison and equality ----

export function equalValues(a: AV | undefined, b: AV | undefined): boolean {
  if (!a || !b) return false;
  const t = typeOf(a);
  if (t !== typeOf(b)) return false;
  switch (t) {
    case 'N':
      return compareNumbers(a.N!, b.N!) === 0;
    case 'B':
      return toBytes(a.B!).equals(toBytes(b.B!));
    case 'SS':
      return a.SS!.length === b.SS!.length && a.SS!.every((x) => b.SS!.includes(x));
    case 'NS':
      return a.NS!.length === b.NS!.length && a.NS!.every((x) => b.NS!.some((y) => compareNumbers(x, y) === 0));
    case 'BS': {
      const hb = new Set(b.BS!.map((x) => toBytes(x).toString('hex')));
      return a.BS!.length === b.BS!.length && a.BS!.every((x) => hb.has(toBytes(x).toString('hex')));
    }
    case 'L':
      return a.L!.length === b.L!.length && a.L!.every((x, i) => equalValues(x, b.L![i]));
    case 'M': {
      const ka = Object.keys(a.M!);
      return ka.length === Object.keys(b.M!).length && ka.every((k) => equalValues(a.M![k], b.M![k]));
    }
    default:
      return a[t] === b[t];
  }
}

/** Order of two scalars of the same type (S, N, B); undefined when they cannot be ordered. */
export function compareScalars(a: AV, b: AV): number | undefined {
  const t = typeOf(a);
  if (t !== typeOf(b)) return undefined;
  if (t === 'N') return compareNumbers(a.N!, b.N!);
  if (t === 'S') return Buffer.compare(Buffer.from(a.S!), Buffer.from(b.S!));
  if (t === 'B') return Buffer.compare(toBytes(a.B!), toBytes(b.B!));
  return undefined;
}

// ---- sortable key encoding: SQLite compares TEXT with memcmp, which is DynamoDB's order ----

function encodeNumber(n: string): string {
  const d = parseDec(n)!;
  if (d.digits === '') return '2';
  const e = String(d.exp + 500).padStart(4, '0');
  if (!d.neg) return '3' + e + d.digits;
  const ce = String(9999 - (d.exp + 500)).padStart(4, '0');
  const cd = [...d.digits].map((c) => String(9 - Number(c))).join('');
  return '1' + ce + cd + '~';
}

/** Key values (S, N, B) as text whose byte order is DynamoDB's order for that type. */
export function encodeKey(v: AV): string {
  if (v.S !== undefined) return v.S;
  if (v.N !== undefined) return encodeNumber(v.N);
  return toBytes(v.B!).toString('hex');
}

export const cloneItem = (item: Item): Item => JSON.parse(JSON.stringify(item)) as Item;

export { invalidParams };
