-- The map's per-cell camera counts (issue 4): at each level (zoom) 0..15, the cameras of each 64-pixel cell of
-- that zoom's Web Mercator grid (~306 m at 15, twice as wide per level down: every cell is an exact union of four
-- cells of the level above), split by precinct, district and LPR, with the count per state on the map and the
-- sums of longitudes and latitudes (for the mean point). Rewritten set-based by the map module when older than
-- watchkeeper.map.aggregate-max-age; low-zoom clusters are summed from here instead of from a million cameras.
CREATE TABLE map_cell (
    level           smallint         NOT NULL,
    gx              integer          NOT NULL,
    gy              integer          NOT NULL,
    precinct_id     bigint,
    district_id     bigint,
    lpr             varchar(16)      NOT NULL,
    cameras         integer          NOT NULL,
    sum_lon         double precision NOT NULL,
    sum_lat         double precision NOT NULL,
    working         integer          NOT NULL,
    outage          integer          NOT NULL,
    faulty          integer          NOT NULL,
    past_eol        integer          NOT NULL,
    planned         integer          NOT NULL,
    decommissioned  integer          NOT NULL
);
CREATE INDEX map_cell_level_xy_idx ON map_cell (level, gx, gy);

-- When map_cell was last rewritten, for which day (past end of life depends on it) and cell size.
CREATE TABLE map_cell_refresh (
    id            boolean          PRIMARY KEY DEFAULT true CHECK (id),
    refreshed_at  timestamptz      NOT NULL,
    as_of_day     date             NOT NULL,
    cell_m        double precision NOT NULL
);
