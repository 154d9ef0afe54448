-- Kept per-day sums of cameras, outages and work orders (issue 12), so that the maintenance figures of any period,
-- the half-year report and the map's area figures add up a few thousand rows instead of scanning half the outages
-- of a million cameras on every request.
--
-- Why this shape:
-- * One row per (source, day in watchkeeper.zone, precinct, district, LPR, contract, vendor, squad): source 'C'
--   counts cameras installed / decommissioned / replaced on the day (split by LPR, so LPR in service at any day end
--   is "installed up to it - gone up to it"), 'O' outages started, outages ended (and their lengths) and the
--   downtime of CLOSED outages split over the days they cover (clipped at the camera's decommission day end), 'W'
--   work orders opened, closed, repairs restored (and restore seconds), restored by vendors / in-house. Cameras in
--   service in a period = installed up to its last day - gone before its first day.
-- * Each delta is folded twice: into its day's row (grain 'D') and its month's row (grain 'M', day = the 1st), so a
--   half year adds 6 month rows per key and "installed up to a day" ~170 month rows plus the days of one month,
--   not 5,000 days. Districts are kept for outages only (the map's areas); orders and cameras by precinct.
-- * Open outages are not in the sums (their downtime grows every second): the readers add them live from the
--   partial index outage_open_started_idx, so nothing has to be re-summed as time passes.
-- * Writers never touch a shared sum row: statement-level triggers (transition tables, set-based, only for rows
--   whose counted columns changed) append delta rows to daily_sum_delta; a reader folds them into daily_sum under
--   a table lock that only folders take (readers and writers never wait for it). Health ingestion, outage
--   detection and work-order transitions on several nodes therefore never serialize on a hot (day, precinct) row.
-- * A statement over 50,000 rows (a boundary replacement, an import, the demo's bulk load) appends one marker row
--   (day NULL) instead: the next reader rebuilds all sums from the raw tables once (a few seconds on 1,000,000
--   cameras), like map_dirty's NULL.
-- * A camera's outages and orders count where the camera is now (as the full-scan figures did): moving a camera
--   to another precinct or district takes its outages' and orders' sums out of the old area and into the new one.
-- * Events after a camera's decommission day (an outage that began or ended later) count on the decommission day.
--
-- The zone the days are cut in is kept in daily_sum_setting; the application writes watchkeeper.zone there on
-- start and asks for a rebuild when it differs.

CREATE TABLE daily_sum_setting (
    id    boolean PRIMARY KEY DEFAULT true CHECK (id),
    zone  text    NOT NULL
);
INSERT INTO daily_sum_setting (zone) VALUES ('Asia/Taipei');

CREATE TABLE daily_sum (
    source               "char"        NOT NULL CHECK (source IN ('C', 'O', 'W')),
    day                  date          NOT NULL,
    precinct_id          bigint,
    district_id          bigint,
    lpr                  varchar(16),
    contract_id          bigint,
    vendor_id            bigint,
    squad_id             bigint,
    installed            integer       NOT NULL DEFAULT 0,
    decommissioned       integer       NOT NULL DEFAULT 0,
    replaced             integer       NOT NULL DEFAULT 0,
    outages              integer       NOT NULL DEFAULT 0,
    outages_ended        integer       NOT NULL DEFAULT 0,
    ended_seconds        numeric       NOT NULL DEFAULT 0,
    downtime_seconds     numeric       NOT NULL DEFAULT 0,
    orders_opened        integer       NOT NULL DEFAULT 0,
    orders_closed        integer       NOT NULL DEFAULT 0,
    repairs_restored     integer       NOT NULL DEFAULT 0,
    restore_seconds      numeric       NOT NULL DEFAULT 0,
    restored_by_vendors  integer       NOT NULL DEFAULT 0,
    restored_in_house    integer       NOT NULL DEFAULT 0,
    grain                "char"        NOT NULL DEFAULT 'D' CHECK (grain IN ('D', 'M'))
);
CREATE UNIQUE INDEX daily_sum_key ON daily_sum (source, grain, day, precinct_id, district_id, lpr, contract_id, vendor_id,
    squad_id) NULLS NOT DISTINCT;
CREATE INDEX daily_sum_precinct_idx ON daily_sum (source, grain, precinct_id, day);

-- Append-only; no key, no index: the triggers only insert, the folder deletes what it read. day NULL: rebuild.
CREATE TABLE daily_sum_delta (LIKE daily_sum INCLUDING DEFAULTS);
ALTER TABLE daily_sum_delta ALTER COLUMN day DROP NOT NULL, ALTER COLUMN source DROP NOT NULL, DROP COLUMN grain;

-- The closed outages that overlap a few hours (the map's partial first and last day): without it, "ended after
-- 30 days ago" reads a month of outages.
CREATE INDEX outage_closed_span_gist ON outage USING gist (tstzrange(started_at, ended_at)) WHERE ended_at IS NOT NULL;

-- The statement that appends what the rows of `source` (a relation or a subquery, see the column lists below)
-- add to the sums, times `sign` (+1 for rows that now exist, -1 for rows as they were). The trigger functions
-- EXECUTE it themselves: their transition tables are visible to their own statements only.
--   C: precinct_id, district_id, lpr, status, install_date, decommissioned_on, decommission_kind
--   O: started_at, ended_at, precinct_id, district_id, status, decommissioned_on (of the outage's camera)
--   W: kind, state, resolution, opened_at, restored_at, closed_at, contract_id, vendor_id, squad_id,
--      precinct_id, district_id (of the order's camera)
CREATE FUNCTION daily_sum_sql(kind "char", source text, sign integer) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
    z text := quote_literal((SELECT zone FROM daily_sum_setting));
BEGIN
    IF kind = 'C' THEN
        RETURN replace(replace(format($q$
            INSERT INTO daily_sum_delta (source, day, precinct_id, district_id, lpr, installed, decommissioned, replaced)
            SELECT 'C', d.day, s.precinct_id, NULL::bigint, s.lpr, $2 * sum(d.i), $2 * sum(d.d), $2 * sum(d.r)
              FROM (%s) s
             CROSS JOIN LATERAL (VALUES (s.install_date, 1, 0, 0),
                    (s.decommissioned_on, 0, (s.decommission_kind IS DISTINCT FROM 'REPLACED')::int,
                     (s.decommission_kind IS NOT DISTINCT FROM 'REPLACED')::int)) d(day, i, d, r)
             WHERE s.status <> 'PLANNED' AND s.install_date IS NOT NULL AND d.day IS NOT NULL
             GROUP BY d.day, s.precinct_id, s.lpr$q$, source), '$1', z), '$2', sign::text);
    ELSIF kind = 'O' THEN
        RETURN replace(replace(format($q$
            INSERT INTO daily_sum_delta (source, day, precinct_id, district_id, outages, outages_ended, ended_seconds,
                                         downtime_seconds)
            SELECT 'O', r.day, s.precinct_id, s.district_id, $2 * sum(r.started), $2 * sum(r.ended), $2 * sum(r.ended_s),
                   $2 * sum(r.down_s)
              FROM (SELECT s0.started_at, s0.ended_at, s0.precinct_id, s0.district_id, s0.decommissioned_on,
                           (s0.started_at AT TIME ZONE $1)::date AS sday,
                           least(s0.ended_at, (s0.decommissioned_on + 1)::timestamp AT TIME ZONE $1) AS down_end
                      FROM (%s) s0 WHERE s0.status <> 'PLANNED') s
             CROSS JOIN LATERAL (
                   SELECT least(s.sday, s.decommissioned_on) AS day, 1 AS started, 0 AS ended, 0::numeric AS ended_s,
                          0::numeric AS down_s
                   UNION ALL
                   SELECT least(((s.ended_at - interval '1 microsecond') AT TIME ZONE $1)::date, s.decommissioned_on), 0, 1,
                          extract(epoch FROM s.ended_at - s.started_at), 0
                    WHERE s.ended_at IS NOT NULL
                   UNION ALL
                   SELECT g::date, 0, 0, 0, extract(epoch FROM least(s.down_end, (g + interval '1 day') AT TIME ZONE $1)
                                                              - greatest(s.started_at, g AT TIME ZONE $1))
                     FROM generate_series(s.sday::timestamp,
                                          ((s.down_end - interval '1 microsecond') AT TIME ZONE $1)::date::timestamp,
                                          interval '1 day') g
                    WHERE s.ended_at IS NOT NULL AND s.down_end > s.started_at) r
             GROUP BY r.day, s.precinct_id, s.district_id$q$, source), '$1', z), '$2', sign::text);
    ELSE
        RETURN replace(replace(format($q$
            INSERT INTO daily_sum_delta (source, day, precinct_id, district_id, contract_id, vendor_id, squad_id,
                                         orders_opened, orders_closed, repairs_restored, restore_seconds,
                                         restored_by_vendors, restored_in_house)
            SELECT 'W', r.day, s.precinct_id, NULL::bigint, s.contract_id, s.vendor_id, s.squad_id, $2 * sum(r.o),
                   $2 * sum(r.c), $2 * sum(r.r), $2 * sum(r.r_s), $2 * sum(r.v), $2 * sum(r.h)
              FROM (%s) s
             CROSS JOIN LATERAL (
                   SELECT (s.opened_at AT TIME ZONE $1)::date AS day, 1 AS o, 0 AS c, 0 AS r, 0::numeric AS r_s, 0 AS v, 0 AS h
                   UNION ALL
                   SELECT (s.closed_at AT TIME ZONE $1)::date, 0, 1, 0, 0, 0, 0 WHERE s.closed_at IS NOT NULL
                   UNION ALL
                   SELECT (s.restored_at AT TIME ZONE $1)::date, 0, 0, 1, extract(epoch FROM s.restored_at - s.opened_at), 0, 0
                    WHERE s.kind = 'REPAIR' AND s.restored_at IS NOT NULL
                   UNION ALL
                   SELECT (coalesce(s.restored_at, s.closed_at) AT TIME ZONE $1)::date, 0, 0, 0, 0,
                          (s.resolution = 'RESTORED_BY_VENDOR')::int, (s.resolution = 'RESTORED_IN_HOUSE')::int
                    WHERE s.state = 'CLOSED' AND s.resolution IN ('RESTORED_BY_VENDOR', 'RESTORED_IN_HOUSE')) r
             GROUP BY r.day, s.precinct_id, s.contract_id, s.vendor_id, s.squad_id$q$, source), '$1', z), '$2', sign::text);
    END IF;
END $$;

-- Moves the deltas into the sums (one statement: what it deletes is exactly what it adds). The caller holds
-- LOCK TABLE daily_sum IN SHARE ROW EXCLUSIVE MODE and has checked that no marker is queued.
CREATE FUNCTION daily_sum_fold() RETURNS bigint LANGUAGE sql AS $$
    WITH d AS (DELETE FROM daily_sum_delta WHERE day IS NOT NULL RETURNING *),
    g AS (SELECT 'D'::"char" AS grain, d.* FROM d
          UNION ALL
          SELECT 'M', source, date_trunc('month', day::timestamp)::date, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id,
                 installed, decommissioned, replaced, outages, outages_ended, ended_seconds, downtime_seconds, orders_opened,
                 orders_closed, repairs_restored, restore_seconds, restored_by_vendors, restored_in_house FROM d),
    folded AS (
        INSERT INTO daily_sum AS t (grain, source, day, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id,
               installed, decommissioned, replaced, outages, outages_ended, ended_seconds, downtime_seconds, orders_opened,
               orders_closed, repairs_restored, restore_seconds, restored_by_vendors, restored_in_house)
        SELECT grain, source, day, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id, sum(installed),
               sum(decommissioned), sum(replaced), sum(outages), sum(outages_ended), sum(ended_seconds),
               sum(downtime_seconds), sum(orders_opened), sum(orders_closed), sum(repairs_restored), sum(restore_seconds),
               sum(restored_by_vendors), sum(restored_in_house)
          FROM g GROUP BY grain, source, day, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id
        ON CONFLICT (source, grain, day, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id) DO UPDATE SET
            installed = t.installed + excluded.installed, decommissioned = t.decommissioned + excluded.decommissioned,
            replaced = t.replaced + excluded.replaced, outages = t.outages + excluded.outages,
            outages_ended = t.outages_ended + excluded.outages_ended, ended_seconds = t.ended_seconds + excluded.ended_seconds,
            downtime_seconds = t.downtime_seconds + excluded.downtime_seconds,
            orders_opened = t.orders_opened + excluded.orders_opened, orders_closed = t.orders_closed + excluded.orders_closed,
            repairs_restored = t.repairs_restored + excluded.repairs_restored,
            restore_seconds = t.restore_seconds + excluded.restore_seconds,
            restored_by_vendors = t.restored_by_vendors + excluded.restored_by_vendors,
            restored_in_house = t.restored_in_house + excluded.restored_in_house
        RETURNING 1)
    SELECT count(*) FROM folded
$$;

-- Recounts everything from the raw tables. The caller holds the same lock, in a REPEATABLE READ transaction that
-- took it before its first query: deltas committed after its snapshot stay queued and are folded later.
CREATE FUNCTION daily_sum_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM daily_sum;
    DELETE FROM daily_sum_delta;
    EXECUTE daily_sum_sql('C', 'SELECT precinct_id, district_id, lpr, status, install_date, decommissioned_on, decommission_kind FROM camera', 1);
    EXECUTE daily_sum_sql('O', 'SELECT o.started_at, o.ended_at, c.precinct_id, c.district_id, c.status, c.decommissioned_on
                                   FROM outage o JOIN camera c ON c.id = o.camera_id', 1);
    EXECUTE daily_sum_sql('W', 'SELECT w.kind, w.state, w.resolution, w.opened_at, w.restored_at, w.closed_at, w.contract_id,
                                        w.vendor_id, w.squad_id, c.precinct_id, c.district_id
                                   FROM work_order w JOIN camera c ON c.id = w.camera_id', 1);
    RETURN daily_sum_fold();
END $$;

-- The triggers. 50,000 rows in one statement: queue the marker instead.
CREATE FUNCTION daily_sum_cameras() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    counted constant text := '(%1$s.precinct_id, %1$s.district_id, %1$s.lpr, %1$s.status = ''PLANNED'', %1$s.install_date,
                               %1$s.decommissioned_on, %1$s.decommission_kind IS NOT DISTINCT FROM ''REPLACED'')';
    outage_counted constant text := '(%1$s.precinct_id, %1$s.district_id, %1$s.status = ''PLANNED'', %1$s.decommissioned_on)';
    order_counted constant text := '(%1$s.precinct_id, %1$s.district_id)';
    moved text;
    changed bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF (SELECT count(*) FROM new_rows) > 50000 THEN
            INSERT INTO daily_sum_delta (day) VALUES (NULL);
        ELSE
            EXECUTE daily_sum_sql('C', 'SELECT * FROM new_rows', 1);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF (SELECT count(*) FROM old_rows) > 50000 THEN
            INSERT INTO daily_sum_delta (day) VALUES (NULL);
        ELSE
            EXECUTE daily_sum_sql('C', 'SELECT * FROM old_rows', -1);
        END IF;
    ELSE
        moved := 'FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ' || format(counted, 'o') || ' IS DISTINCT FROM '
                 || format(counted, 'n');
        -- a large update (statuses derived for the whole fleet) usually changes nothing counted here
        IF (SELECT count(*) FROM new_rows) > 50000 THEN
            EXECUTE 'SELECT count(*) ' || moved INTO changed;
            IF changed > 50000 THEN
                INSERT INTO daily_sum_delta (day) VALUES (NULL);
                RETURN NULL;
            END IF;
        END IF;
        EXECUTE daily_sum_sql('C', 'SELECT o.* ' || moved, -1);
        EXECUTE daily_sum_sql('C', 'SELECT n.* ' || moved, 1);
        moved := ' FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN outage x ON x.camera_id = n.id WHERE '
                 || format(outage_counted, 'o') || ' IS DISTINCT FROM ' || format(outage_counted, 'n');
        EXECUTE daily_sum_sql('O', 'SELECT x.started_at, x.ended_at, o.precinct_id, o.district_id, o.status, o.decommissioned_on'
                                    || moved, -1);
        EXECUTE daily_sum_sql('O', 'SELECT x.started_at, x.ended_at, n.precinct_id, n.district_id, n.status, n.decommissioned_on'
                                    || moved, 1);
        moved := ' FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN work_order x ON x.camera_id = n.id WHERE '
                 || format(order_counted, 'o') || ' IS DISTINCT FROM ' || format(order_counted, 'n');
        EXECUTE daily_sum_sql('W', 'SELECT x.kind, x.state, x.resolution, x.opened_at, x.restored_at, x.closed_at, x.contract_id,
                                            x.vendor_id, x.squad_id, o.precinct_id, o.district_id' || moved, -1);
        EXECUTE daily_sum_sql('W', 'SELECT x.kind, x.state, x.resolution, x.opened_at, x.restored_at, x.closed_at, x.contract_id,
                                            x.vendor_id, x.squad_id, n.precinct_id, n.district_id' || moved, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION daily_sum_outages() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cols constant text := 'SELECT x.started_at, x.ended_at, c.precinct_id, c.district_id, c.status, c.decommissioned_on ';
    moved constant text := 'FROM old_rows o JOIN new_rows n ON n.id = o.id
                             WHERE (o.camera_id, o.started_at, o.ended_at) IS DISTINCT FROM (n.camera_id, n.started_at, n.ended_at)';
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF (SELECT count(*) FROM new_rows) > 50000 THEN
            INSERT INTO daily_sum_delta (day) VALUES (NULL);
        ELSE
            EXECUTE daily_sum_sql('O', cols || 'FROM new_rows x JOIN camera c ON c.id = x.camera_id', 1);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF (SELECT count(*) FROM old_rows) > 50000 THEN
            INSERT INTO daily_sum_delta (day) VALUES (NULL);
        ELSE
            EXECUTE daily_sum_sql('O', cols || 'FROM old_rows x JOIN camera c ON c.id = x.camera_id', -1);
        END IF;
    ELSIF (SELECT count(*) FROM new_rows) > 50000 THEN
        INSERT INTO daily_sum_delta (day) VALUES (NULL);
    ELSE
        EXECUTE daily_sum_sql('O', cols || 'FROM (SELECT o.* ' || moved || ') x JOIN camera c ON c.id = x.camera_id', -1);
        EXECUTE daily_sum_sql('O', cols || 'FROM (SELECT n.* ' || moved || ') x JOIN camera c ON c.id = x.camera_id', 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION daily_sum_orders() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cols constant text := 'SELECT x.kind, x.state, x.resolution, x.opened_at, x.restored_at, x.closed_at, x.contract_id,
                                  x.vendor_id, x.squad_id, c.precinct_id, c.district_id ';
    counted constant text := '(%1$s.camera_id, %1$s.kind, %1$s.state = ''CLOSED'', %1$s.resolution, %1$s.opened_at,
                               %1$s.restored_at, %1$s.closed_at, %1$s.contract_id, %1$s.vendor_id, %1$s.squad_id)';
    moved text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF (SELECT count(*) FROM new_rows) > 50000 THEN
            INSERT INTO daily_sum_delta (day) VALUES (NULL);
        ELSE
            EXECUTE daily_sum_sql('W', cols || 'FROM new_rows x JOIN camera c ON c.id = x.camera_id', 1);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF (SELECT count(*) FROM old_rows) > 50000 THEN
            INSERT INTO daily_sum_delta (day) VALUES (NULL);
        ELSE
            EXECUTE daily_sum_sql('W', cols || 'FROM old_rows x JOIN camera c ON c.id = x.camera_id', -1);
        END IF;
    ELSIF (SELECT count(*) FROM new_rows) > 50000 THEN
        INSERT INTO daily_sum_delta (day) VALUES (NULL);
    ELSE
        moved := 'FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ' || format(counted, 'o') || ' IS DISTINCT FROM '
                 || format(counted, 'n');
        EXECUTE daily_sum_sql('W', cols || 'FROM (SELECT o.* ' || moved || ') x JOIN camera c ON c.id = x.camera_id', -1);
        EXECUTE daily_sum_sql('W', cols || 'FROM (SELECT n.* ' || moved || ') x JOIN camera c ON c.id = x.camera_id', 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER camera_daily_sum_insert AFTER INSERT ON camera REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION daily_sum_cameras();
CREATE TRIGGER camera_daily_sum_update AFTER UPDATE ON camera REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION daily_sum_cameras();
CREATE TRIGGER camera_daily_sum_delete AFTER DELETE ON camera REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION daily_sum_cameras();
CREATE TRIGGER outage_daily_sum_insert AFTER INSERT ON outage REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION daily_sum_outages();
CREATE TRIGGER outage_daily_sum_update AFTER UPDATE ON outage REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION daily_sum_outages();
CREATE TRIGGER outage_daily_sum_delete AFTER DELETE ON outage REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION daily_sum_outages();
CREATE TRIGGER work_order_daily_sum_insert AFTER INSERT ON work_order REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION daily_sum_orders();
CREATE TRIGGER work_order_daily_sum_update AFTER UPDATE ON work_order REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION daily_sum_orders();
CREATE TRIGGER work_order_daily_sum_delete AFTER DELETE ON work_order REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION daily_sum_orders();

-- Existing databases: sum what is there on the first read.
INSERT INTO daily_sum_delta (day) VALUES (NULL);

-- What readers read: the sums and the deltas not folded yet (few), so an answer never waits for a folder.
CREATE VIEW daily_sum_all AS
    SELECT * FROM daily_sum
    UNION ALL
    SELECT source, day, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id, installed, decommissioned, replaced,
           outages, outages_ended, ended_seconds, downtime_seconds, orders_opened, orders_closed, repairs_restored,
           restore_seconds, restored_by_vendors, restored_in_house, 'D'::"char" FROM daily_sum_delta WHERE day IS NOT NULL
    UNION ALL
    SELECT source, date_trunc('month', day::timestamp)::date, precinct_id, district_id, lpr, contract_id, vendor_id, squad_id, installed,
           decommissioned, replaced, outages, outages_ended, ended_seconds, downtime_seconds, orders_opened, orders_closed,
           repairs_restored, restore_seconds, restored_by_vendors, restored_in_house, 'M'::"char"
      FROM daily_sum_delta WHERE day IS NOT NULL;
