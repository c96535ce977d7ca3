/**
 * The slice of Python's argparse that the CLI's behaviour depends on: options anywhere, `--opt=value`,
 * unambiguous prefixes (`--filter` for `--filters`), nargs 0/1/'*'/'?', required options listed in
 * table order, and the CLI's own "Invalid choice" message. Unknown options are handed back, as
 * parse_known_args does, so the next parser in the chain can take them.
 */
import { ArgParseError } from './errors';
import { closeMatches } from './difflib';

export type Nargs = 0 | 1 | '*' | '+' | '?';

export interface OptionSpec {
  /** '--bucket' */
  flag: string;
  dest: string;
  nargs: Nargs;
  required?: boolean;
  choices?: string[];
  /** Value stored by a nargs-0 flag (store_true / store_false). */
  constValue?: unknown;
}

export interface PositionalSpec {
  dest: string;
  nargs: 1 | '?';
  choices?: string[];
}

export interface ParserSpec {
  options: OptionSpec[];
  positionals: PositionalSpec[];
}

export interface Parsed {
  values: Map<string, unknown>;
  extras: string[];
}

export function invalidChoiceMessage(value: string, choices: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < choices.length; i += 2) lines.push(choices.slice(i, i + 2).map((c) => c.padEnd(40)).join(' | '));
  const msg = ['Invalid choice, valid choices are:\n', ...lines];
  const possible = closeMatches(value, choices);
  if (possible.length > 0) msg.push(`\n\nInvalid choice: '${value}', maybe you meant:\n`, ...possible.map((p) => `  * ${p}`));
  return msg.join('\n');
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

export function parseKnownArgs(args: string[], spec: ParserSpec): Parsed {
  const byFlag = new Map(spec.options.map((o) => [o.flag, o]));
  const values = new Map<string, unknown>();
  const extras: string[] = [];
  const seen = new Set<OptionSpec>();

  type Classified = { kind: 'A'; text: string } | { kind: 'O'; text: string; opt?: OptionSpec; explicit?: string };
  const classify = (arg: string): Classified => {
    if (!arg.startsWith('-') || arg === '-') return { kind: 'A', text: arg };
    const exact = byFlag.get(arg);
    if (exact) return { kind: 'O', text: arg, opt: exact };
    if (arg.length === 1) return { kind: 'A', text: arg };
    let flag = arg;
    let explicit: string | undefined;
    const eq = arg.indexOf('=');
    if (eq >= 0) {
      flag = arg.slice(0, eq);
      explicit = arg.slice(eq + 1);
      const o = byFlag.get(flag);
      if (o) return { kind: 'O', text: arg, opt: o, explicit };
    }
    if (arg.startsWith('--')) {
      const matches = spec.options.filter((o) => o.flag.startsWith(flag));
      if (matches.length > 1) throw new ArgParseError(`ambiguous option: ${flag} could match ${matches.map((m) => m.flag).join(', ')}`);
      if (matches.length === 1) return { kind: 'O', text: arg, opt: matches[0], explicit };
    }
    if (NEGATIVE_NUMBER.test(arg)) return { kind: 'A', text: arg };
    if (arg.includes(' ')) return { kind: 'A', text: arg };
    return { kind: 'O', text: arg };
  };

  const items: Classified[] = [];
  let dashdash = false;
  for (const a of args) {
    if (!dashdash && a === '--') {
      dashdash = true;
      continue;
    }
    items.push(dashdash ? { kind: 'A', text: a } : classify(a));
  }

  let nextPositional = 0;
  const checkChoice = (name: string, value: string, choices?: string[]): void => {
    if (choices && !choices.includes(value)) throw new ArgParseError(`argument ${name}: ${invalidChoiceMessage(value, choices)}`);
  };
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'A') {
      const p = spec.positionals[nextPositional];
      if (p) {
        checkChoice(p.dest, it.text, p.choices);
        values.set(p.dest, it.text);
        nextPositional++;
      } else extras.push(it.text);
      continue;
    }
    const opt = it.opt;
    if (!opt) {
      extras.push(it.text);
      continue;
    }
    seen.add(opt);
    const following: string[] = [];
    let j = i + 1;
    while (j < items.length && items[j]!.kind === 'A') following.push(items[j++]!.text);
    if (opt.nargs === 0) {
      if (it.explicit !== undefined) throw new ArgParseError(`argument ${opt.flag}: ignored explicit argument '${it.explicit}'`);
      values.set(opt.dest, opt.constValue ?? true);
      continue;
    }
    if (it.explicit !== undefined) {
      const v = opt.nargs === '*' || opt.nargs === '+' ? [it.explicit] : it.explicit;
      if (typeof v === 'string') checkChoice(opt.flag, v, opt.choices);
      values.set(opt.dest, v);
      continue;
    }
    if (opt.nargs === 1) {
      if (following.length === 0) throw new ArgParseError(`argument ${opt.flag}: expected one argument`);
      checkChoice(opt.flag, following[0]!, opt.choices);
      values.set(opt.dest, following[0]);
      i += 1;
    } else if (opt.nargs === '?') {
      values.set(opt.dest, following[0] ?? null);
      if (following.length > 0) i += 1;
    } else {
      if (opt.nargs === '+' && following.length === 0) throw new ArgParseError(`argument ${opt.flag}: expected at least one argument`);
      values.set(opt.dest, following);
      i += following.length;
    }
  }
  const missing: string[] = [];
  for (const o of spec.options) if (o.required && !seen.has(o)) missing.push(o.flag);
  for (let k = nextPositional; k < spec.positionals.length; k++) if (spec.positionals[k]!.nargs === 1) missing.push(spec.positionals[k]!.dest);
  if (missing.length > 0) throw new ArgParseError(`the following arguments are required: ${missing.join(', ')}`);
  return { values, extras };
}
