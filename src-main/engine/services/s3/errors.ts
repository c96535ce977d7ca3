/**
 * S3's errors, one factory per AWS code, in S3's own wording. The extra members are the elements S3
 * adds to its <Error> body next to Code and Message (BucketName, Key, UploadId...).
 */
import { AwsError } from '../../protocol/errors';

const extra = (members: Record<string, string | number | undefined>): Record<string, string> => {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(members)) if (v !== undefined) out[k] = String(v);
  return out;
};
const s3Error = (code: string, message: string, status: number, members: Record<string, string | number | undefined> = {}) =>
  new AwsError(code, message, status, { extra: extra(members) });

export const MAX_KEY_BYTES = 1024;
export const MAX_METADATA_BYTES = 2048;
export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_OBJECT_SIZE = 5 * 1024 ** 3;

// Buckets

export const noSuchBucket = (bucket: string) =>
  s3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });

export const invalidBucketName = (bucket: string) =>
  s3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket });

export const bucketAlreadyOwnedByYou = (bucket: string) =>
  s3Error('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, {
    BucketName: bucket,
  });

export const bucketAlreadyExists = (bucket: string) =>
  s3Error(
    'BucketAlreadyExists',
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    409,
    { BucketName: bucket },
  );

export const bucketNotEmpty = (bucket: string) =>
  s3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: bucket });

