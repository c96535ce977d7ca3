/**
 * SQS's JSON model is `awsQueryCompatible`: the service still answers its old query form
 * (`Action=SendMessage&MessageAttribute.1.Name=…`) in XML. The JSON model lost the query member names,
 * so this hook clones the operation's shapes once with those names (`AttributeName.N`, `Attribute.N.Name`,
 * `SendMessageBatchRequestEntry.N`…), and the generic query walker and XML writer do the rest.
 */
import type { LoadedModel } from '../models/load';
import type { OperationModel, Shape } from '../models/types';
import type { Codec } from './codec';
import { collectQueryParams, queryErrorResponse, queryResponse, readQueryValue } from './query';

const MEMBER_NAMES: Record<string, string | ((operation: string) => string)> = {
  AttributeNames: 'AttributeName',
  MessageAttributeNames: 'MessageAttributeName',
  MessageSystemAttributeNames: 'MessageSystemAttributeName',
  Attributes: 'Attribute',
  MessageAttributes: 'MessageAttribute',
  MessageSystemAttributes: 'MessageSystemAttribute',
  Tags: 'Tag',
  tags: 'Tag',
  Results: 'ListMessageMoveTasksResultEntry',
  TagKeys: 'TagKey',
  AWSAccountIds: 'AWSAccountId',
  Actions: 'ActionName',
  QueueUrls: 'QueueUrl',
  queueUrls: 'QueueUrl',
  Messages: 'Message',
  StringListValues: 'StringListValue',
  BinaryListValues: 'BinaryListValue',
  Entries: (op) => `${op}RequestEntry`,
  Successful: (op) => `${op}ResultEntry`,
  Failed: 'BatchResultErrorEntry',
};

/** Old SQS maps name their entries Name/Value, except tags (Key/Value). */
const mapKeyName = (alias: string): string => (alias === 'Tag' ? 'Key' : 'Name');

const NAMESPACE = 'http://queue.amazonaws.com/doc/2012-11-05/';

const clones = new Map<string, WeakMap<Shape, Shape>>();

function cloneShape(shape: Shape, operation: string, memo: WeakMap<Shape, Shape>, alias?: string): Shape {
  if (!alias) {
    const hit = memo.get(shape);
    if (hit) return hit;
  }
  const out = Object.create(shape) as Shape;
  if (!alias) memo.set(shape, out);
  else out.locationName = alias;
  if (shape.type === 'structure' && shape.members) {
    const members: Record<string, Shape> = {};
    for (const [name, m] of Object.entries(shape.members)) {
      const entry = MEMBER_NAMES[name];
      const memberAlias = typeof entry === 'function' ? entry(operation) : entry;
      members[name] = cloneShape(m, operation, memo, memberAlias);
    }
    out.members = members;
  } else if (shape.type === 'list' && shape.member) {
    out.member = cloneShape(shape.member, operation, memo);
  } else if (shape.type === 'map' && shape.key && shape.value) {
    const key = Object.create(shape.key) as Shape;
    key.locationName = mapKeyName(alias ?? '');
    const value = cloneShape(shape.value, operation, memo, 'Value');
    out.key = key;
    out.value = value;
  }
  return out;
}

/** The operation with its input and output reshaped for the query form (cached). */
function compatOperation(operation: OperationModel): OperationModel {
  let memo = clones.get(operation.name);
  if (!memo) clones.set(operation.name, (memo = new WeakMap()));
  const op: OperationModel = { ...operation };
  if (operation.input) op.input = cloneShape(operation.input, operation.name, memo);
  if (operation.output) op.output = cloneShape(operation.output, operation.name, memo);
  return op;
}

const compatOps = new WeakMap<OperationModel, OperationModel>();
const compat = (operation: OperationModel): OperationModel => {
  let op = compatOps.get(operation);
  if (!op) compatOps.set(operation, (op = compatOperation(operation)));
  return op;
};

export const sqsQueryCompatCodec: Codec = {
  parse(_model, match, req, body) {
    const op = compat(match.operation);
    const params = match.params ?? collectQueryParams(req, body);
    const input = (readQueryValue(op.input ?? { type: 'structure', members: {} }, params, '', false) ?? {}) as Record<string, unknown>;
    // Older clients post to the queue's own URL (`POST /ACCOUNT/NAME`) and leave QueueUrl out.
    if (op.input?.members?.QueueUrl && input.QueueUrl === undefined && /^\/\d{12}\/[^/]+$/.test(req.path)) input.QueueUrl = `http://${req.headers.host ?? 'localhost'}${req.path}`;
    return input;
  },
  serialize(_model: LoadedModel, operation, output, ctx) {
    return queryResponse(NAMESPACE, compat(operation), output, ctx);
  },
  error(_model, error, ctx) {
    // The JSON side's x-amzn-query-error names the query code: prefer it when the service set one.
    const queryCode = error.headers['x-amzn-query-error']?.split(';')[0];
    return queryErrorResponse(NAMESPACE, error, ctx, queryCode ?? error.code);
  },
};
