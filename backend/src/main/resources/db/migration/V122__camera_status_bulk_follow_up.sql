-- The status rule of V120 stays the one rule, but a statement that changes the outages or repair orders of many
-- cameras at once (outage detection opening ten thousand outages, a bulk assignment) no longer re-derives them in
-- its own transaction: rewriting that many camera rows touches every index of the camera table (a status change
-- cannot be a HOT update) and took outage detection over 1,000,000 cameras from 1.7 s to 4.3 s. Such statements
-- queue the cameras instead, and the camera-status job (every 10 s) applies the queue with the same rule, as the
-- map's kept counts follow its queue. Statements touching at most 200 cameras (an order closed on a page, a health
-- batch's outages) re-derive at once, so a single change shows everywhere as soon as it is committed.
CREATE TABLE camera_status_pending (
    camera_id bigint PRIMARY KEY
);

CREATE OR REPLACE FUNCTION camera_derive_or_queue(cameras bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(cameras) = 0 THEN
        RETURN;
    ELSIF cardinality(cameras) <= 200 THEN
        PERFORM camera_derive_status(cameras);
    ELSE
        INSERT INTO camera_status_pending (camera_id) SELECT unnest(cameras) ON CONFLICT DO NOTHING;
    END IF;
END $$;

CREATE OR REPLACE FUNCTION camera_status_after_maintenance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM camera_derive_or_queue(ARRAY(SELECT DISTINCT camera_id FROM changed));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION camera_status_after_repair_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM camera_derive_or_queue(ARRAY(SELECT DISTINCT camera_id FROM changed WHERE kind = 'REPAIR'));
    RETURN NULL;
END $$;

-- Applies the queue: takes every queued camera (rows another run has locked are left to it) and re-derives them;
-- returns how many cameras changed status.
CREATE FUNCTION camera_derive_pending() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    taken bigint[];
BEGIN
    WITH t AS (
        DELETE FROM camera_status_pending p
         WHERE p.camera_id IN (SELECT camera_id FROM camera_status_pending FOR UPDATE SKIP LOCKED)
        RETURNING p.camera_id)
    SELECT coalesce(array_agg(camera_id), '{}') INTO taken FROM t;
    IF cardinality(taken) = 0 THEN
        RETURN 0;
    END IF;
    RETURN camera_derive_status(taken);
END $$;
