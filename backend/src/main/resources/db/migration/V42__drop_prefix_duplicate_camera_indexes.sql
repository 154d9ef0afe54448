-- Every index on camera costs every insert: a 100,000-camera import spends most of its time maintaining
-- them (scripts/bench-import). These three are prefixes of composite indexes that serve the same filters:
-- precinct_id of (precinct_id, asset_tag), district_id of (district_id, asset_tag), status of
-- (status, end_of_life). Measured with scripts/bench-camera-list and scripts/bench-import before and after.
DROP INDEX IF EXISTS camera_precinct_idx;
DROP INDEX IF EXISTS camera_district_idx;
DROP INDEX IF EXISTS camera_status_idx;
