import type { Migration } from '../../store/store';

/**
 * S3 state. Buckets are global per partition (scope 'partition'), but still record the owning
 * account and the region they live in. Object data lives in SQLite as blobs of ordered chunks, so a
 * chapter reset (a database snapshot) also resets object bodies.
 */
export const s3Migrations: Migration[] = [
  {
    scope: 's3',
    version: 1,
    name: 'buckets, objects, blobs, multipart uploads',
    up: `
      -- Scope: partition. Names are unique per partition; account_id and region say who/where.
      CREATE TABLE s3_buckets (
        id INTEGER PRIMARY KEY,
        partition TEXT NOT NULL,
        name TEXT NOT NULL,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (partition, name)
      );
      CREATE INDEX s3_buckets_by_account ON s3_buckets (account_id, name);

      -- A body: ordered chunks of at most 1 MiB. 'staging' while a request streams it in; only
      -- 'committed' blobs are ever referenced. Unreferenced blobs are garbage (see state/blobs.ts).
      CREATE TABLE s3_blobs (
        id INTEGER PRIMARY KEY,
        state TEXT NOT NULL,
        size INTEGER NOT NULL,
        md5 TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE s3_chunks (
        blob_id INTEGER NOT NULL,
        offset INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (blob_id, offset)
      );

      -- Scope: the bucket. headers/metadata are JSON (null when empty).
      CREATE TABLE s3_objects (
        id INTEGER PRIMARY KEY,
        bucket_id INTEGER NOT NULL REFERENCES s3_buckets (id),
        key TEXT NOT NULL,
        size INTEGER NOT NULL,
        etag TEXT NOT NULL,
        last_modified INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        storage_class TEXT NOT NULL,
        headers TEXT,
        metadata TEXT,
        parts_count INTEGER,
        UNIQUE (bucket_id, key)
      );
      -- An object's body is the concatenation of its blobs (one for PutObject, one per part after
      -- CompleteMultipartUpload). Copies share blobs.
      CREATE TABLE s3_object_blobs (
        object_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        blob_id INTEGER NOT NULL,
        size INTEGER NOT NULL,
        PRIMARY KEY (object_id, seq)
      );
      CREATE INDEX s3_object_blobs_by_blob ON s3_object_blobs (blob_id);

      CREATE TABLE s3_uploads (
        id INTEGER PRIMARY KEY,
        upload_id TEXT NOT NULL UNIQUE,
        bucket_id INTEGER NOT NULL REFERENCES s3_buckets (id),
        key TEXT NOT NULL,
        initiated INTEGER NOT NULL,
        initiator_id TEXT NOT NULL,
        initiator_name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        storage_class TEXT NOT NULL,
        headers TEXT,
        metadata TEXT
      );
      CREATE INDEX s3_uploads_by_key ON s3_uploads (bucket_id, key, id);
      CREATE TABLE s3_parts (
        upload_id INTEGER NOT NULL REFERENCES s3_uploads (id),
        part_number INTEGER NOT NULL,
        blob_id INTEGER NOT NULL,
        size INTEGER NOT NULL,
        etag TEXT NOT NULL,
        last_modified INTEGER NOT NULL,
        PRIMARY KEY (upload_id, part_number)
      );
      CREATE INDEX s3_parts_by_blob ON s3_parts (blob_id);
    `,
  },
  {
    scope: 's3',
    version: 2,
    name: 'bucket policies',
    up: `
      -- One policy document per bucket; goes with its bucket.
      CREATE TABLE s3_bucket_policies (
        bucket_id INTEGER PRIMARY KEY REFERENCES s3_buckets (id) ON DELETE CASCADE,
        policy TEXT NOT NULL
      );
    `,
  },
  {
    scope: 's3',
    version: 3,
    name: 'bucket websites',
    up: `
      -- A bucket's static website configuration (PutBucketWebsite), as the JSON of its WebsiteConfiguration.
      CREATE TABLE s3_bucket_websites (
        bucket_id INTEGER PRIMARY KEY REFERENCES s3_buckets (id) ON DELETE CASCADE,
        config TEXT NOT NULL
      );
    `,
  },
  {
    scope: 's3',
    version: 4,
    name: 'versioning, noncurrent versions and delete markers, restores, lifecycle',
    up: `
      -- NULL: never versioned; 'Enabled' or 'Suspended' once PutBucketVersioning has been called.
      ALTER TABLE s3_buckets ADD COLUMN versioning TEXT;
      -- s3_objects keeps the current version of each key (a latest delete marker has no row there).
      -- version_id NULL is S3's 'null' version. restore: JSON {tier, readyAt, expiresAt} of a restore
      -- from an archive class.
      ALTER TABLE s3_objects ADD COLUMN version_id TEXT;
      ALTER TABLE s3_objects ADD COLUMN restore TEXT;
      -- Noncurrent versions and delete markers, newest = highest id per key.
      CREATE TABLE s3_versions (
        id INTEGER PRIMARY KEY,
        bucket_id INTEGER NOT NULL REFERENCES s3_buckets (id),
        key TEXT NOT NULL,
        version_id TEXT NOT NULL,
        delete_marker INTEGER NOT NULL,
        noncurrent_at INTEGER NOT NULL,
        size INTEGER NOT NULL,
        etag TEXT NOT NULL,
        last_modified INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        storage_class TEXT NOT NULL,
        headers TEXT,
        metadata TEXT,
        parts_count INTEGER,
        restore TEXT
      );
      CREATE INDEX s3_versions_by_key ON s3_versions (bucket_id, key, id);
      CREATE TABLE s3_version_blobs (
        version_row INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        blob_id INTEGER NOT NULL,
        size INTEGER NOT NULL,
        PRIMARY KEY (version_row, seq)
      );
      CREATE INDEX s3_version_blobs_by_blob ON s3_version_blobs (blob_id);
      -- A bucket's lifecycle rules, as the JSON of its LifecycleConfiguration.
      CREATE TABLE s3_bucket_lifecycles (
        bucket_id INTEGER PRIMARY KEY REFERENCES s3_buckets (id) ON DELETE CASCADE,
        config TEXT NOT NULL
      );
    `,
  },
  {
    scope: 's3',
    version: 5,
    name: 'ACLs, Block Public Access, Object Ownership',
    up: `
      -- acl: JSON list of grants (NULL = the owner's FULL_CONTROL only, S3's "private").
      ALTER TABLE s3_buckets ADD COLUMN acl TEXT;
      -- JSON PublicAccessBlockConfiguration (NULL = none set) and ObjectOwnership (NULL = ObjectWriter).
      ALTER TABLE s3_buckets ADD COLUMN public_access_block TEXT;
      ALTER TABLE s3_buckets ADD COLUMN ownership TEXT;
      ALTER TABLE s3_objects ADD COLUMN acl TEXT;
      ALTER TABLE s3_versions ADD COLUMN acl TEXT;
    `,
  },
  {
    scope: 's3',
    version: 6,
    name: 'CORS configurations',
    up: `
      -- JSON CORSRules of PutBucketCors (NULL = none).
      ALTER TABLE s3_buckets ADD COLUMN cors TEXT;
    `,
  },
  {
    scope: 's3',
    version: 7,
    name: 'event notifications',
    up: `
      -- JSON NotificationConfiguration (queue, topic and Lambda targets), NULL = none.
      ALTER TABLE s3_buckets ADD COLUMN notifications TEXT;
    `,
  },
];
