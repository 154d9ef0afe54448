-- The map's per-cell camera counts (issue 4): the cameras of each ~306 m cell of a Web Mercator grid (the
-- 64-pixel cell at zoom 15; a cell at zoom z is 2^(15-z) of them in each direction, so every lower zoom's cells
-- are exact unions of these), split by precinct, district and LPR, with the count per state on the map and the
-- sums of longitudes and latitudes (for the mean point). Rewritten set-based by the map module when older than
-- watchkeeper.map.aggregate-max-age; low-zoom clusters are summed from here instead of from a million cameras.
CREATE TABLE map_cell (
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
CREATE INDEX map_cell_xy_idx ON map_cell (gx, gy);

-- When map_cell was last rewritten, for which day (past end of life depends on it) and cell size.
CREATE TABLE map_cell_refresh (
    id            boolean          PRIMARY KEY DEFAULT true CHECK (id),
    refreshed_at  timestamptz      NOT NULL,
    as_of_day     date             NOT NULL,
    cell_m        double precision NOT NULL
);
