/**
 * The one error type an operation may raise. Anything else thrown by a handler is a bug and
 * reaches the client as a 500 InternalFailure.
 */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fault: 'client' | 'server';
  /** Extra members some protocols put into the error body (S3: BucketName, Key, Resource, ...). */
  readonly extra: Record<string, string>;
  /** Extra response headers (e.g. S3's x-amz-bucket-region). */
  readonly headers: Record<string, string>;

  constructor(
    code: string,
    message: string,
    status = 400,
    opts: { fault?: 'client' | 'server'; extra?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.status = status;
    this.fault = opts.fault ?? (status >= 500 ? 'server' : 'client');
    this.extra = opts.extra ?? Object.create(null);
    this.headers = opts.headers ?? Object.create(null);
  }
}

export const isAwsError = (e: unknown): e is AwsError => e instanceof AwsError;

// Errors every protocol can raise, in AWS's common wording.

export const internalFailure = (): AwsError =>
  new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);

export const notImplementedInLab = (service: string, operation: string): AwsError =>
  new AwsError(
    'NotImplemented',
    `${service}:${operation} is not implemented in Nimbus Lab yet. The lab understands the request but has no behaviour for it.`,
    501,
  );

export const invalidAction = (action: string): AwsError =>
  new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`, 400);

export const unknownOperation = (): AwsError =>
  new AwsError('UnknownOperationException', 'Operation is not supported.', 400);

export const missingAuthenticationToken = (): AwsError =>
  new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);

export const invalidClientTokenId = (): AwsError =>
  new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);

export const signatureDoesNotMatch = (): AwsError =>
  new AwsError(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    403,
  );

export const accessDenied = (message: string): AwsError => new AwsError('AccessDenied', message, 403);

// Wire-layer errors for requests the gateway cannot route (added by the protocol layer).

export const missingAction = (): AwsError => new AwsError('MissingAction', 'Missing Action', 400);

export const unknownService = (signingName: string): AwsError =>
  new AwsError('NotImplemented', `The service '${signingName}' is not simulated in Nimbus Lab.`, 501);

export const s3MethodNotAllowed = (method: string): AwsError =>
  new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
    extra: { Method: method, ResourceType: 'OBJECT' },
  });

export const s3NotImplemented = (): AwsError =>
  new AwsError('NotImplemented', 'A header you provided implies functionality that is not implemented', 501);

export const restUnknownOperation = (): AwsError =>
  new AwsError('UnknownOperationException', 'Operation is not supported.', 404);
