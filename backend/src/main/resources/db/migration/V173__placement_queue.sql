-- The placement queue (issue 13, migration range V173-V179). A pole is a site with cameras still without a
-- position (not decommissioned), or such a camera without a site, on its own. The queue is derived from the
-- camera rows every time; only what a person chose to put off is kept: one row per user and pole, moved to the end
-- of that user's queue (oldest skip first).
CREATE TABLE placement_skip (
    username    varchar(64) NOT NULL,
    pole_kind   varchar(8)  NOT NULL CHECK (pole_kind IN ('SITE', 'CAMERA')),
    pole_id     bigint      NOT NULL,
    skipped_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (username, pole_kind, pole_id)
);

-- What the queue reads at every step: the unplaced cameras, by site, and the site-less ones on their own.
CREATE INDEX camera_unplaced_site_idx ON camera (site_id, created_at)
    WHERE location IS NULL AND status <> 'DECOMMISSIONED';
CREATE INDEX camera_unplaced_alone_idx ON camera (created_at, id)
    WHERE location IS NULL AND status <> 'DECOMMISSIONED' AND site_id IS NULL;
