-- The camera list sorts cameras without an end of life last in both directions. Ascending, the b-tree on
-- (status, end_of_life) and a plain read serve; descending NULLS LAST needs an index in that order, or a broad
-- list sorted by "end of life, latest first" would sort every matching row.
CREATE INDEX camera_end_of_life_desc_idx ON camera (end_of_life DESC NULLS LAST);
