/**
 * What IAM checks for each call, as data: the IAM action (when it differs from the operation name),
 * the resource ARNs (templates over the input), and the service condition keys taken from the input.
 *
 * Templates: `${Partition}`, `${Region}`, `${Account}` (the caller's), `${Member}` or a dotted path
 * with `[]` for lists (`${Delete.Objects[].Key}`; a list yields one ARN per element), `|last` (text
 * after the last `/`), `|copySource` (S3's `bucket/key` of x-amz-copy-source), `@kind` (IAM: the
 * entity's path is inserted before the name). A template whose member is absent yields nothing; an
 * operation with no ARN at all is checked against `*`, as AWS does for actions without
 * resource-level permissions (Describe*, List*).
 */

export interface ServiceTable {
  /** The IAM service prefix in policies (`cloudwatch` for the monitoring model). */
  prefix: string;
  /** Operation → IAM action name, where they differ (S3: ListObjectsV2 → ListBucket). */
  actions?: Readonly<Record<string, string>>;
  /** IAM action names that are no operation of the model (kept for policy validation). */
  extraActions?: readonly string[];
  /** Operations every caller may make, whatever its policies say (sts:GetCallerIdentity). */
  alwaysAllowed?: readonly string[];
  /** Per operation ARN templates; they replace the member templates for that operation. */
  resources?: Readonly<Record<string, readonly string[]>>;
  /** Input member → ARN template, for operations not in `resources`. */
  members?: Readonly<Record<string, string>>;
  /** Operation name prefixes that never take resource-level permissions (always `*`). */
  starPrefixes?: readonly string[];
  /** Further checks an operation needs (CopyObject reads its source). */
  also?: Readonly<Record<string, readonly { action: string; resources: readonly string[] }[]>>;
  /** Condition key (lower-case) → input member path. */
  conditionKeys?: Readonly<Record<string, string>>;
  /** For IAM: a missing `UserName` means the caller itself. */
  selfMember?: string;
  /** Operations whose resource policy must allow, whatever identity policies say (sts:AssumeRole's trust policy). */
  requireResourcePolicy?: readonly string[];
}

const ec2 = (type: string, member: string, account = '${Account}') => `arn:\${Partition}:ec2:\${Region}:${account}:${type}/\${${member}}`;

