/**
 * AWS::Lambda::Function, ::Permission, ::Version, ::Alias and ::EventSourceMapping (SQS), made through Lambda's own API as
 * CloudFormation. Inline `Code.ZipFile` source becomes index.py or index.js in a zip, as AWS does.
 */
import { zipSync, strToU8 } from 'fflate';
import { allTags, generatedName, ignoreNotFound, num, str, strList, type Json, type JsonObject, type ResourceCtx, type ResourceProvider } from '../../core/resource-provider';

const isObj = (v: Json | undefined): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

function codeOf(props: JsonObject): Record<string, unknown> {
  const code = isObj(props.Code) ? props.Code : {};
  if (typeof code.ZipFile === 'string') {
    const file = String(props.Runtime ?? '').startsWith('python') ? 'index.py' : 'index.js';
    return { ZipFile: zipSync({ [file]: strToU8(code.ZipFile) }) };
  }
  return { S3Bucket: str(code.S3Bucket), S3Key: str(code.S3Key), ...(code.S3ObjectVersion ? { S3ObjectVersion: str(code.S3ObjectVersion) } : {}) };
}

function configOf(props: JsonObject): Record<string, unknown> {
  const env = isObj(props.Environment) && isObj(props.Environment.Variables) ? props.Environment.Variables : undefined;
  return Object.fromEntries(
    Object.entries({
      Runtime: str(props.Runtime),
      Handler: str(props.Handler),
      Role: str(props.Role),
      Description: str(props.Description),
      Timeout: num(props.Timeout),
      MemorySize: num(props.MemorySize),
      Architectures: strList(props.Architectures),
      Environment: env ? { Variables: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) } : undefined,
    }).filter(([, v]) => v !== undefined),
  );
}

const attrs = (c: Record<string, unknown>): Record<string, Json> => ({ Arn: String(c.FunctionArn) });

/** IAM is eventually consistent on AWS; here a role made a step earlier is already there, so no retry is needed. */
const fn: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.FunctionName) ?? generatedName(rc, 64);
    const tags = Object.fromEntries(allTags(rc, props).map((t) => [t.Key, t.Value]));
    const out = await rc.call('lambda', 'CreateFunction', { FunctionName: name, Code: codeOf(props), ...configOf(props), Tags: tags });
    if (props.ReservedConcurrentExecutions !== undefined) await rc.call('lambda', 'PutFunctionConcurrency', { FunctionName: name, ReservedConcurrentExecutions: num(props.ReservedConcurrentExecutions) });
    return { physicalId: name, attributes: attrs(out) };
  },
  async update(rc, name, props, old) {
    if (JSON.stringify(props.Code) !== JSON.stringify(old.Code)) await rc.call('lambda', 'UpdateFunctionCode', { FunctionName: name, ...codeOf(props) });
    const out = await rc.call('lambda', 'UpdateFunctionConfiguration', { FunctionName: name, ...configOf(props), ...(props.Environment === undefined ? { Environment: { Variables: {} } } : {}) });
    return { attributes: attrs(out) };
  },
  async delete(rc, name) {
    await ignoreNotFound(rc.call('lambda', 'DeleteFunction', { FunctionName: name }));
  },
};

const permission: ResourceProvider = {
  async create(rc, props) {
    const sid = generatedName(rc, 100);
    await rc.call('lambda', 'AddPermission', {
      FunctionName: str(props.FunctionName),
      StatementId: sid,
      Action: str(props.Action),
      Principal: str(props.Principal),
      ...(props.SourceArn ? { SourceArn: str(props.SourceArn) } : {}),
      ...(props.SourceAccount ? { SourceAccount: str(props.SourceAccount) } : {}),
    });
    return { physicalId: `${str(props.FunctionName)}|${sid}` };
  },
  async delete(rc, id) {
    const [fnName, sid] = id.split('|');
    await ignoreNotFound(rc.call('lambda', 'RemovePermission', { FunctionName: fnName, StatementId: sid }));
  },
};

const version: ResourceProvider = {
  async create(rc, props) {
    const out = await rc.call('lambda', 'PublishVersion', { FunctionName: str(props.FunctionName), ...(props.Description ? { Description: str(props.Description) } : {}) });
    return { physicalId: String(out.FunctionArn), attributes: { Version: String(out.Version) } };
  },
  // Versions are immutable and kept when the stack lets go of them (AWS retains them too unless deleted).
  async delete(rc, arn) {
    const m = /^(.*):(\d+)$/.exec(arn);
    if (m) await ignoreNotFound(rc.call('lambda', 'DeleteFunction', { FunctionName: m[1], Qualifier: m[2] }));
  },
};

const alias: ResourceProvider = {
  async create(rc: ResourceCtx, props) {
    const out = await rc.call('lambda', 'CreateAlias', { FunctionName: str(props.FunctionName), Name: str(props.Name), FunctionVersion: str(props.FunctionVersion), Description: str(props.Description) });
    return { physicalId: String(out.AliasArn) };
  },
  async update(rc, arn, props) {
    await rc.call('lambda', 'UpdateAlias', { FunctionName: str(props.FunctionName), Name: str(props.Name), FunctionVersion: str(props.FunctionVersion), Description: str(props.Description) });
  },
  async delete(rc, arn, props) {
    await ignoreNotFound(rc.call('lambda', 'DeleteAlias', { FunctionName: str(props.FunctionName), Name: str(props.Name) }));
  },
};

const eventSourceMapping: ResourceProvider = {
  async create(rc, props) {
    const out = await rc.call('lambda', 'CreateEventSourceMapping', {
      FunctionName: str(props.FunctionName),
      EventSourceArn: str(props.EventSourceArn),
      ...(props.BatchSize !== undefined ? { BatchSize: num(props.BatchSize) } : {}),
      ...(props.Enabled !== undefined ? { Enabled: props.Enabled === true || props.Enabled === 'true' } : {}),
    });
    return { physicalId: String(out.UUID) };
  },
  async update(rc, uuid, props) {
    await rc.call('lambda', 'UpdateEventSourceMapping', { UUID: uuid, ...(props.BatchSize !== undefined ? { BatchSize: num(props.BatchSize) } : {}), Enabled: props.Enabled !== false && props.Enabled !== 'false' });
  },
  async delete(rc, uuid) {
    await ignoreNotFound(rc.call('lambda', 'DeleteEventSourceMapping', { UUID: uuid }));
  },
};

export const lambdaResourceTypes: Record<string, ResourceProvider> = {
  'AWS::Lambda::Function': fn,
  'AWS::Lambda::Permission': permission,
  'AWS::Lambda::Version': version,
  'AWS::Lambda::Alias': alias,
  'AWS::Lambda::EventSourceMapping': eventSourceMapping,
};
