/**
 * Python's way of printing values, which the real CLI's text, table and error output inherit:
 * `str(True)` is "True", `None` is "None", floats keep a ".0" and switch to exponents at 1e16 / 1e-5.
 */

/**
 * A number the real CLI holds as a Python float (XML protocols parse float/double members with float()).
 * It extends Number so JMESPath still sees a number.
 */
export class PyFloat extends Number {}

export const isPyFloat = (v: unknown): v is PyFloat => v instanceof PyFloat;

/** repr() of a Python float. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expText] = x.toExponential().split('e') as [string, string];
  const e = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ee = Math.abs(e) < 10 ? `0${Math.abs(e)}` : String(Math.abs(e));
    return `${neg ? '-' : ''}${m}e${e < 0 ? '-' : '+'}${ee}`;
  }
  let s: string;
  if (e < 0) s = `0.${'0'.repeat(-e - 1)}${digits}`;
  else if (digits.length <= e + 1) s = `${digits}${'0'.repeat(e + 1 - digits.length)}.0`;
  else s = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return `${neg ? '-' : ''}${s}`;
}

/** str() of a scalar, as the text and table formatters print it. */
export function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v instanceof PyFloat) return pyFloatRepr(v.valueOf());
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloatRepr(v);
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** repr() of a value, as botocore's validation messages show parameters. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return pyStrRepr(v);
  if (typeof v === 'boolean' || typeof v === 'number' || v instanceof PyFloat) return pyStr(v);
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) {
    let out = "b'";
    for (const b of v) out += b === 0x27 ? "\\'" : b === 0x5c ? '\\\\' : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b === 10 ? '\\n' : `\\x${b.toString(16).padStart(2, '0')}`;
    return `${out}'`;
  }
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof Date) return `datetime.datetime(${v.getUTCFullYear()}, ${v.getUTCMonth() + 1}, ${v.getUTCDate()}, ${v.getUTCHours()}, ${v.getUTCMinutes()}, tzinfo=tzutc())`;
  if (typeof v === 'object') return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${pyStrRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  return String(v);
}

/** str(type(value)) for validation messages. */
export function pyTypeName(v: unknown): string {
  if (typeof v === 'string') return "<class 'str'>";
  if (typeof v === 'boolean') return "<class 'bool'>";
  if (v instanceof PyFloat) return "<class 'float'>";
  if (typeof v === 'number') return Number.isInteger(v) ? "<class 'int'>" : "<class 'float'>";
  if (Array.isArray(v)) return "<class 'list'>";
  if (v === null || v === undefined) return "<class 'NoneType'>";
  if (Buffer.isBuffer(v)) return "<class 'bytes'>";
  return "<class 'dict'>";
}

/** Python 3's round(): half to even. */
export function pyRound(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * East Asian width as the table formatter counts it (W, F and A take two columns). Only the common
 * wide ranges; the lab's data is nearly all ASCII.
 */
export function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd) ||
      c === 0xa1 || c === 0xa4 || c === 0xa7 || c === 0xa8 || c === 0xaa || c === 0xb0 || c === 0xb1 || c === 0xd7 || c === 0xf7;
    n += wide ? 2 : 1;
  }
  return n;
}
