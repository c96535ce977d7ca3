/**
 * The shape of AWS's service models as shipped in the aws-sdk v2 package's `apis/` folder
 * (`<svc>-<version>.min.json`). Only the parts the lab reads are typed here.
 */

export type Protocol = 'query' | 'ec2' | 'json' | 'rest-json' | 'rest-xml';

export interface ModelMetadata {
  apiVersion: string;
  endpointPrefix: string;
  protocol: Protocol;
  serviceId?: string;
  serviceFullName?: string;
  signatureVersion?: string;
  signingName?: string;
  jsonVersion?: string;
  targetPrefix?: string;
  xmlNamespace?: string;
  globalEndpoint?: string;
  uid?: string;
  /** SQS and a few others accept the query form next to JSON (awsQueryCompatible). */
  awsQueryCompatible?: Record<string, unknown>;
  [k: string]: unknown;
}

export interface ShapeRef {
  shape?: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode' | 'body';
  locationName?: string;
  queryName?: string;
  xmlNamespace?: { prefix?: string; uri: string };
  xmlAttribute?: boolean;
  flattened?: boolean;
  streaming?: boolean;
  idempotencyToken?: boolean;
  jsonvalue?: boolean;
  timestampFormat?: 'iso8601' | 'rfc822' | 'unixTimestamp';
  hostLabel?: boolean;
  deprecated?: boolean;
  contextParam?: unknown;
}

/** A shape; min.json inlines many structures into the operation or member that uses them. */
export interface Shape extends ShapeRef {
  type?: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob' | 'character';
  members?: Record<string, Shape>;
  required?: string[];
  member?: Shape;
  key?: Shape;
  value?: Shape;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  payload?: string;
  sensitive?: boolean;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  wrapper?: boolean;
  /** Name of the named shape this was resolved from (set by the loader). */
  shapeName?: string;
  resultWrapper?: string;
  box?: boolean;
  union?: boolean;
  [k: string]: unknown;
}

export interface OperationModel {
  name: string;
  http?: { method?: string; requestUri?: string; responseCode?: number };
  input?: Shape;
  output?: Shape;
  errors?: Shape[];
  endpoint?: { hostPrefix?: string };
  httpChecksumRequired?: boolean;
  httpChecksum?: unknown;
  alias?: string;
  deprecated?: boolean;
  [k: string]: unknown;
}

export interface ServiceModel {
  version?: string;
  metadata: ModelMetadata;
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
  paginators?: Record<string, unknown>;
  waiters?: Record<string, unknown>;
}
