/** The formatter for --output, after --query (JMESPath) is applied like awscli/formatter.py. */
import jmespath from 'jmespath';
import { formatJson } from './json';
import { formatText } from './text';
import { formatTable } from './table';
import { formatYaml } from './yaml';
import { ParamValidationError } from '../errors';

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream'];

export interface Query {
  expression: string;
}

/** Compiles --query up front, as the CLI does when it parses the global arguments. */
export function compileQuery(expression: string): Query {
  try {
    (jmespath as unknown as { compile(e: string): unknown }).compile(expression);
  } catch (e) {
    const err = e as Error & { name?: string };
    if (err.name === 'ParserError' || err.name === 'LexerError') {
      // Python's jmespath reports running out of input as an incomplete expression.
      const kind = /got: EOF/.test(err.message) ? 'Incomplete expression:' : `${err.message}:`;
      throw new ParamValidationError(`Bad value for --query ${expression}: Invalid jmespath expression: ${kind}\n"${expression}"\n${' '.repeat(expression.length + 1)}^`);
    }
  }
  return { expression };
}

export const applyQuery = (q: Query | undefined, data: unknown): unknown => (q ? (jmespath.search(data, q.expression) as unknown) : data);

const isEmptyDict = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

/** One response (already merged across pages for json/table/yaml). */
export function formatResponse(format: string, operationName: string, response: unknown, query: Query | undefined): string {
  const data = applyQuery(query, response);
  switch (format) {
    case 'text':
      return formatText(data);
    case 'table':
      return formatTable(operationName, data);
    case 'yaml':
      return isEmptyDict(data) ? '' : formatYaml(data);
    case 'yaml-stream':
      return isEmptyDict(data) ? '' : formatYaml([data]);
    default:
      return isEmptyDict(data) ? '' : formatJson(data);
  }
}
