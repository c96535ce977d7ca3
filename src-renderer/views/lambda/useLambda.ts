/**
 * The Lambda pages' calls, each an AWS operation through the contract (useAws): Lambda itself, IAM for
 * a new execution role, EventBridge for schedule triggers and CloudWatch for the Monitoring tab.
 */
import type { JsonObject } from '../../../src-main/contract';
import { useAws } from '../../composables/useAws';
import { BASIC_EXECUTION_POLICY, LAMBDA_TRUST_POLICY, encodePayload, filesOf, packageOf, ruleNameFor } from './functions';

export interface FunctionConfig {
  FunctionName: string;
  FunctionArn: string;
  Runtime?: string;
  Role: string;
  Handler?: string;
  CodeSize: number;
  Description?: string;
  Timeout: number;
  MemorySize: number;
  LastModified: string;
  Environment?: { Variables?: Record<string, string> };
  State?: string;
}

export interface NewFunction {
  name: string;
  runtime: string;
  handler: string;
  files: Record<string, string>;
  /** An existing role's ARN, or undefined to create `<name>-role-…` with basic execution permissions. */
  roleArn?: string;
  environment?: Record<string, string>;
  timeout?: number;
  schedule?: string;
}

export interface InvokeResult {
  statusCode: number;
  functionError?: string;
  payload: string;
  log: string;
}

export function useLambda() {
  const aws = useAws();
  const call = <T = JsonObject>(service: string, operation: string, input: object = {}) => aws.call(service, operation, input as JsonObject) as Promise<T>;
  const lambda = <T = JsonObject>(operation: string, input: object = {}) => call<T>('lambda', operation, input);

  async function newRole(fn: string): Promise<string> {
    const RoleName = `${fn}-role-${Math.random().toString(36).slice(2, 10)}`.slice(0, 64);
    const out = await call<{ Role: { Arn: string } }>('iam', 'CreateRole', { RoleName, Path: '/service-role/', AssumeRolePolicyDocument: LAMBDA_TRUST_POLICY });
    await call('iam', 'AttachRolePolicy', { RoleName, PolicyArn: BASIC_EXECUTION_POLICY });
    return out.Role.Arn;
  }

  async function addSchedule(fn: FunctionConfig, expression: string, ruleName = ruleNameFor(fn.FunctionName)): Promise<void> {
    const rule = await call<{ RuleArn: string }>('events', 'PutRule', { Name: ruleName, ScheduleExpression: expression, State: 'ENABLED' });
    await lambda('AddPermission', { FunctionName: fn.FunctionName, StatementId: `${ruleName}-events`, Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', SourceArn: rule.RuleArn });
    await call('events', 'PutTargets', { Rule: ruleName, Targets: [{ Id: fn.FunctionName.slice(0, 64), Arn: fn.FunctionArn }] });
  }

  async function createFunction(f: NewFunction): Promise<FunctionConfig> {
    const Role = f.roleArn ?? (await newRole(f.name));
    const created = await lambda<FunctionConfig>('CreateFunction', {
      FunctionName: f.name,
      Runtime: f.runtime,
      Handler: f.handler,
      Role,
      Code: { ZipFile: packageOf(f.files) },
      ...(f.environment && Object.keys(f.environment).length ? { Environment: { Variables: f.environment } } : {}),
      ...(f.timeout ? { Timeout: f.timeout } : {}),
    });
    if (f.schedule) await addSchedule(created, f.schedule);
    return created;
  }

  async function getFunction(name: string): Promise<{ config: FunctionConfig; files?: Record<string, string>; reserved?: number }> {
    const out = await lambda<{ Configuration: FunctionConfig; Code?: { Location?: string }; Concurrency?: { ReservedConcurrentExecutions?: number } }>('GetFunction', { FunctionName: name });
    const loc = out.Code?.Location ?? '';
    const files = loc.startsWith('data:application/zip;base64,') ? filesOf(loc.slice(loc.indexOf(',') + 1)) : undefined;
    return { config: out.Configuration, ...(files ? { files } : {}), ...(out.Concurrency?.ReservedConcurrentExecutions !== undefined ? { reserved: out.Concurrency.ReservedConcurrentExecutions } : {}) };
  }

  async function invoke(name: string, event: string): Promise<InvokeResult> {
    const out = await lambda<{ StatusCode: number; FunctionError?: string; Payload?: string; LogResult?: string }>('Invoke', { FunctionName: name, LogType: 'Tail', Payload: encodePayload(event) });
    const text = (b64?: string) => (b64 ? new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))) : '');
    return { statusCode: out.StatusCode, ...(out.FunctionError ? { functionError: out.FunctionError } : {}), payload: text(out.Payload), log: text(out.LogResult) };
  }

  const deploy = (name: string, files: Record<string, string>) => lambda<FunctionConfig>('UpdateFunctionCode', { FunctionName: name, ZipFile: packageOf(files) });

  /** Schedules and patterns whose target is this function. */
  async function triggers(arn: string): Promise<{ Name: string; ScheduleExpression?: string; EventPattern?: string; State?: string }[]> {
    const names = await call<{ RuleNames?: string[] }>('events', 'ListRuleNamesByTarget', { TargetArn: arn });
    return Promise.all((names.RuleNames ?? []).map((Name) => call<{ Name: string; ScheduleExpression?: string; EventPattern?: string; State?: string }>('events', 'DescribeRule', { Name })));
  }

  /** Sums (Duration: averages) per 5 minutes over the last hour of simulated time. */
  async function metric(name: string, metricName: string, end: Date): Promise<{ t: number; v: number }[]> {
    const stat = metricName === 'Duration' ? 'Average' : metricName === 'ConcurrentExecutions' ? 'Maximum' : 'Sum';
    const out = await call<{ Datapoints?: ({ Timestamp: string } & Record<string, number | string>)[] }>('monitoring', 'GetMetricStatistics', {
      Namespace: 'AWS/Lambda',
      MetricName: metricName,
      Dimensions: [{ Name: 'FunctionName', Value: name }],
      StartTime: new Date(end.getTime() - 3600_000).toISOString(),
      EndTime: end.toISOString(),
      Period: 300,
      Statistics: [stat],
    });
    return (out.Datapoints ?? []).map((d) => ({ t: Date.parse(d.Timestamp), v: Number(d[stat]) })).sort((a, b) => a.t - b.t);
  }

  return { ...aws, lambda, call, createFunction, getFunction, invoke, deploy, addSchedule, triggers, metric };
}
