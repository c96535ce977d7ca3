/**
 * What IAM checks for each call of a service, as data (a service declares it in its manifest's
 * `iam` field; engine/iam/resource-table.ts expands the templates). It sits in core so services
 * declare it without importing the IAM layer's internals.
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
