/**
 * S3 names its response root elements after the resource, not the operation, and the v2 models do not
 * carry those names; this table holds them (fallback: `<Operation>Result`).
 */
export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

const ROOTS: Record<string, string> = {
  ListBuckets: 'ListAllMyBucketsResult',
  ListDirectoryBuckets: 'ListAllMyDirectoryBucketsResult',
  ListObjects: 'ListBucketResult',
  ListObjectsV2: 'ListBucketResult',
  ListObjectVersions: 'ListVersionsResult',
  GetBucketLocation: 'LocationConstraint',
  CreateMultipartUpload: 'InitiateMultipartUploadResult',
  CompleteMultipartUpload: 'CompleteMultipartUploadResult',
  ListMultipartUploads: 'ListMultipartUploadsResult',
  ListParts: 'ListPartsResult',
  DeleteObjects: 'DeleteResult',
  GetBucketAcl: 'AccessControlPolicy',
  GetObjectAcl: 'AccessControlPolicy',
  GetBucketVersioning: 'VersioningConfiguration',
  GetBucketTagging: 'Tagging',
  GetObjectTagging: 'Tagging',
  GetBucketCors: 'CORSConfiguration',
  GetBucketWebsite: 'WebsiteConfiguration',
  GetBucketLifecycle: 'LifecycleConfiguration',
  GetBucketLifecycleConfiguration: 'LifecycleConfiguration',
  GetBucketNotification: 'NotificationConfiguration',
  GetBucketNotificationConfiguration: 'NotificationConfiguration',
  GetBucketLogging: 'BucketLoggingStatus',
  GetBucketRequestPayment: 'RequestPaymentConfiguration',
  GetBucketAccelerateConfiguration: 'AccelerateConfiguration',
  GetBucketReplication: 'ReplicationConfiguration',
  GetObjectAttributes: 'GetObjectAttributesResponse',
  ListBucketAnalyticsConfigurations: 'ListBucketAnalyticsConfigurationResult',
  ListBucketInventoryConfigurations: 'ListInventoryConfigurationsResult',
  ListBucketMetricsConfigurations: 'ListMetricsConfigurationsResult',
  ListBucketIntelligentTieringConfigurations: 'ListBucketIntelligentTieringConfigurationsOutput',
  CreateSession: 'CreateSessionResult',
};

export const s3RootElement = (operation: string): string => ROOTS[operation] ?? `${operation}Result`;
