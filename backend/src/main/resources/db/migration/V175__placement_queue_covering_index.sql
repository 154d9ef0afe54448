-- The placement queue groups every unplaced camera by pole at each step: a covering index lets it read them from
-- the index alone (site, import time, id and the precinct the list named), not from the wide camera rows.
CREATE INDEX camera_unplaced_pole_idx ON camera (site_id, created_at, id) INCLUDE (precinct_id)
    WHERE location IS NULL AND status <> 'DECOMMISSIONED';
DROP INDEX camera_unplaced_site_idx;
