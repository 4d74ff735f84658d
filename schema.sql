-- The services table of OpenStack Cinder (Ocata), column for column in the order of
-- `desc services`, with the nearest SQLite types. Datetimes are naive UTC text,
-- 'YYYY-MM-DD HH:MM:SS.ffffff', as SQLAlchemy writes them.
CREATE TABLE IF NOT EXISTS services (
    created_at DATETIME,
    updated_at DATETIME,
    deleted_at DATETIME,
    deleted BOOLEAN,
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    host VARCHAR(255),
    "binary" VARCHAR(255),
    topic VARCHAR(255),
    report_count INTEGER NOT NULL,
    disabled BOOLEAN,
    availability_zone VARCHAR(255),
    disabled_reason VARCHAR(255),
    modified_at DATETIME,
    rpc_current_version VARCHAR(36),
    object_current_version VARCHAR(36),
    replication_status VARCHAR(36),
    frozen BOOLEAN,
    active_backend_id VARCHAR(255),
    cluster_name VARCHAR(255)
);

-- Serves heartbeats, admin commands and the --host filter (a range on host).
CREATE INDEX IF NOT EXISTS services_host_binary_idx ON services (host, "binary");

PRAGMA user_version = 1;
