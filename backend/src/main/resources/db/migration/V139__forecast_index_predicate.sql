-- V133's index again, with its predicate written as two comparisons instead of NOT IN: PostgreSQL prints a NOT IN
-- predicate back with the array's casts nested differently from how it was written, so the demo's bulk load (which
-- drops the camera indexes and re-creates them from their printed definitions) got an index that read differently
-- from the migration's; two comparisons print back as they are. The forecast's NOT IN still proves this predicate.
DROP INDEX IF EXISTS camera_in_service_eol_idx;
CREATE INDEX camera_in_service_eol_idx ON camera (end_of_life)
    INCLUDE (id, precinct_id, district_id, funding_source_id, lpr)
    WHERE status <> 'DECOMMISSIONED' AND status <> 'PLANNED';
