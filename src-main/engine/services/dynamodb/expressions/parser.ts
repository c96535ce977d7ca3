/**
 * A hand-written recursive-descent parser for DynamoDB's expressions. Syntax errors stop at once;
 * semantic problems (reserved words, unknown names/values, bad functions) are collected while parsing
 * and the first one is reported in DynamoDB's order, as the service (and dynalite) does.
 */
import type { AV } from '../values';
import { typeOf } from '../values';
import { RESERVED } from './reserved-words';
import { ExprSyntaxError, syntaxMessage, tokenize, type Token } from './lexer';
import type { Comparator, Condition, Operand, Path, UpdateAction } from './ast';
import { pathText } from './ast';

/** Names and values of one request; what the expressions used, for the "unused" check. */
export interface ExprContext {
  names?: Record<string, string>;
  values?: Record<string, AV>;
  usedNames: Set<string>;
  usedValues: Set<string>;
}

export const newContext = (names?: Record<string, string>, values?: Record<string, AV>): ExprContext => ({
  names,
  values,
  usedNames: new Set(),
  usedValues: new Set(),
});

type ErrKind =
  | 'syntaxLate'
  | 'unknownFunction'
  | 'misusedFunction'
  | 'reserved'
  | 'attrName'
  | 'attrVal'
  | 'operand'
  | 'function'
  | 'section'
  | 'overlap';
const ORDER: ErrKind[] = [
  'section',
  'unknownFunction',
  'misusedFunction',
  'reserved',
  'attrName',
  'attrVal',
  'operand',
  'function',
  'overlap',
];

const COMPARATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);
const CONDITION_FUNCTIONS = new Set([
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
]);
const KNOWN_FUNCTIONS = new Set([...CONDITION_FUNCTIONS, 'size', 'if_not_exists', 'list_append']);
const TYPE_NAMES = new Set(['S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'NULL', 'L', 'M']);

class Parser {
  private i = 0;
  private readonly toks: Token[];
  private readonly errors = new Map<ErrKind, string>();

  constructor(
    private readonly src: string,
    private readonly ctx: ExprContext,
  ) {
    this.toks = tokenize(src);
  }

  // ---- helpers ----
  private peek(o = 0): Token {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }
  private fail(): never {
    throw new ExprSyntaxError(syntaxMessage(this.src, this.toks, Math.min(this.i, this.toks.length - 1)));
  }
  private isWord(w: string, o = 0): boolean {
    const t = this.peek(o);
    return t.kind === 'name' && t.text.toUpperCase() === w;
  }
  private isPunct(p: string, o = 0): boolean {
    const t = this.peek(o);
    return t.kind === 'punct' && t.text === p;
  }
  private expectPunct(p: string): void {
    if (!this.isPunct(p)) this.fail();
    this.i++;
  }
  private note(kind: ErrKind, msg: string): void {
    if (!this.errors.has(kind)) this.errors.set(kind, msg);
  }
  finish<T>(result: T): T {
    if (this.peek().kind !== 'eof') this.fail();
    for (const k of ORDER) {
      const m = this.errors.get(k);
      if (m) throw new ExprSyntaxError(m);
    }
    return result;
  }

  // ---- paths and operands ----
  private pathElement(): string {
    const t = this.peek();
    if (t.kind === 'hashName') {
      this.i++;
      const v = this.ctx.names?.[t.text];
      if (v === undefined)
        this.note(
          'attrName',
          `An expression attribute name used in the document path is not defined; attribute name: ${t.text}`,
        );
      else this.ctx.usedNames.add(t.text);
      return v ?? t.text;
    }
    if (t.kind === 'name') {
      this.i++;
      if (RESERVED.has(t.text.toUpperCase()))
        this.note('reserved', `Attribute name is a reserved keyword; reserved keyword: ${t.text}`);
      return t.text;
    }
    return this.fail();
  }

  path(): Path {
    const p: Path = [this.pathElement()];
    for (;;) {
      if (this.isPunct('.')) {
        this.i++;
        p.push(this.pathElement());
      } else if (this.isPunct('[')) {
        this.i++;
        const t = this.peek();
        if (t.kind !== 'int') this.fail();
        this.i++;
        this.expectPunct(']');
        p.push(Number(t.text));
      } else return p;
    }
  }

  private valueRef(): Operand {
    const t = this.peek();
    this.i++;
    const v = this.ctx.values?.[t.text];
    if (v === undefined)
      this.note(
        'attrVal',
        `An expression attribute value used in expression is not defined; attribute value: ${t.text}`,
      );
    else this.ctx.usedValues.add(t.text);
    return { kind: 'value', name: t.text, value: v ?? { NULL: true } };
  }

  private isFunctionCall(): boolean {
    return this.peek().kind === 'name' && this.isPunct('(', 1);
  }

  private functionArgs(): Operand[] {
    this.expectPunct('(');
    const args: Operand[] = [];
    if (!this.isPunct(')')) {
      args.push(this.updateValueOperand(true));
      while (this.isPunct(',')) {
        this.i++;
        args.push(this.updateValueOperand(true));
      }
    }
    this.expectPunct(')');
    return args;
  }

  /** A condition operand: path, :value or size(path). */
  operand(): Operand {
    const t = this.peek();
    if (t.kind === 'value') return this.valueRef();
    if (this.isPunct('(')) {
      this.i++;
      const o = this.operand();
      this.expectPunct(')');
      return o;
    }
    if (this.isFunctionCall()) {
      const name = t.text;
      this.i++;
      const args = this.functionArgs();
      if (!KNOWN_FUNCTIONS.has(name)) this.note('unknownFunction', `Invalid function name; function: ${name}`);
      else if (name !== 'size')
        this.note(
          'misusedFunction',
          `The function is not allowed to be used this way in an expression; function: ${name}`,
        );
      return this.sizeCall(name, args);
    }
    if (t.kind === 'name' || t.kind === 'hashName') return { kind: 'path', path: this.path() };
    return this.fail();
  }

  private sizeCall(name: string, args: Operand[]): Operand {
    if (args.length !== 1)
      this.note(
        'operand',
        `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`,
      );
    const a = args[0];
    if (a && a.kind !== 'path')
      this.note(
        'function',
        `Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${a.kind === 'value' ? typeOf(a.value) : a.kind}`,
      );
    return { kind: 'size', path: a?.kind === 'path' ? a.path : [] };
  }

  // ---- conditions ----
  condition(): Condition {
    let a = this.andCond();
    while (this.isWord('OR')) {
      this.i++;
      a = { kind: 'or', a, b: this.andCond() };
    }
    return a;
  }
  private andCond(): Condition {
    let a = this.notCond();
    while (this.isWord('AND')) {
      this.i++;
      a = { kind: 'and', a, b: this.notCond() };
    }
    return a;
  }
  private notCond(): Condition {
    if (this.isWord('NOT')) {
      this.i++;
      return { kind: 'not', a: this.notCond() };
    }
    return this.primary();
  }
  private primary(): Condition {
    if (this.isPunct('(')) {
      // A parenthesised condition, or a parenthesised operand followed by a comparator.
      const save = this.i;
      this.i++;
      try {
        const c = this.condition();
        this.expectPunct(')');
        return c;
      } catch (e) {
        if (!(e instanceof ExprSyntaxError)) throw e;
        this.i = save;
      }
    }
    const t = this.peek();
    if (this.isFunctionCall() && t.text !== 'size') {
      const name = t.text;
      this.i++;
      const args = this.functionArgs();
      if (!KNOWN_FUNCTIONS.has(name)) this.note('unknownFunction', `Invalid function name; function: ${name}`);
      else if (!CONDITION_FUNCTIONS.has(name))
        this.note(
          'misusedFunction',
          `The function is not allowed to be used this way in an expression; function: ${name}`,
        );
      this.checkConditionFunction(name, args);
      return { kind: 'function', name: name as never, args };
    }
    const a = this.operand();
    const op = this.peek();
    if (op.kind === 'punct' && COMPARATORS.has(op.text)) {
      this.i++;
      return { kind: 'compare', op: op.text as Comparator, a, b: this.operand() };
    }
    if (this.isWord('BETWEEN')) {
      this.i++;
      const lo = this.operand();
      if (!this.isWord('AND')) this.fail();
      this.i++;
      const hi = this.operand();
      this.checkBetween(lo, hi);
      return { kind: 'between', a, lo, hi };
    }
    if (this.isWord('IN')) {
      this.i++;
      this.expectPunct('(');
      const list = [this.operand()];
      while (this.isPunct(',')) {
        this.i++;
        list.push(this.operand());
      }
      this.expectPunct(')');
      return { kind: 'in', a, list };
    }
    if (a.kind === 'size') {
      // A bare size(...) parses; it is a misuse, reported with the other semantic errors.
      this.note('misusedFunction', 'The function is not allowed to be used this way in an expression; function: size');
      return { kind: 'function', name: 'attribute_exists', args: [{ kind: 'path', path: a.path }] };
    }
    return this.fail();
  }

  private checkBetween(lo: Operand, hi: Operand): void {
    if (lo.kind !== 'value' || hi.kind !== 'value') return;
    const tl = typeOf(lo.value);
    const th = typeOf(hi.value);
    const show = (v: AV, t: string) => `AttributeValue: {${t}:${String((v as Record<string, unknown>)[t])}}`;
    if (tl !== th) {
      this.note(
        'function',
        `The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: ${show(lo.value, tl)}, upper bound operand: ${show(hi.value, th)}`,
      );
    }
  }

  private checkConditionFunction(name: string, args: Operand[]): void {
    const arity: Record<string, number> = {
      attribute_exists: 1,
      attribute_not_exists: 1,
      attribute_type: 2,
      begins_with: 2,
      contains: 2,
    };
    const n = arity[name];
    if (n === undefined) return;
    if (args.length !== n) {
      this.note(
        'operand',
        `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`,
      );
      return;
    }
    if (
      (name === 'attribute_exists' || name === 'attribute_not_exists' || name === 'attribute_type') &&
      args[0]!.kind !== 'path'
    ) {
      this.note('function', `Operator or function requires a document path; operator or function: ${name}`);
    }
    if (name === 'attribute_type') {
      const v = args[1]!;
      if (v.kind === 'value') {
        if (typeOf(v.value) !== 'S')
          this.note(
            'function',
            `Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${typeOf(v.value)}`,
          );
        else if (!TYPE_NAMES.has(v.value.S!))
          this.note(
            'function',
            `Invalid attribute type name found; type: ${v.value.S!}, access path: ${pathText((args[0] as { path: Path }).path ?? [])}`,
          );
      }
    }
    if (name === 'begins_with') {
      for (const a of args) {
        if (a.kind === 'value' && typeOf(a.value) !== 'S' && typeOf(a.value) !== 'B') {
          this.note(
            'function',
            `Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${typeOf(a.value)}`,
          );
        }
      }
    }
  }

  // ---- update expressions ----
  /** SET's right-hand side: operand [+|- operand]; inside function arguments no arithmetic is allowed. */
  updateValueOperand(inArgs = false): Operand {
    const t = this.peek();
    let a: Operand;
    if (this.isFunctionCall()) {
      const name = t.text;
      this.i++;
      const args = this.functionArgs();
      a = this.updateFunction(name, args);
    } else if (t.kind === 'value') a = this.valueRef();
    else if (t.kind === 'name' || t.kind === 'hashName') a = { kind: 'path', path: this.path() };
    else if (this.isPunct('(')) {
      this.i++;
      a = this.updateValueOperand();
      this.expectPunct(')');
    } else return this.fail();
    if (!inArgs && (this.isPunct('+') || this.isPunct('-'))) {
      const op = this.peek().text as '+' | '-';
      this.i++;
      const b = this.updateValueOperand(true);
      for (const x of [a, b]) {
        if (x.kind === 'value' && typeOf(x.value) !== 'N') {
          this.note(
            'operand',
            `Incorrect operand type for operator or function; operator: ${op}, operand type: ${typeOf(x.value)}`,
          );
        }
      }
      return { kind: 'arith', op, a, b };
    }
    return a;
  }

  private updateFunction(name: string, args: Operand[]): Operand {
    if (name === 'if_not_exists') {
      if (args.length !== 2)
        this.note(
          'operand',
          `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`,
        );
      else if (args[0]!.kind !== 'path')
        this.note('function', `Operator or function requires a document path; operator or function: ${name}`);
      return {
        kind: 'if_not_exists',
        path: args[0]?.kind === 'path' ? args[0].path : [],
        fallback: args[1] ?? { kind: 'value', name: '', value: { NULL: true } },
      };
    }
    if (name === 'list_append') {
      if (args.length !== 2)
        this.note(
          'operand',
          `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`,
        );
      for (const x of args) {
        if (x.kind === 'value' && typeOf(x.value) !== 'L') {
          this.note(
            'function',
            `Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${typeOf(x.value)}`,
          );
        }
      }
      return { kind: 'list_append', a: args[0]!, b: args[1]! };
    }
    if (!KNOWN_FUNCTIONS.has(name)) this.note('unknownFunction', `Invalid function name; function: ${name}`);
    else
      this.note(
        'misusedFunction',
        `The function is not allowed to be used this way in an expression; function: ${name}`,
      );
    return { kind: 'value', name: '', value: { NULL: true } };
  }

  update(): UpdateAction[] {
    const actions: UpdateAction[] = [];
    const seen = new Set<string>();
    if (this.peek().kind === 'eof') this.fail();
    while (this.peek().kind !== 'eof') {
      const t = this.peek();
      const kind = t.kind === 'name' ? t.text.toUpperCase() : '';
      if (kind !== 'SET' && kind !== 'REMOVE' && kind !== 'ADD' && kind !== 'DELETE') this.fail();
      if (seen.has(kind)) this.note('section', `The "${kind}" section can only be used once in an update expression;`);
      seen.add(kind);
      this.i++;
      for (;;) {
        const path = this.path();
        if (kind === 'SET') {
          this.expectPunct('=');
          actions.push({ kind, path, value: this.updateValueOperand() });
        } else if (kind === 'REMOVE') actions.push({ kind, path });
        else {
          if (this.peek().kind !== 'value') this.fail();
          const value = this.valueRef();
          const vt = value.kind === 'value' ? typeOf(value.value) : '';
          const ok = kind === 'ADD' ? ['N', 'SS', 'NS', 'BS'] : ['SS', 'NS', 'BS'];
          if (vt && !ok.includes(vt) && this.ctx.values?.[(value as { name: string }).name]) {
            this.note(
              'operand',
              `Incorrect operand type for operator or function; operator: ${kind}, operand type: ${vt === 'M' ? 'MAP' : vt === 'L' ? 'LIST' : vt === 'S' ? 'STRING' : vt === 'B' ? 'BINARY' : vt === 'BOOL' ? 'BOOLEAN' : vt}`,
            );
          }
          actions.push({ kind, path, value });
        }
        if (!this.isPunct(',')) break;
        this.i++;
      }
    }
    this.checkOverlaps(actions);
    return actions;
  }

  private checkOverlaps(actions: UpdateAction[]): void {
    for (let x = 0; x < actions.length; x++) {
      for (let y = 0; y < x; y++) {
        const a = actions[y]!.path;
        const b = actions[x]!.path;
        const n = Math.min(a.length, b.length);
        if (a.slice(0, n).every((p, i) => p === b[i])) {
          this.note(
            'overlap',
            `Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [${a.join(', ')}], path two: [${b.join(', ')}]`,
          );
        }
      }
    }
  }

  projection(): Path[] {
    const out = [this.path()];
    while (this.isPunct(',')) {
      this.i++;
      out.push(this.path());
    }
    return out;
  }
}

function run<T>(src: string, ctx: ExprContext, fn: (p: Parser) => T): T | string {
  if (src === '') return 'The expression can not be empty;';
  try {
    const p = new Parser(src, ctx);
    return p.finish(fn(p));
  } catch (e) {
    if (e instanceof ExprSyntaxError) return e.message;
    throw e;
  }
}

/** Each returns the parsed form, or the message that follows "Invalid <Kind>Expression: ". */
export const parseCondition = (src: string, ctx: ExprContext) => run(src, ctx, (p) => p.condition());
export const parseUpdate = (src: string, ctx: ExprContext) => run(src, ctx, (p) => p.update());
export const parseProjection = (src: string, ctx: ExprContext) => run(src, ctx, (p) => p.projection());
