-- Camera registry list: indexes for the filters, sort and text search of the camera list (V40-V49: registry).
--
-- The list is sorted by asset tag by default, and asset tags cluster by precinct and district (police number
-- poles per station). A plain precinct index then forces "find the precinct's rows, sort them all"; with the
-- tag as second column PostgreSQL reads the precinct's cameras already in tag order and stops after a page.
-- They replace the single-column indexes, which they cover (foreign-key checks, area re-assignment).
CREATE INDEX camera_precinct_tag_idx ON camera (precinct_id, asset_tag);
CREATE INDEX camera_district_tag_idx ON camera (district_id, asset_tag);
DROP INDEX camera_precinct_idx;
DROP INDEX camera_district_idx;

-- Free text also matches the site code (a camera on pole LAAA001 is found by "AAA00").
CREATE INDEX site_code_trgm ON site USING gin (code gin_trgm_ops);

-- Sorting by install date (end of life already has one) without sorting the whole fleet.
CREATE INDEX camera_install_date_idx ON camera (install_date);
