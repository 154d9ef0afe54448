-- Door-plate gazetteers (門牌坐標資料) and address matching (issue 13). A dataset is one imported file; its door
-- plates carry their address read into parts by the application's AddressNormaliser, so that camera addresses,
-- normalised by the same rules, meet them on equal keys. Numbers are 0 when absent (no lane, alley or sub-number).
CREATE TABLE gazetteer_dataset (
    id            bigserial PRIMARY KEY,
    name          varchar(120) NOT NULL UNIQUE,
    city          varchar(20),
    source_file   varchar(300),
    coordinates   varchar(8)   NOT NULL CHECK (coordinates IN ('TWD97', 'WGS84')),
    row_count     integer      NOT NULL DEFAULT 0,
    warning_count integer      NOT NULL DEFAULT 0,
    imported_at   timestamptz  NOT NULL DEFAULT now(),
    imported_by   varchar(100)
);

CREATE TABLE door_plate (
    id           bigserial PRIMARY KEY,
    dataset_id   bigint       NOT NULL REFERENCES gazetteer_dataset (id) ON DELETE CASCADE,
    line         integer      NOT NULL,
    city         varchar(20)  NOT NULL DEFAULT '',
    district     varchar(20)  NOT NULL DEFAULT '',
    village      varchar(40),
    road         varchar(80)  NOT NULL,
    road_key     varchar(90)  NOT NULL,
    lane         integer      NOT NULL DEFAULT 0,
    alley        integer      NOT NULL DEFAULT 0,
    number       integer      NOT NULL CHECK (number > 0),
    sub          integer      NOT NULL DEFAULT 0,
    parity       smallint     GENERATED ALWAYS AS (number % 2) STORED,
    raw_address  varchar(300) NOT NULL,
    location     geometry(Point, 4326) NOT NULL
);
-- exact door plate, and the nearest number on the same road section, lane and alley (same side of the road first)
CREATE INDEX door_plate_street_idx ON door_plate (road_key, district, city, lane, alley, parity, number, sub);
CREATE INDEX door_plate_dataset_idx ON door_plate (dataset_id);

-- One row per road section and district of a dataset: its door plates collected (for where two roads meet) and
-- its middle door plate (for an address that names the road only). Rebuilt by the import.
CREATE TABLE gazetteer_road (
    dataset_id   bigint       NOT NULL REFERENCES gazetteer_dataset (id) ON DELETE CASCADE,
    city         varchar(20)  NOT NULL,
    district     varchar(20)  NOT NULL,
    road_key     varchar(90)  NOT NULL,
    plates       integer      NOT NULL,
    middle_plate bigint       NOT NULL REFERENCES door_plate (id) ON DELETE CASCADE,
    points       geometry(MultiPoint, 4326) NOT NULL,
    PRIMARY KEY (dataset_id, city, district, road_key)
);
CREATE INDEX gazetteer_road_key_idx ON gazetteer_road (road_key, district);

CREATE TABLE address_match_run (
    id           bigserial PRIMARY KEY,
    started_at   timestamptz  NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    started_by   varchar(100),
    auto_apply   varchar(100) NOT NULL,
    counts       jsonb
);

-- One match per site (a pole's cameras share its address) or per camera without a site.
CREATE TABLE address_match (
    id            bigserial PRIMARY KEY,
    run_id        bigint       NOT NULL REFERENCES address_match_run (id) ON DELETE CASCADE,
    site_id       bigint REFERENCES site (id) ON DELETE CASCADE,
    camera_id     bigint REFERENCES camera (id) ON DELETE CASCADE,
    camera_ids    bigint[]     NOT NULL,
    address       varchar(300) NOT NULL,
    normalised    varchar(300),
    kind          varchar(16)  NOT NULL,
    city          varchar(20),
    district      varchar(20),
    road_key      varchar(90),
    lane          integer      NOT NULL DEFAULT 0,
    alley         integer      NOT NULL DEFAULT 0,
    number        integer      NOT NULL DEFAULT 0,
    sub           integer      NOT NULL DEFAULT 0,
    road2_key     varchar(90),
    quality       varchar(16)  NOT NULL DEFAULT 'NONE'
                  CHECK (quality IN ('EXACT', 'NEAREST', 'ROAD', 'INTERSECTION', 'NONE')),
    reason        varchar(200),
    door_plate_id bigint REFERENCES door_plate (id) ON DELETE SET NULL,
    door_plate2_id bigint REFERENCES door_plate (id) ON DELETE SET NULL,
    matched_text  varchar(300),
    point         geometry(Point, 4326),
    number_gap    integer,
    distance_m    double precision,
    status        varchar(16)  NOT NULL DEFAULT 'PROPOSED'
                  CHECK (status IN ('PROPOSED', 'APPLIED', 'REJECTED', 'UNMATCHED')),
    decided_by    varchar(100),
    decided_at    timestamptz,
    CONSTRAINT address_match_point_with_quality CHECK ((quality = 'NONE') = (point IS NULL)),
    CONSTRAINT address_match_site_or_camera CHECK (site_id IS NOT NULL OR camera_id IS NOT NULL)
);
CREATE INDEX address_match_run_idx ON address_match (run_id, quality);
CREATE INDEX address_match_site_idx ON address_match (site_id) WHERE site_id IS NOT NULL;
CREATE INDEX address_match_camera_idx ON address_match (camera_id) WHERE camera_id IS NOT NULL;
CREATE INDEX address_match_status_idx ON address_match (status, quality);
