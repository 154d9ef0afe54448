-- Maintenance: repair squads, outages, work orders with their history and photos.
-- Shared by the health module (outages), the maintenance module (work orders) and the jobs; the rules the
-- jobs rely on for idempotence are unique indexes here, not application checks.

-- In-house repair squads: HQ (precinct_id NULL) and one per precinct.
CREATE TABLE repair_squad (
    id           bigserial PRIMARY KEY,
    code         varchar(40)  NOT NULL UNIQUE,
    name_zh      varchar(200) NOT NULL,
    name_en      varchar(200),
    precinct_id  bigint REFERENCES precinct (id)
);
CREATE UNIQUE INDEX repair_squad_one_hq ON repair_squad ((precinct_id IS NULL)) WHERE precinct_id IS NULL;

-- A squad member belongs to one squad (vendor technicians already have app_user.vendor_id).
ALTER TABLE app_user ADD COLUMN squad_id bigint REFERENCES repair_squad (id);

-- The supplying vendor of a camera (warranty repairs go to it) is camera.supplier_vendor_id (V1).

-- A period in which a camera was not recording. Open while ended_at IS NULL; at most one open per camera.
-- Outage history is the truth for "was this camera recording at time T" and for downtime figures.
CREATE TABLE outage (
    id           bigserial PRIMARY KEY,
    camera_id    bigint       NOT NULL REFERENCES camera (id),
    started_at   timestamptz  NOT NULL,
    ended_at     timestamptz,
    cause        varchar(32)  NOT NULL CHECK (cause IN ('REPORTED_DOWN', 'SILENT', 'MANUAL')),
    detected_at  timestamptz  NOT NULL DEFAULT now(),
    source       varchar(100),
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX outage_one_open_per_camera ON outage (camera_id) WHERE ended_at IS NULL;
CREATE INDEX outage_camera_started_idx ON outage (camera_id, started_at DESC);
CREATE INDEX outage_open_started_idx ON outage (started_at) WHERE ended_at IS NULL;
CREATE INDEX outage_started_idx ON outage (started_at);
CREATE INDEX outage_ended_idx ON outage (ended_at) WHERE ended_at IS NOT NULL;

-- A work order. Assignee: a maintenance contract (its vendor_id is copied for scoping), the supplying vendor
-- under warranty (vendor_id only), or a repair squad; none while NEW.
CREATE TABLE work_order (
    id                bigserial PRIMARY KEY,
    kind              varchar(16)  NOT NULL CHECK (kind IN ('REPAIR', 'REPLACEMENT', 'DECOMMISSION', 'INSPECTION')),
    camera_id         bigint       NOT NULL REFERENCES camera (id),
    origin            varchar(16)  NOT NULL CHECK (origin IN ('OUTAGE', 'LIFECYCLE', 'WARRANTY', 'MANUAL', 'REPORT')),
    outage_id         bigint REFERENCES outage (id),
    priority          varchar(8)   NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    state             varchar(16)  NOT NULL DEFAULT 'NEW'
                      CHECK (state IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'RESTORED', 'CLOSED', 'CANCELLED')),
    assignee_kind     varchar(16)  CHECK (assignee_kind IN ('CONTRACT', 'WARRANTY_VENDOR', 'SQUAD')),
    contract_id       bigint REFERENCES maintenance_contract (id),
    vendor_id         bigint REFERENCES vendor (id),
    squad_id          bigint REFERENCES repair_squad (id),
    title             varchar(300),
    description       text,
    hold_reason       varchar(500),
    state_before_hold varchar(16),
    on_hold_since     timestamptz,
    held_seconds      bigint       NOT NULL DEFAULT 0 CHECK (held_seconds >= 0),
    opened_at         timestamptz  NOT NULL,
    assigned_at       timestamptz,
    started_at        timestamptz,
    restored_at       timestamptz,
    closed_at         timestamptz,
    cancelled_at      timestamptz,
    response_due_at   timestamptz,
    restore_due_at    timestamptz,
    escalation_level  smallint     NOT NULL DEFAULT 0,
    escalated_at      timestamptz,
    resolution        varchar(24)  CHECK (resolution IN ('RESTORED_BY_VENDOR', 'RESTORED_IN_HOUSE', 'REPLACED',
                                                         'DECOMMISSIONED', 'NO_FAULT_FOUND')),
    resolution_note   text,
    cost_ntd          bigint CHECK (cost_ntd >= 0),
    created_by        varchar(64),
    version           bigint       NOT NULL DEFAULT 0,
    CHECK (state IN ('NEW', 'CANCELLED') OR assignee_kind IS NOT NULL),
    CHECK (assignee_kind IS DISTINCT FROM 'CONTRACT' OR (contract_id IS NOT NULL AND vendor_id IS NOT NULL)),
    CHECK (assignee_kind IS DISTINCT FROM 'WARRANTY_VENDOR' OR vendor_id IS NOT NULL),
    CHECK (assignee_kind IS DISTINCT FROM 'SQUAD' OR squad_id IS NOT NULL),
    CHECK (state <> 'CLOSED' OR (resolution IS NOT NULL AND closed_at IS NOT NULL)),
    CHECK (state <> 'ON_HOLD' OR (hold_reason IS NOT NULL AND on_hold_since IS NOT NULL))
);
-- Never two open repair orders for one camera; never two replacement orders for one camera (unless cancelled).
CREATE UNIQUE INDEX work_order_one_open_repair ON work_order (camera_id)
    WHERE kind = 'REPAIR' AND state NOT IN ('CLOSED', 'CANCELLED');