export const SERVICE_TABLES: Readonly<Record<string, ServiceTable>> = {
  ec2: {
    prefix: 'ec2',
    starPrefixes: ['Describe', 'Get', 'Create', 'Allocate', 'Import', 'Request'],
    resources: {
      RunInstances: [
        'arn:${Partition}:ec2:${Region}:${Account}:instance/*',
        'arn:${Partition}:ec2:${Region}::image/${ImageId}',
        ec2('subnet', 'SubnetId'),
        ec2('security-group', 'SecurityGroupIds[]'),
        ec2('key-pair', 'KeyName'),
      ],
    },
    members: {
      InstanceId: ec2('instance', 'InstanceId'),
      InstanceIds: ec2('instance', 'InstanceIds[]'),
      VolumeId: ec2('volume', 'VolumeId'),
      VolumeIds: ec2('volume', 'VolumeIds[]'),
      SnapshotId: ec2('snapshot', 'SnapshotId'),
      ImageId: 'arn:${Partition}:ec2:${Region}::image/${ImageId}',
      GroupId: ec2('security-group', 'GroupId'),
      SubnetId: ec2('subnet', 'SubnetId'),
      VpcId: ec2('vpc', 'VpcId'),
      KeyName: ec2('key-pair', 'KeyName'),
      NetworkInterfaceId: ec2('network-interface', 'NetworkInterfaceId'),
      AllocationId: ec2('elastic-ip', 'AllocationId'),
      InternetGatewayId: ec2('internet-gateway', 'InternetGatewayId'),
      RouteTableId: ec2('route-table', 'RouteTableId'),
      NetworkAclId: ec2('network-acl', 'NetworkAclId'),
      NatGatewayId: ec2('natgateway', 'NatGatewayId'),
      SpotInstanceRequestIds: ec2('spot-instances-request', 'SpotInstanceRequestIds[]'),
    },
  },
  s3: {
    prefix: 's3',
    actions: {
      ListBuckets: 'ListAllMyBuckets',
      ListObjects: 'ListBucket',
      ListObjectsV2: 'ListBucket',
      HeadBucket: 'ListBucket',
      HeadObject: 'GetObject',
      ListObjectVersions: 'ListBucketVersions',
      ListMultipartUploads: 'ListBucketMultipartUploads',
      ListParts: 'ListMultipartUploadParts',
      CreateMultipartUpload: 'PutObject',
      UploadPart: 'PutObject',
      UploadPartCopy: 'PutObject',
      CompleteMultipartUpload: 'PutObject',
      CopyObject: 'PutObject',
      DeleteObjects: 'DeleteObject',
      DeleteBucketPolicy: 'DeleteBucketPolicy',
      PutBucketLifecycleConfiguration: 'PutLifecycleConfiguration',
      GetBucketLifecycleConfiguration: 'GetLifecycleConfiguration',
      DeleteBucketLifecycle: 'PutLifecycleConfiguration',
      GetObjectAttributes: 'GetObject',
      RestoreObject: 'RestoreObject',
      DeleteBucketWebsite: 'DeleteBucketWebsite',
      PutBucketNotificationConfiguration: 'PutBucketNotification',
      GetBucketNotificationConfiguration: 'GetBucketNotification',
    },
    extraActions: [
      'ListAllMyBuckets', 'ListBucket', 'ListBucketVersions', 'ListBucketMultipartUploads', 'ListMultipartUploadParts',
      'GetObjectVersion', 'DeleteObjectVersion', 'PutLifecycleConfiguration', 'GetLifecycleConfiguration',
      'PutBucketNotification', 'GetBucketNotification', 'GetObjectVersionAcl', 'PutObjectVersionAcl',
      'GetObjectTagging', 'PutObjectTagging', 'GetBucketTagging', 'PutBucketTagging', 'ReplicateObject',
    ],
    resources: { ListBuckets: [] },
    members: {
      Key: 'arn:${Partition}:s3:::${Bucket}/${Key}',
      'Delete.Objects': 'arn:${Partition}:s3:::${Bucket}/${Delete.Objects[].Key}',
      Bucket: 'arn:${Partition}:s3:::${Bucket}',
    },
    also: { CopyObject: [{ action: 's3:GetObject', resources: ['arn:${Partition}:s3:::${CopySource|copySource}'] }] },
    conditionKeys: { 's3:prefix': 'Prefix', 's3:delimiter': 'Delimiter', 's3:max-keys': 'MaxKeys', 's3:x-amz-acl': 'ACL', 's3:versionid': 'VersionId' },
  },
  iam: {
    prefix: 'iam',
    starPrefixes: ['List', 'GetAccount', 'Simulate', 'GetContextKeys', 'GenerateCredentialReport', 'GetCredentialReport'],
    selfMember: 'UserName',
    resources: {
      CreateVirtualMFADevice: ['arn:${Partition}:iam::${Account}:mfa${Path}${VirtualMFADeviceName}'],
      DeleteVirtualMFADevice: ['${SerialNumber}'],
      CreateServiceLinkedRole: ['arn:${Partition}:iam::${Account}:role/aws-service-role/${AWSServiceName}/*'],
      CreateUser: ['arn:${Partition}:iam::${Account}:user${Path}${UserName}'],
      CreateGroup: ['arn:${Partition}:iam::${Account}:group${Path}${GroupName}'],
      CreateRole: ['arn:${Partition}:iam::${Account}:role${Path}${RoleName}'],
      CreateInstanceProfile: ['arn:${Partition}:iam::${Account}:instance-profile${Path}${InstanceProfileName}'],
      CreatePolicy: ['arn:${Partition}:iam::${Account}:policy${Path}${PolicyName}'],
      ListAccessKeys: ['arn:${Partition}:iam::${Account}:user/${UserName@user}'],
      ListGroupsForUser: ['arn:${Partition}:iam::${Account}:user/${UserName@user}'],
      ListMFADevices: ['arn:${Partition}:iam::${Account}:user/${UserName@user}'],
      ListUserPolicies: ['arn:${Partition}:iam::${Account}:user/${UserName@user}'],
      ListAttachedUserPolicies: ['arn:${Partition}:iam::${Account}:user/${UserName@user}'],
      ListRolePolicies: ['arn:${Partition}:iam::${Account}:role/${RoleName@role}'],
      ListAttachedRolePolicies: ['arn:${Partition}:iam::${Account}:role/${RoleName@role}'],
      ListInstanceProfilesForRole: ['arn:${Partition}:iam::${Account}:role/${RoleName@role}'],
      ListPolicyVersions: ['${PolicyArn}'],
      ListEntitiesForPolicy: ['${PolicyArn}'],
    },
    members: {
      UserName: 'arn:${Partition}:iam::${Account}:user/${UserName@user}',
      GroupName: 'arn:${Partition}:iam::${Account}:group/${GroupName@group}',
      RoleName: 'arn:${Partition}:iam::${Account}:role/${RoleName@role}',
      InstanceProfileName: 'arn:${Partition}:iam::${Account}:instance-profile/${InstanceProfileName@instance-profile}',
      PolicyArn: '${PolicyArn}',
      PolicySourceArn: '${PolicySourceArn}',
    },
  },
  sts: {
    prefix: 'sts',
    // Neither needs a permission: AWS documents that policies cannot control them.
    alwaysAllowed: ['GetCallerIdentity', 'GetSessionToken'],
    requireResourcePolicy: ['AssumeRole'],
    resources: { AssumeRole: ['${RoleArn}'], GetSessionToken: [], GetAccessKeyInfo: [], DecodeAuthorizationMessage: [], GetFederationToken: ['arn:${Partition}:sts::${Account}:federated-user/${Name}'] },
  },
  dynamodb: {
    prefix: 'dynamodb',
    starPrefixes: ['ListTables', 'DescribeLimits', 'DescribeEndpoints'],
    members: { TableName: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}' },
  },
  sqs: {
    prefix: 'sqs',
    starPrefixes: ['ListQueues'],
    resources: { CreateQueue: ['arn:${Partition}:sqs:${Region}:${Account}:${QueueName}'] },
    members: { QueueUrl: 'arn:${Partition}:sqs:${Region}:${Account}:${QueueUrl|last}' },
  },
  sns: { prefix: 'sns', members: { TopicArn: '${TopicArn}' } },
  lambda: {
    prefix: 'lambda',
    members: { FunctionName: 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}' },
  },
  logs: {
    prefix: 'logs',
    starPrefixes: ['DescribeLogGroups'],
    members: { logGroupName: 'arn:${Partition}:logs:${Region}:${Account}:log-group:${logGroupName}:*' },
  },
  cloudformation: {
    prefix: 'cloudformation',
    starPrefixes: ['ValidateTemplate', 'ListStacks', 'DescribeStacks', 'EstimateTemplateCost', 'GetTemplateSummary', 'ListExports', 'DescribeAccountLimits'],
    members: { StackName: 'arn:${Partition}:cloudformation:${Region}:${Account}:stack/${StackName}/*' },
  },
  monitoring: { prefix: 'cloudwatch', members: { AlarmName: 'arn:${Partition}:cloudwatch:${Region}:${Account}:alarm:${AlarmName}' } },
  elasticloadbalancingv2: { prefix: 'elasticloadbalancing', members: { LoadBalancerArn: '${LoadBalancerArn}', TargetGroupArn: '${TargetGroupArn}' } },
  elasticloadbalancing: { prefix: 'elasticloadbalancing' },
  autoscaling: {
    prefix: 'autoscaling',
    starPrefixes: ['Describe'],
    members: { AutoScalingGroupName: 'arn:${Partition}:autoscaling:${Region}:${Account}:autoScalingGroup:*:autoScalingGroupName/${AutoScalingGroupName}' },
  },
  rds: {
    prefix: 'rds',
    members: {
      DBInstanceIdentifier: 'arn:${Partition}:rds:${Region}:${Account}:db:${DBInstanceIdentifier}',
      DBSnapshotIdentifier: 'arn:${Partition}:rds:${Region}:${Account}:snapshot:${DBSnapshotIdentifier}',
    },
  },
};

