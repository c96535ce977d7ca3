import type { Migration } from '../../store/store';

/**
 * Tables of the compute half of EC2 (scope 'ec2-compute'; the network half uses 'ec2-network').
 * Every table is scoped by account + region (its first two columns) and rows keep their creation
 * order in the integer `id`, which is the order Describe* answers in. Times are simulated epoch ms.
 */
export const computeMigrations: Migration[] = [
  {
    scope: 'ec2-compute',
    version: 1,
    name: 'key pairs, instances, volumes, snapshots, spot requests, lifecycle, usage meter',
    up: `
      CREATE TABLE ec2_key_pairs (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        key_pair_id TEXT NOT NULL UNIQUE,
        key_name TEXT NOT NULL,
        key_type TEXT NOT NULL,              -- rsa | ed25519
        fingerprint TEXT NOT NULL,
        public_key TEXT NOT NULL,            -- OpenSSH one-line form: what the guest's sshd trusts
        created_at INTEGER NOT NULL,
        UNIQUE (account_id, region, key_name)
      );

      CREATE TABLE ec2_instances (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        instance_id TEXT NOT NULL UNIQUE,
        reservation_id TEXT NOT NULL,
        requester_id TEXT,
        ami_launch_index INTEGER NOT NULL,
        image_id TEXT NOT NULL,
        instance_type TEXT NOT NULL,
        key_name TEXT,
        state TEXT NOT NULL,                 -- pending | running | shutting-down | terminated | stopping | stopped
        state_transition_reason TEXT NOT NULL DEFAULT '',
        state_reason_code TEXT,
        state_reason_message TEXT,
        launch_time INTEGER NOT NULL,
        availability_zone TEXT NOT NULL,
        subnet_id TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        root_device_name TEXT NOT NULL,
        user_data TEXT,                      -- base64, as sent
        iam_profile_arn TEXT,
        iam_profile_id TEXT,
        monitoring TEXT NOT NULL,            -- disabled | enabled
        disable_api_termination INTEGER NOT NULL DEFAULT 0,
        disable_api_stop INTEGER NOT NULL DEFAULT 0,
        shutdown_behavior TEXT NOT NULL DEFAULT 'stop',
        ebs_optimized INTEGER NOT NULL DEFAULT 0,
        client_token TEXT,
        spot_request_id TEXT,
        instance_store TEXT,                 -- JSON [{deviceName, virtualName, sizeGB, type, dataId}]
        console_output TEXT NOT NULL DEFAULT '',
        terminated_at INTEGER
      );
      CREATE INDEX ec2_instances_scope ON ec2_instances (account_id, region, state);
      CREATE INDEX ec2_instances_type ON ec2_instances (account_id, region, instance_type);
      CREATE INDEX ec2_instances_token ON ec2_instances (account_id, region, client_token);

      CREATE TABLE ec2_volumes (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        volume_id TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        volume_type TEXT NOT NULL,
        iops INTEGER,
        throughput INTEGER,
        availability_zone TEXT NOT NULL,
        snapshot_id TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL,                 -- creating | available | in-use | deleting | deleted
        encrypted INTEGER NOT NULL DEFAULT 0,
        kms_key_id TEXT,
        multi_attach INTEGER NOT NULL DEFAULT 0,
        data_id TEXT NOT NULL,               -- the guest layer's disk behind this volume
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ec2_volumes_scope ON ec2_volumes (account_id, region);

      -- state: attaching | attached | detaching. The row is removed once detached.
      CREATE TABLE ec2_volume_attachments (
        volume_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        instance_id TEXT NOT NULL,
        device TEXT NOT NULL,
        state TEXT NOT NULL,
        attach_time INTEGER NOT NULL,
        delete_on_termination INTEGER NOT NULL,
        UNIQUE (instance_id, device)
      );

      CREATE TABLE ec2_snapshots (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        snapshot_id TEXT NOT NULL UNIQUE,
        volume_id TEXT NOT NULL,
        volume_size INTEGER NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL,                 -- pending | completed | error
        encrypted INTEGER NOT NULL DEFAULT 0,
        kms_key_id TEXT,
        data_id TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        completes_at INTEGER NOT NULL
      );
      CREATE INDEX ec2_snapshots_scope ON ec2_snapshots (account_id, region);

      CREATE TABLE ec2_spot_requests (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        request_id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,                  -- one-time | persistent
        state TEXT NOT NULL,                 -- open | active | closed | cancelled | failed
        status_code TEXT NOT NULL,
        status_message TEXT NOT NULL,
        status_time INTEGER NOT NULL,
        spot_price TEXT NOT NULL,            -- the maximum price, as the learner sent it
        launch_spec TEXT NOT NULL,           -- JSON of the LaunchSpecification
        instance_id TEXT,
        availability_zone TEXT,
        valid_from INTEGER,
        valid_until INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ec2_spot_scope ON ec2_spot_requests (account_id, region);

      -- Pending lifecycle steps of every kind of resource (instances, volumes, snapshots, spot
      -- requests): what happens to which resource when. Survives restarts; see instance-lifecycle.ts.
      CREATE TABLE ec2_lifecycle (
        resource_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        PRIMARY KEY (resource_id, kind)
      );
      CREATE INDEX ec2_lifecycle_due ON ec2_lifecycle (due_at);

      -- The usage meter behind costs.ts: one open row (ended_at NULL) per billable resource and
      -- what it is billed as, closed when that changes.
      CREATE TABLE ec2_usage (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        usage_type TEXT NOT NULL,            -- instance | volume | snapshot | idle-address
        item TEXT NOT NULL,                  -- instance type, volume type, 'snapshot', 'address'
        quantity REAL NOT NULL,              -- 1 per instance/address; GiB for storage
        price_per_hour REAL NOT NULL,        -- USD per hour per unit of quantity
        started_at INTEGER NOT NULL,
        ended_at INTEGER
      );
      CREATE INDEX ec2_usage_open ON ec2_usage (resource_id, ended_at);
      CREATE INDEX ec2_usage_scope ON ec2_usage (account_id, started_at);

      -- Tag filters over many instances (DescribeInstances tag:Name=...) look tags up by key and value.
      CREATE INDEX ec2_tags_by_key ON ec2_tags (account_id, region, key, value);
    `,
  },
];
