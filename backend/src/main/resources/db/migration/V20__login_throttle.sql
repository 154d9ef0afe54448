-- Login throttling counters, shared by every application node (they all see the same database).
-- One row per user name (scope USER, lower-cased) and per remote address (scope ADDRESS).
-- failures counts failed logins since window_started_at; reaching the threshold sets locked_until and
-- increments lockouts, which doubles the next lockout. A successful login deletes the USER row.
CREATE TABLE login_throttle (
    scope              varchar(8)   NOT NULL CHECK (scope IN ('USER', 'ADDRESS')),
    key                varchar(100) NOT NULL,
    failures           integer      NOT NULL DEFAULT 0 CHECK (failures >= 0),
    window_started_at  timestamptz  NOT NULL DEFAULT now(),
    last_failure_at    timestamptz  NOT NULL DEFAULT now(),
    locked_until       timestamptz,
    lockouts           integer      NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
    PRIMARY KEY (scope, key)
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);

-- The audit page filters by action (auth.login_failed, camera.updated, ...) newest first.
CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at DESC);

-- Who last changed a user account, for the user administration page.
ALTER TABLE app_user ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
