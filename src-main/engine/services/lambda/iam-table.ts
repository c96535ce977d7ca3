/** What IAM checks for each Lambda call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

const FN = 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName|last}';

export const lambdaIamTable: ServiceTable = {
  prefix: 'lambda',
  actions: { Invoke: 'InvokeFunction', ListVersionsByFunction: 'ListVersionsByFunction' },
  extraActions: ['InvokeAsync'],
  starPrefixes: ['ListFunctions', 'ListEventSourceMappings', 'GetAccountSettings', 'CreateEventSourceMapping'],
  resources: {
    TagResource: ['${Resource}'],
    UntagResource: ['${Resource}'],
    ListTags: ['${Resource}'],
  },
  members: { FunctionName: FN },
};
