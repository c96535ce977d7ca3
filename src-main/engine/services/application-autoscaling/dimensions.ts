/** The scalable dimensions the lab acts on: DynamoDB tables and global secondary indexes. */
import { notScalableInLab, validation } from './errors';

export interface DynamoTarget {
  table: string;
  index?: string;
  kind: 'read' | 'write';
}

const DIMENSIONS: Record<string, { index: boolean; kind: 'read' | 'write' }> = {
  'dynamodb:table:ReadCapacityUnits': { index: false, kind: 'read' },
  'dynamodb:table:WriteCapacityUnits': { index: false, kind: 'write' },
  'dynamodb:index:ReadCapacityUnits': { index: true, kind: 'read' },
  'dynamodb:index:WriteCapacityUnits': { index: true, kind: 'write' },
};

const NAMESPACES = [
  'ecs',
  'elasticmapreduce',
  'ec2',
  'appstream',
  'dynamodb',
  'rds',
  'sagemaker',
  'custom-resource',
  'comprehend',
  'lambda',
  'cassandra',
  'kafka',
  'elasticache',
  'neptune',
  'workspaces',
];

/** Parses a DynamoDB target, or says honestly that other namespaces are not simulated. */
export function dynamoTarget(namespace: string, resourceId: string, dimension: string): DynamoTarget {
  if (!NAMESPACES.includes(namespace))
    throw validation(
      `1 validation error detected: Value '${namespace}' at 'serviceNamespace' failed to satisfy constraint: Member must satisfy enum value set: [${NAMESPACES.join(', ')}]`,
    );
  if (namespace !== 'dynamodb') throw notScalableInLab(namespace);
  const d = DIMENSIONS[dimension];
  const m = /^table\/([a-zA-Z0-9_.-]{3,255})(?:\/index\/([a-zA-Z0-9_.-]{3,255}))?$/.exec(resourceId);
  if (!d || !m || !!m[2] !== d.index)
    throw validation('Unsupported service namespace, resource type or scalable dimension');
  return { table: m[1]!, index: m[2], kind: d.kind };
}
