/** The S3 provider: its tables, its handlers, and the start-up sweep of interrupted uploads. */
import { defineService } from '../../core/provider';
import { s3Providers } from './cloudformation';
import { s3IamTable } from './iam-table';
import { s3Inventory } from './inventory';
import { s3Migrations } from './migrations';
import { s3Network, useStore } from './network';
import { sweepBlobs } from './state/blobs';
import { startLifecycle } from './lifecycle';
import { AbortMultipartUpload } from './AbortMultipartUpload';
import { CompleteMultipartUpload } from './CompleteMultipartUpload';
import { CopyObject } from './CopyObject';
import { CreateBucket } from './CreateBucket';
import { CreateMultipartUpload } from './CreateMultipartUpload';
import { DeleteBucket } from './DeleteBucket';
import { DeleteBucketCors } from './DeleteBucketCors';
import { DeleteBucketLifecycle } from './DeleteBucketLifecycle';
import { DeleteBucketOwnershipControls } from './DeleteBucketOwnershipControls';
import { DeleteBucketPolicy } from './DeleteBucketPolicy';
import { DeleteBucketWebsite } from './DeleteBucketWebsite';
import { DeleteObject } from './DeleteObject';
import { DeleteObjects } from './DeleteObjects';
import { DeletePublicAccessBlock } from './DeletePublicAccessBlock';
import { GetBucketAcl } from './GetBucketAcl';
import { GetBucketCors } from './GetBucketCors';
import { GetBucketLifecycleConfiguration } from './GetBucketLifecycleConfiguration';
import { GetBucketLocation } from './GetBucketLocation';
import { GetBucketNotificationConfiguration } from './GetBucketNotificationConfiguration';
import { GetBucketOwnershipControls } from './GetBucketOwnershipControls';
import { GetBucketPolicy } from './GetBucketPolicy';
import { GetBucketVersioning } from './GetBucketVersioning';
import { GetBucketWebsite } from './GetBucketWebsite';
import { GetObject } from './GetObject';
import { GetObjectAcl } from './GetObjectAcl';
import { GetPublicAccessBlock } from './GetPublicAccessBlock';
import { HeadBucket } from './HeadBucket';
import { HeadObject } from './HeadObject';
import { ListBuckets } from './ListBuckets';
import { ListMultipartUploads } from './ListMultipartUploads';
import { ListObjectVersions } from './ListObjectVersions';
import { ListObjects } from './ListObjects';
import { ListObjectsV2 } from './ListObjectsV2';
import { ListParts } from './ListParts';
import { PutBucketAcl } from './PutBucketAcl';
import { PutBucketCors } from './PutBucketCors';
import { PutBucketLifecycleConfiguration } from './PutBucketLifecycleConfiguration';
import { PutBucketNotificationConfiguration } from './PutBucketNotificationConfiguration';
import { PutBucketOwnershipControls } from './PutBucketOwnershipControls';
import { PutBucketPolicy } from './PutBucketPolicy';
import { PutBucketVersioning } from './PutBucketVersioning';
import { PutBucketWebsite } from './PutBucketWebsite';
import { PutObject } from './PutObject';
import { PutObjectAcl } from './PutObjectAcl';
import { PutPublicAccessBlock } from './PutPublicAccessBlock';
import { RestoreObject } from './RestoreObject';
import { UploadPart } from './UploadPart';

export const s3Provider = defineService({
  service: 's3',
  migrations: s3Migrations,
  handlers: {
    AbortMultipartUpload,
    CompleteMultipartUpload,
    CopyObject,
    CreateBucket,
    CreateMultipartUpload,
    DeleteBucket,
    DeleteBucketCors,
    DeleteBucketLifecycle,
    DeleteBucketOwnershipControls,
    DeleteBucketPolicy,
    DeleteBucketWebsite,
    DeleteObject,
    DeleteObjects,
    DeletePublicAccessBlock,
    GetBucketAcl,
    GetBucketCors,
    GetBucketLifecycleConfiguration,
    GetBucketLocation,
    GetBucketNotificationConfiguration,
    GetBucketOwnershipControls,
    GetBucketPolicy,
    GetBucketVersioning,
    GetBucketWebsite,
    GetObject,
    GetObjectAcl,
    GetPublicAccessBlock,
    HeadBucket,
    HeadObject,
    ListBuckets,
    ListMultipartUploads,
    ListObjectVersions,
    ListObjects,
    ListObjectsV2,
    ListParts,
    PutBucketAcl,
    PutBucketCors,
    PutBucketLifecycleConfiguration,
    PutBucketNotificationConfiguration,
    PutBucketOwnershipControls,
    PutBucketPolicy,
    PutBucketVersioning,
    PutBucketWebsite,
    PutObject,
    PutObjectAcl,
    PutPublicAccessBlock,
    RestoreObject,
    UploadPart,
  },
  // Staging blobs of bodies that were streaming when the process died are garbage now.
  start: ({ store, clock }) => {
    sweepBlobs(store);
    useStore(store, clock);
    startLifecycle({ store, clock });
  },
  iam: s3IamTable,
  cloudformation: s3Providers,
  inventory: s3Inventory,
  network: s3Network,
});

export { bucketPolicyFor } from './state/bucket-policies';