/** `constraint` undefined = the request named no location constraint. */
export const illegalLocationConstraintException = (constraint: string | undefined) =>
  s3Error(
    'IllegalLocationConstraintException',
    `The ${constraint ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    400,
  );

export const invalidLocationConstraint = (constraint: string) =>
  s3Error('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, { LocationConstraint: constraint });

export const accessDenied = () => s3Error('AccessDenied', 'Access Denied', 403);

// Objects

export const noSuchKey = (key: string) => s3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });

export const keyTooLongError = (size: number) =>
  s3Error('KeyTooLongError', 'Your key is too long', 400, { Size: size, MaxSizeAllowed: MAX_KEY_BYTES });

export const metadataTooLarge = (size: number) =>
  s3Error('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', 400, {
    Size: size,
    MaxSizeAllowed: MAX_METADATA_BYTES,
  });

export const invalidStorageClass = (storageClass: string) =>
  s3Error('InvalidStorageClass', 'The storage class you specified is not valid', 400, { StorageClassRequested: storageClass });

export const invalidDigest = (contentMd5: string) =>
  s3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400, { 'Content-MD5': contentMd5 });

export const badDigest = (expected: string, calculated: string) =>
  s3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, {
    ExpectedDigest: expected,
    CalculatedDigest: calculated,
  });

/** A negative max-keys / max-uploads, in S3's words (ArgumentName/ArgumentValue as S3 sends them). */
export const invalidLimit = (argument: string, value: number) =>
  s3Error('InvalidArgument', `Argument ${argument} must be an integer between 0 and 2147483647`, 400, { ArgumentName: argument, ArgumentValue: value });

export const incompleteBody = () =>
  s3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', 400);

export const entityTooLarge = (proposedSize: number, maxSize: number) =>
  s3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, {
    ProposedSize: proposedSize,
    MaxSizeAllowed: maxSize,
  });

export const invalidRange = (requested: string, size: number) =>
  s3Error('InvalidRange', 'The requested range is not satisfiable', 416, { RangeRequested: requested, ActualObjectSize: size });

export const preconditionFailed = (condition: string) =>
  s3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, { Condition: condition });

/** 304 carries no body on the wire; the serializer omits it. */
export const notModified = () => s3Error('NotModified', 'Not Modified', 304);

export const invalidArgument = (message: string, argumentName: string, argumentValue: string | undefined) =>
  s3Error('InvalidArgument', message, 400, { ArgumentName: argumentName, ArgumentValue: argumentValue });

export const invalidContinuationToken = (token: string) =>
  invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);

export const invalidCopySource = (copySource: string) =>
  invalidArgument('Copy Source must mention the source bucket and key: sourcebucket/sourcekey', 'x-amz-copy-source', copySource);

export const invalidMetadataDirective = (directive: string) =>
  invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', directive);

export const copyToItself = () =>
  s3Error(
    'InvalidRequest',
    "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    400,
  );

export const copySourceTooLarge = () =>
  s3Error(
    'InvalidRequest',
    `The specified copy source is larger than the maximum allowable size for a copy source: ${MAX_OBJECT_SIZE}`,
    400,
  );

export const malformedXML = () =>
  s3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);

// Multipart

export const noSuchUpload = (uploadId: string) =>
  s3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    404,
    { UploadId: uploadId },
  );

export const invalidPartNumber = (partNumber: number) =>
  invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', String(partNumber));

export const invalidPartOrder = (uploadId: string) =>
  s3Error('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', 400, {
    UploadId: uploadId,
  });

export const invalidPart = (uploadId: string, partNumber: number, etag: string | undefined) =>
  s3Error(
    'InvalidPart',
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
    { UploadId: uploadId, PartNumber: partNumber, ETag: etag },
  );

export const entityTooSmall = (uploadId: string, partNumber: number, size: number, etag: string) =>
  s3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', 400, {
    UploadId: uploadId,
    ProposedSize: size,
    MinSizeAllowed: MIN_PART_SIZE,
    PartNumber: partNumber,
    ETag: etag,
  });

// Bucket policies

export const noSuchBucketPolicy = (bucket: string) => s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, { BucketName: bucket });

export const noSuchWebsiteConfiguration = (bucket: string) =>
  s3Error('NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration', 404, { BucketName: bucket });
export const malformedWebsite = (message: string) => s3Error('MalformedXML', message, 400);

// Versions

export const noSuchVersion = (key: string, versionId: string) =>
  s3Error('NoSuchVersion', 'The specified version does not exist.', 404, { Key: key, VersionId: versionId });

export const invalidVersionId = (versionId: string) => invalidArgument('Invalid version id specified', 'versionId', versionId);

/** A GET/HEAD of a key whose newest version is a delete marker. */
export const noSuchKeyDeleted = (key: string, markerVersionId: string) =>
  new AwsError('NoSuchKey', 'The specified key does not exist.', 404, {
    extra: extra({ Key: key }),
    headers: { 'x-amz-delete-marker': 'true', 'x-amz-version-id': markerVersionId },
  });

/** A GET/HEAD naming a delete marker's version id. */
export const deleteMarkerNotAllowed = (method: string, markerVersionId: string, lastModified: number) =>
  new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
    extra: extra({ Method: method, ResourceType: 'DeleteMarker' }),
    headers: { 'x-amz-delete-marker': 'true', 'x-amz-version-id': markerVersionId, 'last-modified': new Date(lastModified).toUTCString() },
  });

// Archive classes and restores

export const invalidObjectState = (storageClass: string) =>
  s3Error('InvalidObjectState', "The operation is not valid for the object's storage class", 403, { StorageClass: storageClass });

export const restoreNotAllowed = (storageClass: string) =>
  s3Error('InvalidObjectState', "Restore is not allowed for the object's current storage class", 403, { StorageClass: storageClass });

export const restoreAlreadyInProgress = () => s3Error('RestoreAlreadyInProgress', 'Object restore is already in progress', 409);

// Lifecycle

export const noSuchLifecycleConfiguration = (bucket: string) =>
  s3Error('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404, { BucketName: bucket });

// Block Public Access and Object Ownership

export const noSuchPublicAccessBlockConfiguration = (bucket: string) =>
  s3Error('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404, { BucketName: bucket });

export const ownershipControlsNotFound = (bucket: string) =>
  s3Error('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404, { BucketName: bucket });

export const noSuchCorsConfiguration = (bucket: string) =>
  s3Error('NoSuchCORSConfiguration', 'The CORS configuration does not exist', 404, { BucketName: bucket });
