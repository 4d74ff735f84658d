-- The services table of OpenStack Cinder (Ocata) on MySQL/MariaDB: the seed's
-- `desc services`, column for column and type for type. A datetime keeps whole seconds,
-- as on a real Cinder database. The binary collation keeps host and binary
-- comparisons case-sensitive; svc compares them as binary strings on any table anyway.
CREATE TABLE IF NOT EXISTS services (
    created_at datetime DEFAULT NULL,
    updated_at datetime DEFAULT NULL,
    deleted_at datetime DEFAULT NULL,
    deleted tinyint(1) DEFAULT NULL,
    id int(11) NOT NULL AUTO_INCREMENT,
    host varchar(255) DEFAULT NULL,
    `binary` varchar(255) DEFAULT NULL,
    topic varchar(255) DEFAULT NULL,
    report_count int(11) NOT NULL,
    disabled tinyint(1) DEFAULT NULL,
    availability_zone varchar(255) DEFAULT NULL,
    disabled_reason varchar(255) DEFAULT NULL,
    modified_at datetime DEFAULT NULL,
    rpc_current_version varchar(36) DEFAULT NULL,
    object_current_version varchar(36) DEFAULT NULL,
    replication_status varchar(36) DEFAULT NULL,
    frozen tinyint(1) DEFAULT NULL,
    active_backend_id varchar(255) DEFAULT NULL,
    cluster_name varchar(255) DEFAULT NULL,
    PRIMARY KEY (id),
    -- Serves heartbeats, admin commands and the --host filter, and gives heartbeats a
    -- gap to lock so that two first beats cannot both insert.
    KEY services_host_binary_idx (host, `binary`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='svc schema 1'
