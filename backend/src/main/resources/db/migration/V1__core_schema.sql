-- Watchkeeper core schema: boundaries, sites, cameras, money, vendors, contracts, users, audit.
-- Flyway owns the schema; Hibernate only validates it. Geometries are EPSG:4326.
-- Migration numbers by area, to keep parallel work apart:
--   V1-V9 core, V10-V19 camera import, V20-V29 security, V30-V39 demo data, V40-V49 registry.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE precinct (
    id          bigserial PRIMARY KEY,
    code        varchar(32)  NOT NULL UNIQUE,
    name_zh     varchar(100) NOT NULL,
    name_en     varchar(100) NOT NULL,
    boundary    geometry(MultiPolygon, 4326) NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX precinct_boundary_gix ON precinct USING gist (boundary);

CREATE TABLE district (
    id          bigserial PRIMARY KEY,
    code        varchar(32)  NOT NULL UNIQUE,
    name_zh     varchar(100) NOT NULL,
    name_en     varchar(100) NOT NULL,
    boundary    geometry(MultiPolygon, 4326) NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX district_boundary_gix ON district USING gist (boundary);

CREATE TABLE vendor (
    id          bigserial PRIMARY KEY,
    code        varchar(32)  NOT NULL UNIQUE,
    name_zh     varchar(200) NOT NULL,
    name_en     varchar(200),
    tax_id      varchar(16),
    phone       varchar(40),
    email       varchar(200)
);

CREATE TABLE funding_source (
    id           bigserial PRIMARY KEY,
    code         varchar(40)  NOT NULL UNIQUE,
    kind         varchar(32)  NOT NULL CHECK (kind IN ('CITY_BUDGET', 'CENTRAL_SUBSIDY', 'SOE_COMMUNITY_FUND', 'DONATION', 'OTHER')),
    name_zh      varchar(200) NOT NULL,
    name_en      varchar(200),
    sponsor      varchar(200),
    fiscal_year  smallint     NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
    amount_ntd   bigint       NOT NULL CHECK (amount_ntd >= 0)
);

CREATE TABLE procurement_project (
    id                    bigserial PRIMARY KEY,
    code                  varchar(40)  NOT NULL UNIQUE,
    name_zh               varchar(200) NOT NULL,
    name_en               varchar(200),
    purpose               varchar(32)  NOT NULL CHECK (purpose IN ('REPLACEMENT', 'NEW_INSTALLATION', 'LPR_UPGRADE')),
    fiscal_year           smallint     NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
    budget_ntd            bigint       NOT NULL CHECK (budget_ntd >= 0),
    planned_camera_count  integer      CHECK (planned_camera_count >= 0),
    vendor_id             bigint REFERENCES vendor (id),
    precinct_id           bigint REFERENCES precinct (id),
    budgeted_on           date,
    tendering_on          date,
    awarded_on            date,
    started_on            date,
    completion_due_on     date,
    completed_on          date,
    accepted_on           date,
    notes                 text
);

CREATE TABLE project_funding (
    project_id         bigint NOT NULL REFERENCES procurement_project (id) ON DELETE CASCADE,
    funding_source_id  bigint NOT NULL REFERENCES funding_source (id),
    amount_ntd         bigint NOT NULL CHECK (amount_ntd >= 0),
    PRIMARY KEY (project_id, funding_source_id)
);

CREATE TABLE maintenance_contract (
    id              bigserial PRIMARY KEY,
    code            varchar(40)  NOT NULL UNIQUE,
    vendor_id       bigint       NOT NULL REFERENCES vendor (id),
    name_zh         varchar(200) NOT NULL,
    name_en         varchar(200),
    starts_on       date         NOT NULL,
    ends_on         date         NOT NULL,
    budget_ntd      bigint       NOT NULL DEFAULT 0 CHECK (budget_ntd >= 0),
    response_hours  integer      NOT NULL DEFAULT 24 CHECK (response_hours > 0),
    restore_hours   integer      NOT NULL DEFAULT 72 CHECK (restore_hours > 0),
    CHECK (ends_on >= starts_on)
);

CREATE TABLE maintenance_contract_precinct (
    contract_id  bigint NOT NULL REFERENCES maintenance_contract (id) ON DELETE CASCADE,
    precinct_id  bigint NOT NULL REFERENCES precinct (id),
    PRIMARY KEY (contract_id, precinct_id)
);

-- A pole or mounting point. Cameras on it are numbered site code + index (LAAA001-01).
CREATE TABLE site (
    id           bigserial PRIMARY KEY,
    code         varchar(40)  NOT NULL UNIQUE,
    address      varchar(300),
    location     geometry(Point, 4326),
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX site_location_gix ON site USING gist (location);

CREATE TABLE camera (
    id                   bigserial PRIMARY KEY,
    asset_tag            varchar(40)  NOT NULL,
    site_id              bigint REFERENCES site (id),
    site_index           smallint CHECK (site_index BETWEEN 0 AND 99),
    location             geometry(Point, 4326),
    address              varchar(300),
    precinct_id          bigint REFERENCES precinct (id),
    district_id          bigint REFERENCES district (id),
    -- true when a person chose the precinct/district; boundary changes then leave it alone
    area_overridden      boolean      NOT NULL DEFAULT false,
    heading_deg          smallint CHECK (heading_deg >= 0 AND heading_deg < 360),
    fov_deg              smallint CHECK (fov_deg > 0 AND fov_deg <= 360),
    range_m              integer  CHECK (range_m > 0 AND range_m <= 2000),
    install_date         date,
    service_life_years   smallint     NOT NULL DEFAULT 8 CHECK (service_life_years BETWEEN 1 AND 30),
    end_of_life          date GENERATED ALWAYS AS ((install_date + make_interval(years => service_life_years::int))::date) STORED,
    warranty_end         date,
    lpr                  varchar(16)  NOT NULL DEFAULT 'NONE' CHECK (lpr IN ('NONE', 'LPR', 'REALTIME_LPR')),
    make                 varchar(80),
    model                varchar(80),
    status               varchar(16)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('PLANNED', 'ACTIVE', 'FAULTY', 'DECOMMISSIONED')),
    funding_source_id    bigint REFERENCES funding_source (id),
    project_id           bigint REFERENCES procurement_project (id),
    contract_id          bigint REFERENCES maintenance_contract (id),
    supplier_vendor_id   bigint REFERENCES vendor (id),
    decommissioned_on    date,
    decommission_reason  varchar(500),
    notes                text,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    version              bigint       NOT NULL DEFAULT 0,
    CONSTRAINT camera_asset_tag_key UNIQUE (asset_tag),
    CONSTRAINT camera_decommission_consistent CHECK ((status = 'DECOMMISSIONED') = (decommissioned_on IS NOT NULL)),
    CONSTRAINT camera_warranty_after_install CHECK (warranty_end IS NULL OR install_date IS NULL OR warranty_end >= install_date)
);
CREATE INDEX camera_location_gix ON camera USING gist (location);
CREATE INDEX camera_precinct_idx ON camera (precinct_id);
CREATE INDEX camera_district_idx ON camera (district_id);
CREATE INDEX camera_site_idx ON camera (site_id);
CREATE INDEX camera_status_idx ON camera (status);
CREATE INDEX camera_end_of_life_idx ON camera (end_of_life);
CREATE INDEX camera_funding_idx ON camera (funding_source_id);
CREATE INDEX camera_project_idx ON camera (project_id);
CREATE INDEX camera_unplaced_idx ON camera (id) WHERE location IS NULL;
CREATE INDEX camera_asset_tag_trgm ON camera USING gin (asset_tag gin_trgm_ops);
CREATE INDEX camera_address_trgm ON camera USING gin (address gin_trgm_ops);

CREATE TABLE app_user (
    id             bigserial PRIMARY KEY,
    username       varchar(64)  NOT NULL UNIQUE,
    display_name   varchar(200) NOT NULL,
    password_hash  varchar(200) NOT NULL,
    enabled        boolean      NOT NULL DEFAULT true,
    vendor_id      bigint REFERENCES vendor (id),
    precinct_id    bigint REFERENCES precinct (id),
    locale         varchar(10),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    demo           boolean      NOT NULL DEFAULT false
);

CREATE TABLE app_user_role (
    user_id  bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role     varchar(32) NOT NULL CHECK (role IN ('ADMIN', 'DISPATCHER', 'VENDOR_TECHNICIAN', 'SQUAD_MEMBER', 'PROCUREMENT', 'INVESTIGATOR', 'VIEWER')),
    PRIMARY KEY (user_id, role)
);

-- Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_event (
    id           bigserial PRIMARY KEY,
    occurred_at  timestamptz  NOT NULL DEFAULT now(),
    actor        varchar(64),
    action       varchar(64)  NOT NULL,
    object_type  varchar(64),
    object_id    varchar(100),
    details      jsonb,
    remote_addr  varchar(64)
);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, occurred_at DESC);

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
