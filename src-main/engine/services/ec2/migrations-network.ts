import type { Migration } from '../../store/store';

/**
 * Tables of the network half of EC2 (scope 'ec2-network'; the compute half uses 'ec2-compute').
 * Every table is scoped by account + region: its first two columns. Rows are ordered by their
 * integer `id` (creation order), which is the order Describe* answers in.
 */
export const networkMigrations: Migration[] = [
  {
    scope: 'ec2-network',
    version: 1,
    name: 'tags, VPCs, subnets, gateways, route tables, NACLs, security groups, addresses, network interfaces',
    up: `
      CREATE TABLE ec2_tags (
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        resource_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (account_id, region, resource_id, key)
      );

      -- One row per account+region once its default VPC has been created (deleting the default VPC
      -- later does not bring it back, as in AWS).
      CREATE TABLE ec2_network_init (
        account_id TEXT NOT NULL, region TEXT NOT NULL, initialized_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region)
      );

      -- Public addresses handed out from the simulated pool, per region (partition-wide).
      CREATE TABLE ec2_public_ip_seq (region TEXT PRIMARY KEY, next INTEGER NOT NULL);

      CREATE TABLE ec2_vpcs (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        vpc_id TEXT NOT NULL UNIQUE,
        cidr_block TEXT NOT NULL,
        cidr_assoc_id TEXT NOT NULL,
        is_default INTEGER NOT NULL,
        instance_tenancy TEXT NOT NULL,
        dhcp_options_id TEXT NOT NULL,
        enable_dns_support INTEGER NOT NULL,
        enable_dns_hostnames INTEGER NOT NULL,
        enable_nau_metrics INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ec2_vpcs_scope ON ec2_vpcs (account_id, region);

      CREATE TABLE ec2_subnets (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        subnet_id TEXT NOT NULL UNIQUE,
        vpc_id TEXT NOT NULL,
        cidr_block TEXT NOT NULL,
        availability_zone TEXT NOT NULL,
        availability_zone_id TEXT NOT NULL,
        default_for_az INTEGER NOT NULL,
        map_public_ip_on_launch INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ec2_subnets_scope ON ec2_subnets (account_id, region, vpc_id);

      CREATE TABLE ec2_internet_gateways (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        igw_id TEXT NOT NULL UNIQUE,
        vpc_id TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ec2_igw_scope ON ec2_internet_gateways (account_id, region);

      CREATE TABLE ec2_route_tables (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        rtb_id TEXT NOT NULL UNIQUE,
        vpc_id TEXT NOT NULL,
        is_main INTEGER NOT NULL,
        main_assoc_id TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ec2_rtb_scope ON ec2_route_tables (account_id, region, vpc_id);

      -- origin: CreateRouteTable (the local route) | CreateRoute. Exactly one target column is set.
      CREATE TABLE ec2_routes (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        rtb_id TEXT NOT NULL,
        destination_cidr TEXT NOT NULL,
        gateway_id TEXT,
        nat_gateway_id TEXT,
        instance_id TEXT,
        network_interface_id TEXT,
        origin TEXT NOT NULL,
        UNIQUE (rtb_id, destination_cidr)
      );

      CREATE TABLE ec2_route_table_associations (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        assoc_id TEXT NOT NULL UNIQUE,
        rtb_id TEXT NOT NULL,
        subnet_id TEXT UNIQUE,
        gateway_id TEXT UNIQUE
      );

      CREATE TABLE ec2_nat_gateways (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        nat_id TEXT NOT NULL UNIQUE,
        vpc_id TEXT NOT NULL,
        subnet_id TEXT NOT NULL,
        connectivity_type TEXT NOT NULL,
        allocation_id TEXT,
        public_ip TEXT,
        eni_id TEXT,
        private_ip TEXT,
        state TEXT NOT NULL,
        failure_code TEXT,
        failure_message TEXT,
        created_at INTEGER NOT NULL,
        available_at INTEGER,
        delete_requested_at INTEGER,
        deleted_at INTEGER
      );
      CREATE INDEX ec2_nat_scope ON ec2_nat_gateways (account_id, region);

      CREATE TABLE ec2_network_acls (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        acl_id TEXT NOT NULL UNIQUE,
        vpc_id TEXT NOT NULL,
        is_default INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ec2_acl_scope ON ec2_network_acls (account_id, region, vpc_id);

      -- protocol: '-1' | IANA number as text ('6', '17', '1'). rule_number 32767 is the final '*' deny.
      CREATE TABLE ec2_network_acl_entries (
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        acl_id TEXT NOT NULL,
        egress INTEGER NOT NULL,
        rule_number INTEGER NOT NULL,
        protocol TEXT NOT NULL,
        rule_action TEXT NOT NULL,
        cidr_block TEXT,
        ipv6_cidr_block TEXT,
        icmp_type INTEGER,
        icmp_code INTEGER,
        port_from INTEGER,
        port_to INTEGER,
        PRIMARY KEY (acl_id, egress, rule_number)
      );

      CREATE TABLE ec2_network_acl_associations (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        assoc_id TEXT NOT NULL UNIQUE,
        acl_id TEXT NOT NULL,
        subnet_id TEXT NOT NULL UNIQUE
      );

      CREATE TABLE ec2_security_groups (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        group_id TEXT NOT NULL UNIQUE,
        group_name TEXT NOT NULL,
        description TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        is_default INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (vpc_id, group_name)
      );
      CREATE INDEX ec2_sg_scope ON ec2_security_groups (account_id, region);

      -- One row per rule as DescribeSecurityGroupRules shows it: one source per rule.
      -- ip_protocol: '-1' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | a number as text.
      CREATE TABLE ec2_security_group_rules (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        rule_id TEXT NOT NULL UNIQUE,
        group_id TEXT NOT NULL,
        is_egress INTEGER NOT NULL,
        ip_protocol TEXT NOT NULL,
        from_port INTEGER,
        to_port INTEGER,
        cidr_ipv4 TEXT,
        cidr_ipv6 TEXT,
        prefix_list_id TEXT,
        referenced_group_id TEXT,
        referenced_user_id TEXT,
        description TEXT
      );
      CREATE INDEX ec2_sgr_group ON ec2_security_group_rules (group_id, is_egress);
      CREATE INDEX ec2_sgr_ref ON ec2_security_group_rules (referenced_group_id);

      CREATE TABLE ec2_network_interfaces (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        eni_id TEXT NOT NULL UNIQUE,
        subnet_id TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        availability_zone TEXT NOT NULL,
        description TEXT NOT NULL,
        interface_type TEXT NOT NULL,
        mac_address TEXT NOT NULL,
        source_dest_check INTEGER NOT NULL,
        requester_managed INTEGER NOT NULL,
        requester_id TEXT,
        -- auto_public_ip: the interface gets an AWS public address while its instance runs and no
        -- Elastic IP is on its primary address; public_ip is that address while it has one.
        auto_public_ip INTEGER NOT NULL DEFAULT 0,
        public_ip TEXT,
        attachment_id TEXT,
        instance_id TEXT,
        device_index INTEGER,
        attach_time INTEGER,
        delete_on_termination INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ec2_eni_scope ON ec2_network_interfaces (account_id, region, subnet_id);
      CREATE INDEX ec2_eni_instance ON ec2_network_interfaces (instance_id);

      CREATE TABLE ec2_eni_private_ips (
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        eni_id TEXT NOT NULL,
        subnet_id TEXT NOT NULL,
        private_ip TEXT NOT NULL,
        ip_num INTEGER NOT NULL,
        is_primary INTEGER NOT NULL,
        PRIMARY KEY (subnet_id, ip_num)
      );
      CREATE INDEX ec2_eni_ips_eni ON ec2_eni_private_ips (eni_id);

      CREATE TABLE ec2_eni_groups (
        eni_id TEXT NOT NULL,
        group_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (eni_id, group_id)
      );
      CREATE INDEX ec2_eni_groups_group ON ec2_eni_groups (group_id);

      CREATE TABLE ec2_addresses (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        allocation_id TEXT NOT NULL UNIQUE,
        public_ip TEXT NOT NULL UNIQUE,
        association_id TEXT UNIQUE,
        network_interface_id TEXT,
        private_ip TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ec2_addr_scope ON ec2_addresses (account_id, region);
    `,
  },
];
