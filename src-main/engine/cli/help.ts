/**
 * `aws help`, `aws SERVICE help`, `aws SERVICE OPERATION help`: man-page layout built from the models.
 * min.json carries no documentation, so parameters show their type and whether they are required.
 */
import type { LoadedModel } from '../models/load';
import type { OperationModel, Shape } from '../models/types';
import type { ArgTable } from './arg-table';
import { cliServices, operationTable } from './catalog';
import { xformName } from './names';

const typeName = (s: Shape | undefined): string => (s?.type === 'list' ? 'list' : s?.type === 'structure' ? 'structure' : s?.type === 'map' ? 'map' : (s?.type ?? 'string'));

function heading(title: string): string {
  return `${title}\n${'^'.repeat(title.length)}\n\n`;
}

export function topHelp(): string {
  let out = heading('AWS') + heading('DESCRIPTION');
  out += '   The AWS Command Line Interface inside Nimbus Lab: every command talks to the lab\'s simulated\n   cloud (see the book, section 4.2, for how the CLI is used).\n\n';
  out += heading('SYNOPSIS') + '      aws [options] <command> <subcommand> [parameters]\n\n';
  out += heading('OPTIONS');
  for (const [flag, text] of GLOBAL_HELP) out += `   ${flag}\n      ${text}\n\n`;
  out += heading('AVAILABLE SERVICES');
  const names = [...cliServices().map((s) => s.cliName), 'configure', 's3'].sort();
  for (const n of names) out += `   o ${n}\n\n`;
  return out;
}

const GLOBAL_HELP: [string, string][] = [
  ['--debug (boolean)', 'Turn on debug logging.'],
  ['--endpoint-url (string)', 'Accepted and ignored: the lab is the only cloud.'],
  ['--no-paginate (boolean)', 'Disable automatic pagination.'],
  ['--output (string)', 'The formatting style for command output: json, text, table, yaml, yaml-stream.'],
  ['--query (string)', 'A JMESPath query to use in filtering the response data.'],
  ['--profile (string)', 'Use a specific profile from your credential file.'],
  ['--region (string)', 'The region to use. Overrides config/env settings.'],
  ['--color (string)', 'Turn on/off color output: on, off, auto.'],
  ['--no-sign-request (boolean)', 'Do not sign requests.'],
  ['--cli-read-timeout (int)', 'The maximum socket read time in seconds.'],
  ['--cli-connect-timeout (int)', 'The maximum socket connect time in seconds.'],
];

export function serviceHelp(model: LoadedModel, cliService: string): string {
  let out = heading(cliService) + heading('DESCRIPTION');
  out += `   ${model.metadata.serviceFullName ?? cliService} (API version ${model.metadata.apiVersion}).\n\n`;
  out += heading('AVAILABLE COMMANDS');
  const ops = [...operationTable(model).keys()];
  if (Object.keys(model.waiters ?? {}).length > 0) ops.push('wait');
  for (const name of ops.sort()) out += `   o ${name}\n\n`;
  return out;
}

export function operationHelp(model: LoadedModel, cliService: string, cliOperation: string, op: OperationModel, table: ArgTable): string {
  let out = heading(cliOperation) + heading('DESCRIPTION');
  out += `   Calls the ${model.metadata.serviceId ?? cliService} ${op.name} operation in the lab.\n\n`;
  out += heading('SYNOPSIS') + `     ${cliOperation}\n`;
  for (const a of table.values()) {
    if (a.undocumented) continue;
    const metavar = a.positional ? `<${a.name}>` : a.nargs === 0 ? `--${a.name}` : `--${a.name} <value>`;
    const shown = a.nargs === 0 && table.has(`no-${a.name}`) ? `--${a.name} | --no-${a.name}` : metavar;
    out += `    ${a.required ? shown : `[${shown}]`}\n`;
  }
  out += '\n' + heading('OPTIONS');
  for (const a of table.values()) {
    if (a.undocumented) continue;
    const t = a.shape ? typeName(a.shape) : (a.typeName ?? 'string');
    out += `   ${a.positional ? a.name : `--${a.name}`} (${t})\n      ${a.required ? 'Required.' : 'Optional.'}`;
    if (a.shape?.type === 'structure' || a.shape?.type === 'list' || a.shape?.type === 'map') out += `\n${describeShape(a.shape, '      ')}`;
    out += '\n\n';
  }
  if (op.output?.members && Object.keys(op.output.members).length > 0) {
    out += heading('OUTPUT');
    for (const [k, m] of Object.entries(op.output.members)) out += `   ${k} -> (${typeName(m)})\n\n`;
  }
  return out;
}

function describeShape(shape: Shape, indent: string, depth = 0): string {
  if (depth > 3) return '';
  if (shape.type === 'list') return describeShape(shape.member!, indent, depth);
  if (shape.type === 'map') return `${indent}key -> (${typeName(shape.key)})\n${indent}value -> (${typeName(shape.value)})`;
  if (shape.type !== 'structure') return '';
  const req = new Set(shape.required ?? []);
  return Object.entries(shape.members ?? {})
    .map(([k, m]) => `${indent}${k} -> (${typeName(m)})${req.has(k) ? ' [required]' : ''}`)
    .join('\n');
}

export const waiterName = (name: string): string => xformName(name);
