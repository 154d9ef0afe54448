-- The map's per-cell counts (V91) kept up to date by changes instead of rewritten every 30 seconds, and split by
-- every filter of the map (issue 4), so that no low-zoom view counts cameras one by one.
--
-- Cells are split by precinct, district, LPR, install year, end-of-life year, funding source and project as well:
-- on 1,000,000 generated cameras ~256,000 rows at the finest level (~306 m) and ~2,500 at the coarsest, since a
-- cell's cameras share few of these (a project has one funding source and mostly one install year).
--
-- map_camera is what each camera last added to map_cell (its base cell, areas, LPR, state and point): a change is
-- applied as "take the old contribution out, put the new one in" at every level, for the changed cameras only.
-- map_dirty queues the cameras whose rows changed; statement-level triggers on camera and outage fill it (one
-- insert per statement, nothing per row on the writer's side). A statement touching more than 2,000 cameras (an
-- import, a boundary replacement, a mass outage) queues one NULL instead: the map then rebuilds everything once.
-- The queue is read by the map module (io.watchkeeper.map.MapCells), one node at a time under an advisory lock.

CREATE TABLE map_camera (
    camera_id    bigint           PRIMARY KEY,
    gx           integer          NOT NULL,
    gy           integer          NOT NULL,
    precinct_id  bigint,
    district_id  bigint,
    lpr          varchar(16)      NOT NULL,
    install_year smallint,
    eol_year     smallint,
    funding_id   bigint,
    project_id   bigint,
    state        varchar(16)      NOT NULL,
    lon          double precision NOT NULL,
    lat          double precision NOT NULL
);

-- No key: duplicates are cheap to insert and removed when read; NULL asks for a rebuild.
CREATE TABLE map_dirty (
    camera_id  bigint
);

ALTER TABLE map_cell ADD COLUMN install_year smallint, ADD COLUMN eol_year smallint, ADD COLUMN funding_id bigint,
    ADD COLUMN project_id bigint;

-- Changes add to a cell's row: one row per cell and split (NULLs are equal here).
DROP INDEX map_cell_level_xy_idx;
CREATE UNIQUE INDEX map_cell_key ON map_cell (level, gx, gy, precinct_id, district_id, lpr, install_year, eol_year,
    funding_id, project_id) NULLS NOT DISTINCT;

ALTER TABLE map_cell_refresh ADD COLUMN synced_at timestamptz;
UPDATE map_cell_refresh SET synced_at = refreshed_at;
-- The cells were filled without map_camera: make the next reader rebuild them.
INSERT INTO map_dirty (camera_id) SELECT NULL FROM map_cell_refresh;

CREATE FUNCTION map_dirty_cameras() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT count(*) FROM changed) > 2000 THEN
        INSERT INTO map_dirty (camera_id) VALUES (NULL);
    ELSE
        INSERT INTO map_dirty (camera_id) SELECT id FROM changed;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION map_dirty_outages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT count(*) FROM changed) > 2000 THEN
        INSERT INTO map_dirty (camera_id) VALUES (NULL);
    ELSE
        INSERT INTO map_dirty (camera_id) SELECT DISTINCT camera_id FROM changed;
    END IF;
    RETURN NULL;
END $$;

-- A trigger with a transition table answers one event, hence three per table.
CREATE TRIGGER camera_map_insert AFTER INSERT ON camera REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION map_dirty_cameras();
CREATE TRIGGER camera_map_update AFTER UPDATE ON camera REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION map_dirty_cameras();
CREATE TRIGGER camera_map_delete AFTER DELETE ON camera REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION map_dirty_cameras();
CREATE TRIGGER outage_map_insert AFTER INSERT ON outage REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION map_dirty_outages();
CREATE TRIGGER outage_map_update AFTER UPDATE ON outage REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION map_dirty_outages();
CREATE TRIGGER outage_map_delete AFTER DELETE ON outage REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION map_dirty_outages();
