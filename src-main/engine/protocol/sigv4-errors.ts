/**
 * SigV4 failures in AWS's own wording. S3 words most of them differently from every other service,
 * so each factory takes `s3` and picks the form that service answers.
 */
import { AwsError, invalidClientTokenId, missingAuthenticationToken, signatureDoesNotMatch } from './errors';

export const missingAuth = (s3: boolean): AwsError =>
  s3 ? new AwsError('AccessDenied', 'Access Denied', 403) : missingAuthenticationToken();

export const unknownAccessKey = (s3: boolean, accessKeyId: string): AwsError =>
  s3
    ? new AwsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, {
        extra: { AWSAccessKeyId: accessKeyId },
      })
    : invalidClientTokenId();

export const badSignature = (s3: boolean, extra?: Record<string, string>): AwsError =>
  s3
    ? new AwsError(
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        403,
        { extra },
      )
    : signatureDoesNotMatch();

export const invalidToken = (s3: boolean): AwsError =>
  s3
    ? new AwsError('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400)
    : invalidClientTokenId();

export const expiredToken = (s3: boolean): AwsError =>
  s3
    ? new AwsError('ExpiredToken', 'The provided token has expired.', 400)
    : new AwsError('ExpiredToken', 'The security token included in the request is expired', 403);

/** A malformed Authorization header (or presigned query): what is missing, in AWS's sentence form. */
export const malformedAuthorization = (s3: boolean, detail: string, authorization: string): AwsError =>
  s3
    ? new AwsError('AuthorizationHeaderMalformed', `The authorization header is malformed; ${detail}`, 400)
    : new AwsError('IncompleteSignature', `${detail} Authorization=${authorization}`, 400);

export const malformedPresign = (s3: boolean, detail: string): AwsError =>
  s3
    ? new AwsError('AuthorizationQueryParametersError', detail, 400)
    : new AwsError('IncompleteSignature', detail, 400);

export const unsupportedAlgorithm = (s3: boolean, algorithm: string): AwsError =>
  s3
    ? new AwsError('InvalidArgument', 'Unsupported Authorization Type', 400, {
        extra: { ArgumentName: 'Authorization', ArgumentValue: algorithm },
      })
    : new AwsError('IncompleteSignature', `Unsupported AWS 'algorithm': '${algorithm}'`, 400);

const MAX_SKEW_MS = 15 * 60 * 1000;
export { MAX_SKEW_MS };

/** `when` is the request's ISO basic timestamp; `now` real epoch ms. */
export const requestTimeSkewed = (s3: boolean, when: string, requestMs: number, now: number): AwsError => {
  if (s3) {
    return new AwsError(
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      403,
      {
        extra: {
          RequestTime: when,
          ServerTime: new Date(now).toISOString(),
          MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
        },
      },
    );
  }
  const iso = (ms: number): string => isoBasic(ms);
  const message =
    requestMs < now
      ? `Signature expired: ${when} is now earlier than ${iso(now - MAX_SKEW_MS)} (${iso(now)} - 15 min.)`
      : `Signature not yet current: ${when} is still later than ${iso(now + MAX_SKEW_MS)} (${iso(now)} + 15 min.)`;
  return new AwsError('SignatureDoesNotMatch', message, 403);
};

export const presignExpired = (s3: boolean, expires: string, expiresAtMs: number, now: number): AwsError =>
  s3
    ? new AwsError('AccessDenied', 'Request has expired', 403, {
        extra: {
          'X-Amz-Expires': expires,
          Expires: new Date(expiresAtMs).toISOString(),
          ServerTime: new Date(now).toISOString(),
        },
      })
    : new AwsError(
        'SignatureDoesNotMatch',
        `Signature expired: ${isoBasic(expiresAtMs)} is now earlier than ${isoBasic(now)}`,
        403,
      );

export const presignNotYetValid = (s3: boolean): AwsError =>
  s3
    ? new AwsError('AccessDenied', 'Request is not valid yet', 403)
    : new AwsError('SignatureDoesNotMatch', 'Signature not yet current', 403);

export const contentSha256Mismatch = (claimed: string, computed: string): AwsError =>
  new AwsError(
    'XAmzContentSHA256Mismatch',
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
    400,
    {
      extra: { ClientComputedContentSHA256: claimed, S3ComputedContentSHA256: computed },
    },
  );

export const missingContentSha256 = (): AwsError =>
  new AwsError('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256', 400);

export const invalidContentSha256 = (): AwsError =>
  new AwsError(
    'InvalidArgument',
    'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
    400,
    { extra: { ArgumentName: 'x-amz-content-sha256' } },
  );

export const bodyTooLarge = (limit: number): AwsError =>
  new AwsError('RequestEntityTooLarge', `Request body exceeds the ${limit} bytes this endpoint accepts.`, 413);

export const incompleteBody = (): AwsError =>
  new AwsError('IncompleteBody', 'The request body terminated unexpectedly', 400);

export const decodedLengthMismatch = (): AwsError =>
  new AwsError(
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header.',
    400,
  );

/** A chunk of an aws-chunked body that does not parse (bad size line, missing CRLF, oversize line). */
export const malformedChunk = (): AwsError =>
  new AwsError('IncompleteBody', 'The request body terminated unexpectedly', 400);

export const invalidChecksumValue = (header: string): AwsError =>
  new AwsError('InvalidRequest', `Value for ${header} header is invalid.`, 400);

/** S3 names the algorithm in upper case: "The CRC32 you specified did not match the calculated checksum." */
export const checksumMismatch = (algorithm: string): AwsError =>
  new AwsError('BadDigest', `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`, 400);

export const missingTrailer = (header: string): AwsError =>
  new AwsError(
    'MalformedTrailerError',
    `The request contained trailing data that was not well-formed or did not conform to our published schema. Missing ${header}.`,
    400,
  );

export function isoBasic(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export const missingDate = (s3: boolean, authorization: string): AwsError =>
  s3
    ? new AwsError('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header', 403)
    : malformedAuthorization(
        false,
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
        authorization,
      );

export const scopeDateMismatch = (s3: boolean, presigned: boolean, scopeDate: string, amzDate: string): AwsError => {
  if (s3) {
    const detail = 'Invalid credential date. Date is not the same as X-Amz-Date.';
    return presigned
      ? malformedPresign(true, detail)
      : new AwsError('AuthorizationHeaderMalformed', `The authorization header is malformed; ${detail}`, 400);
  }
  return new AwsError(
    'SignatureDoesNotMatch',
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    403,
  );
};

export const badPresignExpires = (s3: boolean): AwsError =>
  s3
    ? new AwsError(
        'AuthorizationQueryParametersError',
        'X-Amz-Expires must be less than a week (in seconds) that is 604800',
        400,
      )
    : new AwsError('IncompleteSignature', 'X-Amz-Expires must be a number of seconds between 1 and 604800', 400);