/** The IAM prefix of a model service (its signing name unless the table says otherwise). */
export const prefixOf = (service: string): string => SERVICE_TABLES[service]?.prefix ?? service;

/** Model services by IAM prefix (elasticloadbalancing covers both load balancer models). */
export function servicesByPrefix(services: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of services) {
    const p = prefixOf(s);
    out.set(p, [...(out.get(p) ?? []), s]);
  }
  return out;
}

export interface ArnEnv {
  partition: string;
  region: string;
  account: string;
  /** IAM paths for `@kind` templates ('/' when unknown). */
  pathOf?(kind: string, name: string): string;
}

/** Values of a dotted member path, `[]` expanding lists. */
function valuesAt(input: unknown, path: string): string[] {
  let current: unknown[] = [input];
  for (const raw of path.split('.')) {
    const list = raw.endsWith('[]');
    const name = list ? raw.slice(0, -2) : raw;
    const next: unknown[] = [];
    for (const c of current) {
      if (c === null || typeof c !== 'object') continue;
      const v = (c as Record<string, unknown>)[name];
      if (v === undefined || v === null) continue;
      if (list && Array.isArray(v)) next.push(...(v as unknown[]));
      else next.push(v);
    }
    current = next;
  }
  return current.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
}

function copySource(v: string): string {
  let s = v.startsWith('/') ? v.slice(1) : v;
  const q = s.indexOf('?versionId=');
  if (q >= 0) s = s.slice(0, q);
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const PLACEHOLDER = /\$\{([^}]+)\}/g;

/** Expands one template; [] when a member it names is absent. */
export function expandTemplate(template: string, input: Record<string, unknown>, env: ArnEnv): string[] {
  let results = [''];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(last, m.index);
    last = m.index! + m[0].length;
    const spec = m[1]!;
    let values: string[];
    if (spec === 'Partition') values = [env.partition];
    else if (spec === 'Region') values = [env.region];
    else if (spec === 'Account') values = [env.account];
    else {
      const [pathAndKind, filter] = spec.split('|') as [string, string | undefined];
      const [path, kind] = pathAndKind.split('@') as [string, string | undefined];
      values = valuesAt(input, path);
      if (path === 'Path' && values.length === 0) values = ['/'];
      if (filter === 'last') values = values.map((v) => v.slice(v.lastIndexOf('/') + 1));
      if (filter === 'copySource') values = values.map(copySource);
      if (kind && env.pathOf) values = values.map((v) => env.pathOf!(kind, v).slice(1) + v);
    }
    if (values.length === 0) return [];
    const next: string[] = [];
    for (const r of results) for (const v of values) next.push(r + literal + v);
    results = next;
  }
  return results.map((r) => r + template.slice(last));
}
