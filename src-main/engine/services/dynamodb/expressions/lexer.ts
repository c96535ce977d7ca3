/** Tokens of DynamoDB's expression language (condition, key condition, filter, update, projection). */

export type TokKind = 'name' | 'hashName' | 'value' | 'int' | 'punct' | 'eof';

export interface Token {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
}

export class ExprSyntaxError extends Error {}

const PUNCT = ['<>', '<=', '>=', '(', ')', '[', ']', ',', '.', '=', '<', '>', '+', '-'];

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    let m: RegExpExecArray | null;
    const rest = src.slice(i);
    if ((m = /^#[A-Za-z0-9_]+/.exec(rest))) out.push({ kind: 'hashName', text: m[0], start, end: (i += m[0].length) });
    else if ((m = /^:[A-Za-z0-9_]+/.exec(rest)))
      out.push({ kind: 'value', text: m[0], start, end: (i += m[0].length) });
    else if ((m = /^[0-9]+/.exec(rest))) out.push({ kind: 'int', text: m[0], start, end: (i += m[0].length) });
    else if ((m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)))
      out.push({ kind: 'name', text: m[0], start, end: (i += m[0].length) });
    else {
      const p = PUNCT.find((x) => rest.startsWith(x));
      if (!p) {
        const bad: Token = { kind: 'punct', text: c, start, end: start + 1 };
        throw new ExprSyntaxError(syntaxMessage(src, [...out, bad], out.length));
      }
      out.push({ kind: 'punct', text: p, start, end: (i += p.length) });
    }
  }
  out.push({ kind: 'eof', text: '<EOF>', start: src.length, end: src.length });
  return out;
}

/** DynamoDB's wording: the offending token and the text around it (previous token through the next). */
export function syntaxMessage(src: string, toks: Token[], at: number): string {
  const tok = toks[at]!;
  const prev = toks[at - 1];
  const next = toks[at + 1];
  const from = prev ? prev.start : tok.start;
  const to = tok.kind === 'eof' ? src.length : next && next.kind !== 'eof' ? next.end : tok.end;
  return `Syntax error; token: "${tok.text}", near: "${src.slice(from, to)}"`;
}
