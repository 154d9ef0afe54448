-- Issue 9: throttle the guesser, not the victim. Failed logins now count per user name and address pair (PAIR),
-- per address (ADDRESS) and per device cookie (DEVICE); those lock. A user name alone (USER) is never locked:
-- its locked_until only makes untrusted browsers wait a few seconds between attempts.
-- username and address say whom and where a row is about, for the administrators' page and for clearing.
DELETE FROM login_throttle WHERE scope = 'USER';   -- old name lockouts: exactly what no longer exists
ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_scope_check;
ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_scope_check
    CHECK (scope IN ('PAIR', 'ADDRESS', 'USER', 'DEVICE'));
ALTER TABLE login_throttle ALTER COLUMN key TYPE varchar(200);
ALTER TABLE login_throttle ADD COLUMN username varchar(100);
ALTER TABLE login_throttle ADD COLUMN address varchar(64);
UPDATE login_throttle SET address = key WHERE scope = 'ADDRESS';
CREATE INDEX login_throttle_username_idx ON login_throttle (username) WHERE username IS NOT NULL;

-- Secrets every node must share, made once by whichever node starts first (the device cookies' HMAC key).
CREATE TABLE security_secret (
    name        varchar(40) PRIMARY KEY,
    secret      bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
