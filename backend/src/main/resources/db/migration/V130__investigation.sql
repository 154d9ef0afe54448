-- Investigation: cases, their canvasses (point or route) kept as snapshots, and footage requests per camera.
-- A canvass is answered from the registry and the outage history; what was answered is copied into
-- canvass_camera so the case file does not change when outage records are corrected later.

-- Footage retention per camera in days; NULL = the city default (watchkeeper.investigation.default-retention-days).
ALTER TABLE camera ADD COLUMN retention_days smallint CHECK (retention_days BETWEEN 1 AND 3650);

CREATE TABLE investigation_case (
    id                     bigserial PRIMARY KEY,
    case_number            varchar(40)  NOT NULL,
    title                  varchar(300) NOT NULL,
    crime_type             varchar(100),
    incident_from          timestamptz  NOT NULL,
    incident_to            timestamptz  NOT NULL,
    location               geometry(Point, 4326),
    place                  varchar(300),
    -- NULL: headquarters (the case is not bound to one precinct)
    precinct_id            bigint REFERENCES precinct (id),
    opened_by              varchar(64)  NOT NULL,
    opened_at              timestamptz  NOT NULL,
    state                  varchar(16)  NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'SOLVED', 'UNSOLVED')),
    closed_by              varchar(64),
    closed_at              timestamptz,
    -- set by hand (with a reason) when footage helped without a request recorded as useful, or to deny it
    footage_override       boolean,
    footage_override_reason varchar(500),
    version                bigint       NOT NULL DEFAULT 0,
    CHECK (incident_to >= incident_from),
    CHECK ((state = 'OPEN') = (closed_at IS NULL)),
    CHECK ((footage_override IS NULL) = (footage_override_reason IS NULL))
);
CREATE UNIQUE INDEX investigation_case_number_key ON investigation_case (upper(case_number));
CREATE INDEX investigation_case_precinct_idx ON investigation_case (precinct_id, opened_at DESC);
CREATE INDEX investigation_case_closed_idx ON investigation_case (closed_at) WHERE closed_at IS NOT NULL;

-- One canvass as it was answered: a point with a radius, or a route with a corridor.
CREATE TABLE canvass (
    id               bigserial PRIMARY KEY,
    case_id          bigint       NOT NULL REFERENCES investigation_case (id),
    kind             varchar(8)   NOT NULL CHECK (kind IN ('POINT', 'ROUTE')),
    run_by           varchar(64)  NOT NULL,
    run_at           timestamptz  NOT NULL,
    window_from      timestamptz  NOT NULL,
    window_to        timestamptz  NOT NULL,
    -- POINT: the incident point; ROUTE: the drawn path (LineString)
    geom             geometry(Geometry, 4326) NOT NULL,
    radius_m         integer CHECK (radius_m BETWEEN 1 AND 1000),
    half_width_m     integer CHECK (half_width_m BETWEEN 1 AND 300),
    lpr_only         boolean      NOT NULL DEFAULT false,
    parameters       jsonb        NOT NULL,
    camera_count     integer      NOT NULL,
    facing_recording integer      NOT NULL,
    expired_count    integer      NOT NULL,
    CHECK (window_to >= window_from),
    CHECK ((kind = 'POINT') = (radius_m IS NOT NULL)),
    CHECK ((kind = 'ROUTE') = (half_width_m IS NOT NULL))
);
CREATE INDEX canvass_case_idx ON canvass (case_id, run_at DESC);

-- The cameras of a canvass as answered (the snapshot), in answer order.
CREATE TABLE canvass_camera (
    canvass_id        bigint       NOT NULL REFERENCES canvass (id),
    camera_id         bigint       NOT NULL REFERENCES camera (id),
    ordinal           integer      NOT NULL,
    asset_tag         varchar(40)  NOT NULL,
    address           varchar(300),
    location          geometry(Point, 4326) NOT NULL,
    distance_m        double precision NOT NULL,
    bearing_deg       double precision,
    heading_deg       smallint,
    fov_deg           smallint,
    range_m           integer,
    facing            varchar(8)   NOT NULL CHECK (facing IN ('YES', 'EDGE', 'NO', 'UNKNOWN')),
    availability      varchar(10)  NOT NULL CHECK (availability IN ('RECORDING', 'PARTLY', 'DOWN', 'UNKNOWN')),
    down_intervals    jsonb        NOT NULL DEFAULT '[]',
    unknown_intervals jsonb        NOT NULL DEFAULT '[]',
    lpr               varchar(16)  NOT NULL,
    retention_days    smallint     NOT NULL,
    footage_expires_on date        NOT NULL,
    -- ROUTE only: position along the route from its start, offset from it, facing relative to travel
    along_m           double precision,
    offset_m          double precision,
    travel            varchar(8) CHECK (travel IN ('WITH', 'AGAINST', 'ACROSS', 'UNKNOWN')),
    PRIMARY KEY (canvass_id, camera_id)
);
CREATE INDEX canvass_camera_camera_idx ON canvass_camera (camera_id);

-- A request for one camera's footage in a case, from a canvass that listed the camera.
CREATE TABLE footage_request (
    id                 bigserial PRIMARY KEY,
    case_id            bigint       NOT NULL REFERENCES investigation_case (id),
    canvass_id         bigint       NOT NULL,
    camera_id          bigint       NOT NULL,
    requested_by       varchar(64)  NOT NULL,
    requested_at       timestamptz  NOT NULL,
    window_from        timestamptz  NOT NULL,
    window_to          timestamptz  NOT NULL,
    priority           varchar(8)   NOT NULL CHECK (priority IN ('NORMAL', 'URGENT', 'CRITICAL')),
    due_at             timestamptz  NOT NULL,
    footage_expires_on date         NOT NULL,
    -- requested on or after the expiry date: allowed, marked late
    late               boolean      NOT NULL,
    state              varchar(16)  NOT NULL DEFAULT 'REQUESTED'
                       CHECK (state IN ('REQUESTED', 'DELIVERED', 'NOT_AVAILABLE', 'REFUSED')),
    not_available_reason varchar(16) CHECK (not_available_reason IN ('OVERWRITTEN', 'CAMERA_DOWN', 'NO_SUCH_VIEW')),
    answered_by        varchar(64),
    answered_at        timestamptz,
    outcome            varchar(12)  CHECK (outcome IN ('USEFUL', 'NOT_USEFUL')),
    outcome_by         varchar(64),
    outcome_at         timestamptz,
    note               varchar(1000),
    version            bigint       NOT NULL DEFAULT 0,
    FOREIGN KEY (canvass_id, camera_id) REFERENCES canvass_camera (canvass_id, camera_id),
    CHECK (window_to >= window_from),
    CHECK ((state = 'NOT_AVAILABLE') = (not_available_reason IS NOT NULL)),
    CHECK (outcome IS NULL OR state = 'DELIVERED'),
    CHECK ((state = 'REQUESTED') = (answered_at IS NULL))
);
CREATE INDEX footage_request_case_idx ON footage_request (case_id, requested_at);
CREATE INDEX footage_request_camera_useful_idx ON footage_request (camera_id) WHERE outcome = 'USEFUL';