CREATE UNIQUE INDEX work_order_one_replacement ON work_order (camera_id)
    WHERE kind = 'REPLACEMENT' AND state <> 'CANCELLED';
CREATE INDEX work_order_camera_idx ON work_order (camera_id, opened_at DESC);
CREATE INDEX work_order_outage_idx ON work_order (outage_id) WHERE outage_id IS NOT NULL;
CREATE INDEX work_order_open_idx ON work_order (state, opened_at) WHERE state NOT IN ('CLOSED', 'CANCELLED');
CREATE INDEX work_order_vendor_idx ON work_order (vendor_id, state);
CREATE INDEX work_order_squad_idx ON work_order (squad_id, state);
CREATE INDEX work_order_contract_idx ON work_order (contract_id, state);
CREATE INDEX work_order_opened_idx ON work_order (opened_at);
CREATE INDEX work_order_closed_idx ON work_order (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX work_order_restore_due_idx ON work_order (restore_due_at) WHERE state NOT IN ('RESTORED', 'CLOSED', 'CANCELLED');

-- Every transition and assignment of a work order: who, when, from which state to which, and a note.
CREATE TABLE work_order_event (
    id             bigserial PRIMARY KEY,
    work_order_id  bigint       NOT NULL REFERENCES work_order (id),
    occurred_at    timestamptz  NOT NULL,
    actor          varchar(64)  NOT NULL,
    action         varchar(32)  NOT NULL,
    from_state     varchar(16),
    to_state       varchar(16),
    note           text,
    details        jsonb
);
CREATE INDEX work_order_event_order_idx ON work_order_event (work_order_id, occurred_at, id);

-- Photos attached to a work order (type and size checked by the application; kept in the database so that
-- every node serves them and a backup holds them).
CREATE TABLE work_order_photo (
    id             bigserial PRIMARY KEY,
    work_order_id  bigint       NOT NULL REFERENCES work_order (id),
    uploaded_at    timestamptz  NOT NULL DEFAULT now(),
    uploaded_by    varchar(64)  NOT NULL,
    file_name      varchar(255),
    content_type   varchar(64)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes     integer      NOT NULL CHECK (size_bytes > 0),
    sha256         char(64)     NOT NULL,
    content        bytea        NOT NULL
);
CREATE INDEX work_order_photo_order_idx ON work_order_photo (work_order_id);
