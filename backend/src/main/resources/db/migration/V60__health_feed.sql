-- Health feed: machine tokens of video management systems and NVR pollers, their raw observations, and the
-- latest known state of each camera. Outages themselves are in V50 (table outage).

-- An API token an administrator issues to a machine. Only the SHA-256 of the token is kept: the token is shown
-- once, at creation. A revoked token stays (who issued it, who revoked it, when it was last used).
CREATE TABLE machine_token (
    id            bigserial PRIMARY KEY,
    name          varchar(100) NOT NULL,
    token_hash    char(64)     NOT NULL UNIQUE,
    token_prefix  varchar(16)  NOT NULL,
    authority     varchar(32)  NOT NULL DEFAULT 'HEALTH_FEED' CHECK (authority IN ('HEALTH_FEED')),
    created_by    varchar(64)  NOT NULL,
    created_at    timestamptz  NOT NULL,
    revoked_by    varchar(64),
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE UNIQUE INDEX machine_token_active_name ON machine_token (lower(name)) WHERE revoked_at IS NULL;

-- Raw observations as reported, one per camera and instant: the primary key makes a repeated batch a no-op.
-- Kept for watchkeeper.health.observation-retention, then purged by observed_at (BRIN: cheap to keep up at
-- tens of thousands of inserts a second, enough for a range delete). No foreign key to camera: the ingestion
-- resolves every camera id from the camera table in the same request, cameras are never deleted, and the
-- key check would lock the camera row of every observation (tens of thousands a second).
CREATE TABLE health_observation (
    camera_id    bigint       NOT NULL,
    observed_at  timestamptz  NOT NULL,
    up           boolean      NOT NULL,
    source       varchar(100) NOT NULL,
    received_at  timestamptz  NOT NULL,
    PRIMARY KEY (camera_id, observed_at)
);
CREATE INDEX health_observation_observed_brin ON health_observation USING brin (observed_at);

-- The newest observation of each camera that ever reported: the current state, since when, and from where.
-- An older observation arriving late never overrides it. Updated by every batch, so it has no index but its
-- primary key and room in every page (fillfactor): the updates stay HOT (no index writes). The silence check
-- reads the whole table once a minute (a million rows: a fraction of a second). No foreign key, for the same
-- reason as health_observation.
CREATE TABLE camera_health (
    camera_id      bigint       PRIMARY KEY,
    first_seen_at  timestamptz,
    last_seen_at   timestamptz,
    up             boolean,
    state_since    timestamptz,
    source         varchar(100),
    updated_at     timestamptz  NOT NULL
) WITH (fillfactor = 70);
