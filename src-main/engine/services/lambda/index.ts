/**
 * Lambda: functions whose code really runs (Node.js in a permission-model sandbox process, Python in
 * CPython compiled to WebAssembly), off the main thread under the engine's supervisor, with the
 * execution role's credentials for the SDK calls they make, logs in CloudWatch Logs and metrics in
 * CloudWatch. Triggers reach it through Invoke (EventBridge, SNS, CloudWatch alarms).
 */
import { defineService } from '../../core/provider';
import { lambdaResourceTypes } from './cloudformation';
import { lambdaIamTable } from './iam-table';
import { lambdaInventory } from './inventory';
import { lambdaMigrations } from './migrations';
import { startInvoker } from './runtime/invoker';
import { CreateEventSourceMapping, DeleteEventSourceMapping, GetEventSourceMapping, ListEventSourceMappings, UpdateEventSourceMapping, startMappingPoller } from './event-source-mappings';
import type { ServiceStart } from '../../core/provider';
import { CreateFunction } from './CreateFunction';
import { DeleteFunction } from './DeleteFunction';
import { GetFunction } from './GetFunction';
import { GetFunctionConfiguration } from './GetFunctionConfiguration';
import { Invoke } from './Invoke';
import { ListFunctions } from './ListFunctions';
import { UpdateFunctionCode } from './UpdateFunctionCode';
import { UpdateFunctionConfiguration } from './UpdateFunctionConfiguration';
import { AddPermission, GetPolicy, RemovePermission } from './permissions';
import { DeleteFunctionConcurrency, GetFunctionConcurrency, PutFunctionConcurrency } from './concurrency';
import { ListTags, TagResource, UntagResource } from './tags';
import { CreateAlias, DeleteAlias, GetAlias, ListAliases, ListVersionsByFunction, PublishVersion, UpdateAlias } from './versions';

export const lambdaProvider = defineService({
  service: 'lambda',
  migrations: lambdaMigrations,
  handlers: {
    AddPermission,
    CreateAlias,
    CreateEventSourceMapping,
    CreateFunction,
    DeleteAlias,
    DeleteEventSourceMapping,
    DeleteFunction,
    DeleteFunctionConcurrency,
    GetAlias,
    GetEventSourceMapping,
    GetFunction,
    GetFunctionConcurrency,
    GetFunctionConfiguration,
    GetPolicy,
    Invoke,
    ListAliases,
    ListEventSourceMappings,
    ListFunctions,
    ListTags,
    ListVersionsByFunction,
    PublishVersion,
    PutFunctionConcurrency,
    RemovePermission,
    TagResource,
    UntagResource,
    UpdateAlias,
    UpdateEventSourceMapping,
    UpdateFunctionCode,
    UpdateFunctionConfiguration,
  },
  start: (engine: ServiceStart) => {
    startInvoker(engine);
    startMappingPoller(engine);
  },
  iam: lambdaIamTable,
  cloudformation: lambdaResourceTypes,
  inventory: lambdaInventory,
});

export { setLambdaInternet, type LambdaInternet } from './runtime/bridge';
