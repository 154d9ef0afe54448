-- The jobs' own records: every run of a Quartz job, the SLA breaches already escalated, in-app notifications,
-- the daily digest and the outgoing webhook's outbox. Idempotence rests on the unique keys here.

-- One row per execution of a job on any node (written by a Quartz job listener). scheduled_at is the trigger's
-- scheduled fire time: in a cluster each (job, scheduled_at) runs once, which a test checks.
CREATE TABLE job_run (
    id            bigserial PRIMARY KEY,
    job_name      varchar(100) NOT NULL,
    fire_id       varchar(95)  NOT NULL UNIQUE,
    instance_id   varchar(200) NOT NULL,
    scheduled_at  timestamptz,
    started_at    timestamptz  NOT NULL,
    finished_at   timestamptz,
    duration_ms   bigint,
    outcome       varchar(16)  NOT NULL DEFAULT 'RUNNING' CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    recovering    boolean      NOT NULL DEFAULT false,
    result        varchar(500),
    error         varchar(2000)
);
CREATE INDEX job_run_job_started_idx ON job_run (job_name, started_at DESC);

-- An SLA breach of a work order that has been escalated. The primary key is the rule "never escalate the same
-- breach twice": the escalation job inserts with ON CONFLICT DO NOTHING and raises priority only for new rows.
CREATE TABLE work_order_escalation (
    work_order_id  bigint       NOT NULL REFERENCES work_order (id),
    breach         varchar(16)  NOT NULL CHECK (breach IN ('RESPONSE', 'RESTORE')),
    escalated_at   timestamptz  NOT NULL,
    due_at         timestamptz  NOT NULL,
    priority_from  varchar(8)   NOT NULL,
    priority_to    varchar(8)   NOT NULL,
    PRIMARY KEY (work_order_id, breach)
);

-- In-app notifications, one row per recipient user (fanned out from a role or an assignee when raised, so each
-- user reads their own). dedup_key makes raising the same notice twice a no-op.
CREATE TABLE notification (
    id              bigserial PRIMARY KEY,
    user_id         bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    recipient_role  varchar(32)  NOT NULL,
    kind            varchar(40)  NOT NULL,
    work_order_id   bigint REFERENCES work_order (id),
    args            jsonb        NOT NULL DEFAULT '[]',
    dedup_key       varchar(160) NOT NULL,
    created_at      timestamptz  NOT NULL,
    read_at         timestamptz,
    CONSTRAINT notification_once_per_user UNIQUE (user_id, dedup_key)
);
CREATE INDEX notification_user_created_idx ON notification (user_id, created_at DESC, id DESC);
CREATE INDEX notification_user_unread_idx ON notification (user_id) WHERE read_at IS NULL;

-- The daily digest of a user's unread notifications: at most one per user and day (in watchkeeper.zone).
CREATE TABLE notification_digest (
    id            bigserial PRIMARY KEY,
    user_id       bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    digest_day    date         NOT NULL,
    unread_count  integer      NOT NULL CHECK (unread_count > 0),
    by_kind       jsonb        NOT NULL,
    oldest_at     timestamptz  NOT NULL,
    created_at    timestamptz  NOT NULL,
    CONSTRAINT notification_digest_once_per_day UNIQUE (user_id, digest_day)
);

-- Outgoing webhook events, written in the transaction that raises them and delivered after commit by the
-- delivery job (so an HTTP call never holds a database transaction open). Retries with back-off; every attempt
-- is kept in webhook_attempt.
CREATE TABLE webhook_outbox (
    id               bigserial PRIMARY KEY,
    event_type       varchar(60)  NOT NULL,
    dedup_key        varchar(160) NOT NULL UNIQUE,
    payload          jsonb        NOT NULL,
    created_at       timestamptz  NOT NULL,
    next_attempt_at  timestamptz  NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    delivered_at     timestamptz,
    failed_at        timestamptz,
    last_status      integer,
    last_error       varchar(500)
);
CREATE INDEX webhook_outbox_due_idx ON webhook_outbox (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;

CREATE TABLE webhook_attempt (
    id            bigserial PRIMARY KEY,
    outbox_id     bigint       NOT NULL REFERENCES webhook_outbox (id) ON DELETE CASCADE,
    attempted_at  timestamptz  NOT NULL,
    status        integer,
    error         varchar(500),
    duration_ms   bigint       NOT NULL
);
CREATE INDEX webhook_attempt_outbox_idx ON webhook_attempt (outbox_id, attempted_at);
