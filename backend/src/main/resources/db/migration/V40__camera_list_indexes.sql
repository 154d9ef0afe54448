-- Camera registry list: indexes and statistics for the filters, sort and text search of the camera list
-- (V40-V49: registry). Measured with scripts/bench-camera-list on 1,000,000 cameras.
--
-- The list is sorted by asset tag by default, and asset tags cluster by precinct and district (police number
-- poles per station). With only a precinct index, PostgreSQL either sorts the whole precinct or walks the
-- asset-tag index through every other precinct first; with the tag as second column it reads the precinct's
-- cameras already in tag order and stops after a page. The single-column indexes stay: they are far smaller
-- (deduplicated), which makes them the cheap side of a BitmapAnd with the address trigram index.
CREATE INDEX camera_precinct_tag_idx ON camera (precinct_id, asset_tag);
CREATE INDEX camera_district_tag_idx ON camera (district_id, asset_tag);

-- Free text also matches the site code (a camera on pole LAAA001 is found by "AAA00").
CREATE INDEX site_code_trgm ON site USING gin (code gin_trgm_ops);

-- Sorting by install date (end of life already has one) without sorting the whole fleet.
CREATE INDEX camera_install_date_idx ON camera (install_date);

-- ILIKE '%road%' is estimated from the column's histogram; with the default 100 entries a road name on
-- 2% of the cameras is often estimated at a few hundred rows, and the planner then walks a whole precinct
-- in tag order instead of intersecting the trigram and precinct indexes. A larger sample fixes the estimate.
ALTER TABLE camera ALTER COLUMN address SET STATISTICS 1000;
ALTER TABLE camera ALTER COLUMN asset_tag SET STATISTICS 1000;
