-- The end-of-life forecast (planning/ForecastQueries) counts the cameras in service by fiscal year of end of life and
-- group: an index-only scan of this narrow index (about 63 MB for 1,000,000 cameras, against 266 MB of table) reads
-- every column it needs, for the groupings by precinct, district, funding source and LPR kind (make and model still
-- read the table). The predicate is the forecast's own, so only cameras in service are in it.
CREATE INDEX camera_in_service_eol_idx ON camera (end_of_life)
    INCLUDE (id, precinct_id, district_id, funding_source_id, lpr)
    WHERE status NOT IN ('DECOMMISSIONED', 'PLANNED');
