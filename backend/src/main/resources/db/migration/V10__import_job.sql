-- Camera import jobs (migration range V10-V19). One row per uploaded file: what was detected in it, the
-- column mapping chosen, the state of its latest run (dry or real) with progress, and the report of that
-- run. Kept in the database, not in memory, so that any application node can show a job's progress and
-- report, and run it after another node took the upload.
CREATE TABLE import_job (
    id              bigserial PRIMARY KEY,
    file_name       varchar(255) NOT NULL,
    file_size       bigint       NOT NULL CHECK (file_size >= 0),
    format          varchar(16)  NOT NULL CHECK (format IN ('CSV', 'GEOJSON')),
    encoding        varchar(16)  NOT NULL,
    delimiter       varchar(1)   NOT NULL DEFAULT ',',
    columns         jsonb        NOT NULL,
    mapping         jsonb        NOT NULL,
    notices         jsonb        NOT NULL DEFAULT '[]',
    estimated_rows  integer      NOT NULL DEFAULT 0,
    -- the upload itself, for a later run from the page; cleared once applied and after a day
    content         bytea,
    created_by      varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    status          varchar(16)  NOT NULL
                    CHECK (status IN ('UPLOADED', 'QUEUED', 'RUNNING', 'VALIDATED', 'REJECTED', 'APPLIED', 'FAILED')),
    dry_run         boolean,
    phase           varchar(16)  CHECK (phase IN ('READING', 'CHECKING', 'WRITING')),
    run_by          varchar(64),
    started_at      timestamptz,
    finished_at     timestamptz,
    -- a running job touches this at least every few seconds; a stale one was interrupted (node stopped)
    heartbeat_at    timestamptz,
    rows_read       integer      NOT NULL DEFAULT 0,
    rows_rejected   integer      NOT NULL DEFAULT 0,
    rows_written    integer      NOT NULL DEFAULT 0,
    sites_created   integer      NOT NULL DEFAULT 0,
    sites_reused    integer      NOT NULL DEFAULT 0,
    unplaced        integer      NOT NULL DEFAULT 0,
    error_count     integer      NOT NULL DEFAULT 0,
    warning_count   integer      NOT NULL DEFAULT 0,
    errors          jsonb,
    warnings        jsonb,
    failure         jsonb
);
-- uploads are already dense text; compressing them on the way in only costs time
ALTER TABLE import_job ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX import_job_created_idx ON import_job (created_at DESC);
