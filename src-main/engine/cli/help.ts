/**
 * `aws help`, `aws SERVICE help`, `aws SERVICE OPERATION help`: plain-text pages laid out as the real
 * CLI's help reads in a terminal (man), built from the models. min.json carries no documentation, so
 * parameters show their type and whether they are required.
 */
import type { LoadedModel } from '../models/load';
import type { OperationModel, Shape } from '../models/types';
import type { ArgTable } from './arg-table';
import { cliServices, operationTable } from './catalog';
import { xformName } from './names';

const typeName = (s: Shape | undefined): string => (s?.type === 'list' ? 'list' : s?.type === 'structure' ? 'structure' : s?.type === 'map' ? 'map' : (s?.type ?? 'string'));

/**
 * A page as `man` shows it on an 80-column terminal (the real CLI renders its help through groff):
 * a title line, section names at the margin, text indented by seven, wrapped.
 */
export function manPage(title: string, sections: [string, string][]): string {
  const t = `${title.toUpperCase()}()`;
  let out = `${t}${' '.repeat(Math.max(1, 78 - 2 * t.length))}${t}\n\n\n\n`;
  for (const [name, body] of sections) out += `${name}\n${body.replace(/\n*$/, '')}\n\n`;
  return `${out}\n\n${' '.repeat(73 - t.length)}${t}\n`;
}

const INDENT = '       ';

/** Fills words into lines of at most `width` characters after `indent`. */
export function fill(text: string, indent = INDENT, width = 78): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

const bullets = (items: string[]): string => items.map((n) => `${INDENT}o ${n}`).join('\n\n');

export function topHelp(): string {
  const names = [...cliServices().map((s) => s.cliName), 'configure', 's3'].sort();
  return manPage('aws', [
    ['NAME', `${INDENT}aws -`],
    ['DESCRIPTION', fill("The AWS Command Line Interface is a unified tool to manage your AWS services. In Nimbus Lab every command talks to the lab's simulated cloud (the book shows the CLI in section 4.2).")],
    ['SYNOPSIS', `          aws [options] <command> <subcommand> [parameters]\n\n${fill('Use aws command help for information on a specific command. The synopsis for each command shows its parameters and their usage. Optional parameters are shown in square brackets.')}`],
    ['GLOBAL OPTIONS', GLOBAL_HELP.map(([flag, text]) => `${INDENT}${flag}\n\n${fill(text)}`).join('\n\n')],
    ['AVAILABLE SERVICES', bullets(names)],
  ]);
}

const GLOBAL_HELP: [string, string][] = [
  ['--debug (boolean)', 'Turn on debug logging.'],
  ['--endpoint-url (string)', 'Accepted and ignored: the lab is the only cloud.'],
  ['--no-paginate (boolean)', 'Disable automatic pagination.'],
  ['--output (string)', 'The formatting style for command output: json, text, table, yaml, yaml-stream.'],
  ['--query (string)', 'A JMESPath query to use in filtering the response data.'],
  ['--profile (string)', 'Use a specific profile from your credential file.'],
  ['--region (string)', 'The region to use. Overrides config/env settings.'],
  ['--version (string)', 'Display the version of this tool.'],
  ['--color (string)', 'Turn on/off color output: on, off, auto.'],
  ['--no-sign-request (boolean)', 'Do not sign requests.'],
  ['--cli-read-timeout (int)', 'The maximum socket read time in seconds.'],
  ['--cli-connect-timeout (int)', 'The maximum socket connect time in seconds.'],
];

export function serviceHelp(model: LoadedModel, cliService: string): string {
  const ops = [...operationTable(model).keys()];
  if (Object.keys(model.waiters ?? {}).length > 0) ops.push('wait');
  return manPage(cliService, [
    ['NAME', `${INDENT}${cliService} -`],
    ['DESCRIPTION', fill(`${model.metadata.serviceFullName ?? cliService} (API version ${model.metadata.apiVersion}), as the lab simulates it.`)],
    ['AVAILABLE COMMANDS', bullets(ops.sort())],
  ]);
}

export function operationHelp(model: LoadedModel, cliService: string, cliOperation: string, op: OperationModel, table: ArgTable): string {
  let synopsis = `            ${cliOperation}\n`;
  const options: string[] = [];
  for (const a of table.values()) {
    if (a.undocumented) continue;
    const metavar = a.positional ? `<${a.name}>` : a.nargs === 0 ? `--${a.name}` : `--${a.name} <value>`;
    const shown = a.nargs === 0 && table.has(`no-${a.name}`) ? `--${a.name} | --no-${a.name}` : metavar;
    synopsis += `          ${a.required ? shown : `[${shown}]`}\n`;
    const t = a.shape ? typeName(a.shape) : (a.typeName ?? 'string');
    let text = `${INDENT}${a.positional ? a.name : `--${a.name}`} (${t})\n          ${a.required ? 'Required.' : 'Optional.'}`;
    if (a.shape?.type === 'structure' || a.shape?.type === 'list' || a.shape?.type === 'map') text += `\n\n${describeShape(a.shape, '          ')}`;
    options.push(text);
  }
  const sections: [string, string][] = [
    ['NAME', `${INDENT}${cliOperation} -`],
    ['DESCRIPTION', fill(`Calls the ${model.metadata.serviceId ?? cliService} ${op.name} operation in the lab.`)],
    ['SYNOPSIS', synopsis],
    ['OPTIONS', options.join('\n\n')],
  ];
  if (op.output?.members && Object.keys(op.output.members).length > 0) {
    sections.push(['OUTPUT', Object.entries(op.output.members).map(([k, m]) => `${INDENT}${k} -> (${typeName(m)})`).join('\n\n')]);
  }
  return manPage(cliOperation, sections);
}

function describeShape(shape: Shape, indent: string, depth = 0): string {
  if (depth > 3) return '';
  if (shape.type === 'list') return describeShape(shape.member!, indent, depth);
  if (shape.type === 'map') return `${indent}key -> (${typeName(shape.key)})\n\n${indent}value -> (${typeName(shape.value)})`;
  if (shape.type !== 'structure') return '';
  const req = new Set(shape.required ?? []);
  return Object.entries(shape.members ?? {})
    .map(([k, m]) => `${indent}${k} -> (${typeName(m)})${req.has(k) ? ' [required]' : ''}`)
    .join('\n\n');
}

export const waiterName = (name: string): string => xformName(name);
