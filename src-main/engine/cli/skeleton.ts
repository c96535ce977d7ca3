/** --generate-cli-skeleton: an input (JSON or YAML) or output template from the operation's shapes. */
import YAML from 'yaml';
import type { OperationModel, Shape } from '../models/types';
import { formatJson } from './format/json';

function sample(shape: Shape, stack: Set<Shape>): unknown {
  if (stack.has(shape)) return {};
  switch (shape.type) {
    case 'structure': {
      stack.add(shape);
      const out: Record<string, unknown> = {};
      for (const [k, m] of Object.entries(shape.members ?? {})) if (!m.streaming) out[k] = sample(m, stack);
      stack.delete(shape);
      return out;
    }
    case 'list':
      return [sample(shape.member!, stack)];
    case 'map':
      return { KeyName: sample(shape.value!, stack) };
    case 'integer':
    case 'long':
      return 0;
    case 'float':
    case 'double':
      return 0.0;
    case 'boolean':
      return true;
    case 'timestamp':
      return '1970-01-01T00:00:00';
    case 'blob':
      return null;
    default:
      return shape.enum?.[0] ?? '';
  }
}

export function skeleton(op: OperationModel, kind: string): string {
  if (kind === 'output') return formatJson(op.output ? sample(op.output, new Set()) : {});
  const value = op.input ? sample(op.input, new Set()) : {};
  if (kind === 'yaml-input') return YAML.stringify(value);
  return formatJson(value);
}
