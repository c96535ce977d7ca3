/**
 * The `AWS::Serverless-2016-10-31` transform, for the API-less subset: AWS::Serverless::Function
 * becomes a Lambda function, its execution role, and one EventBridge rule + permission per
 * CloudWatchEvent/EventBridgeRule/Schedule event. Globals.Function applies to every function.
 */
import { validationError } from '../errors';
import { isObject, type Json, type JsonObject } from './parse';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

const fail = (detail: string) =>
  validationError(`Transform ${SAM_TRANSFORM} failed with: Invalid Serverless Application Specification document. Number of errors found: 1. ${detail}`);

function codeOf(logicalId: string, codeUri: Json | undefined, inline: Json | undefined): JsonObject {
  if (inline !== undefined) return { ZipFile: inline };
  if (typeof codeUri === 'string') {
    const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(codeUri);
    if (!m) throw fail(`Resource with id [${logicalId}] is invalid. 'CodeUri' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query parameter.`);
    return { S3Bucket: m[1]!, S3Key: m[2]! };
  }
  if (isObject(codeUri)) return { S3Bucket: codeUri.Bucket ?? null, S3Key: codeUri.Key ?? null, ...(codeUri.Version ? { S3ObjectVersion: codeUri.Version } : {}) };
  throw fail(`Resource with id [${logicalId}] is invalid. Missing required property 'CodeUri'.`);
}

export function applySam(json: JsonObject): JsonObject {
  const out: JsonObject = { ...json };
  delete out.Transform;
  const globals = isObject(json.Globals) && isObject(json.Globals.Function) ? json.Globals.Function : {};
  delete out.Globals;
  const resources: JsonObject = {};
  for (const [id, decl] of Object.entries(isObject(json.Resources) ? json.Resources : {})) {
    if (!isObject(decl) || decl.Type !== 'AWS::Serverless::Function') {
      if (isObject(decl) && typeof decl.Type === 'string' && decl.Type.startsWith('AWS::Serverless::')) {
        throw fail(`Resource with id [${id}] is invalid. ${decl.Type} is not supported by Nimbus Lab's transform yet.`);
      }
      resources[id] = decl;
      continue;
    }
    const p: JsonObject = { ...globals, ...(isObject(decl.Properties) ? decl.Properties : {}) };
    const passthrough: JsonObject = {};
    for (const k of ['DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata']) if (decl[k] !== undefined) passthrough[k] = decl[k]!;
    const roleId = `${id}Role`;
    const inlinePolicies: Json[] = [];
    const managed: Json[] = ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'];
    const policies = p.Policies === undefined ? [] : Array.isArray(p.Policies) ? p.Policies : [p.Policies];
    policies.forEach((pol, i) => {
      if (typeof pol === 'string') managed.push(pol.startsWith('arn:') ? pol : `arn:aws:iam::aws:policy/${pol}`);
      else if (isObject(pol) && pol.Statement !== undefined) inlinePolicies.push({ PolicyName: `${id}RolePolicy${i}`, PolicyDocument: pol });
      else throw fail(`Resource with id [${id}] is invalid. Policy templates are not supported by Nimbus Lab's transform yet.`);
    });
    if (p.Role === undefined) {
      resources[roleId] = {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
          },
          ManagedPolicyArns: managed,
          ...(inlinePolicies.length ? { Policies: inlinePolicies } : {}),
          Tags: [{ Key: 'lambda:createdBy', Value: 'SAM' }],
        },
        ...(passthrough.Condition ? { Condition: passthrough.Condition } : {}),
      };
    }
    const tags = isObject(p.Tags) ? Object.entries(p.Tags).map(([Key, Value]) => ({ Key, Value })) : [];
    const fnProps: JsonObject = {
      Code: codeOf(id, p.CodeUri, p.InlineCode),
      Handler: p.Handler ?? null,
      Role: p.Role ?? { 'Fn::GetAtt': [roleId, 'Arn'] },
      Runtime: p.Runtime ?? null,
      Tags: [{ Key: 'lambda:createdBy', Value: 'SAM' }, ...tags],
    };
    for (const k of ['Description', 'FunctionName', 'MemorySize', 'Timeout', 'Environment', 'VpcConfig', 'Layers', 'Architectures', 'TracingConfig', 'ReservedConcurrentExecutions', 'DeadLetterConfig', 'KmsKeyArn', 'EphemeralStorage']) {
      if (p[k] !== undefined) fnProps[k] = p[k]!;
    }
    resources[id] = { Type: 'AWS::Lambda::Function', Properties: fnProps, ...passthrough };
    for (const [eventId, ev] of Object.entries(isObject(p.Events) ? p.Events : {})) {
      if (!isObject(ev)) continue;
      const type = String(ev.Type);
      const props = isObject(ev.Properties) ? ev.Properties : {};
      if (type !== 'CloudWatchEvent' && type !== 'EventBridgeRule' && type !== 'Schedule') {
        throw fail(`Resource with id [${id}] is invalid. Event with id [${eventId}] is invalid. Event type ${type} is not supported by Nimbus Lab's transform yet.`);
      }
      const ruleId = `${id}${eventId}`;
      resources[ruleId] = {
        Type: 'AWS::Events::Rule',
        Properties: {
          ...(type === 'Schedule' ? { ScheduleExpression: props.Schedule ?? null } : { EventPattern: props.Pattern ?? null }),
          ...(props.Enabled === false ? { State: 'DISABLED' } : {}),
          Targets: [{ Arn: { 'Fn::GetAtt': [id, 'Arn'] }, Id: `${ruleId}LambdaTarget` }],
        },
      };
      resources[`${ruleId}Permission`] = {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: { Ref: id },
          Principal: 'events.amazonaws.com',
          SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
        },
      };
    }
  }
  out.Resources = resources;
  return out;
}
