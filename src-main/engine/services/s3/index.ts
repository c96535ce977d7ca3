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
import { DeleteBucketLifecycle } from './DeleteBucketLifecycle';
import { DeleteBucketPolicy } from './DeleteBucketPolicy';
import { DeleteBucketWebsite } from './DeleteBucketWebsite';
import { DeleteObject } from './DeleteObject';
import { DeleteObjects } from './DeleteObjects';
import { GetBucketLifecycleConfiguration } from './GetBucketLifecycleConfiguration';
import { GetBucketLocation } from './GetBucketLocation';
import { GetBucketPolicy } from './GetBucketPolicy';
import { GetBucketVersioning } from './GetBucketVersioning';
import { GetBucketWebsite } from './GetBucketWebsite';
import { GetObject } from './GetObject';
import { HeadBucket } from './HeadBucket';
import { HeadObject } from './HeadObject';
import { ListBuckets } from './ListBuckets';
import { ListMultipartUploads } from './ListMultipartUploads';
import { ListObjectVersions } from './ListObjectVersions';
import { ListObjects } from './ListObjects';
import { ListObjectsV2 } from './ListObjectsV2';
import { ListParts } from './ListParts';
import { PutBucketLifecycleConfiguration } from './PutBucketLifecycleConfiguration';
import { PutBucketPolicy } from './PutBucketPolicy';
import { PutBucketVersioning } from './PutBucketVersioning';
import { PutBucketWebsite } from './PutBucketWebsite';
import { PutObject } from './PutObject';
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
    DeleteBucketLifecycle,
    DeleteBucketPolicy,
    DeleteBucketWebsite,
    DeleteObject,
    DeleteObjects,
    GetBucketLifecycleConfiguration,
    GetBucketLocation,
    GetBucketPolicy,
    GetBucketVersioning,
    GetBucketWebsite,
    GetObject,
    HeadBucket,
    HeadObject,
    ListBuckets,
    ListMultipartUploads,
    ListObjectVersions,
    ListObjects,
    ListObjectsV2,
    ListParts,
    PutBucketLifecycleConfiguration,
    PutBucketPolicy,
    PutBucketVersioning,
    PutBucketWebsite,
    PutObject,
    RestoreObject,
    UploadPart,
  },
  // Staging blobs of bodies that were streaming when the process died are garbage now.
  start: ({ store, clock }) => {
    sweepBlobs(store);
    useStore(store);
    startLifecycle({ store, clock });
  },
  iam: s3IamTable,
  cloudformation: s3Providers,
  inventory: s3Inventory,
  network: s3Network,
});

export { bucketPolicyFor } from './state/bucket-policies';
