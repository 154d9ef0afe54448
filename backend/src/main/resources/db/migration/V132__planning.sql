-- Planning (issue 11): the planner's price list, replacement plans (what-if, saved with their inputs and the cameras
-- they put in each year), plan years made into procurement projects, delivered replacements (the new camera on the
-- old one's pole, both linked), decommissions with a kind of reason, and the maintenance budget split.
-- Migration numbers of this issue: V132-V139.

-- A camera's serial number (a delivered replacement records it); unique whatever its case.
ALTER TABLE camera ADD COLUMN serial_number varchar(80);
CREATE UNIQUE INDEX camera_serial_number_key ON camera (upper(serial_number)) WHERE serial_number IS NOT NULL;

-- Lineage: the camera this one replaced (at most one camera replaces a camera). "Replaced by" is the reverse link.
ALTER TABLE camera ADD COLUMN replaces_camera_id bigint REFERENCES camera (id);
CREATE UNIQUE INDEX camera_replaces_key ON camera (replaces_camera_id) WHERE replaces_camera_id IS NOT NULL;

-- Why a camera left service, as a kind the figures count by (the free-text decommission_reason stays beside it).
ALTER TABLE camera ADD COLUMN decommission_kind varchar(24)
    CHECK (decommission_kind IN ('REPLACED', 'END_OF_LIFE_FAULTY', 'NOT_NEEDED', 'NOT_WORTH_REPAIRING', 'OTHER'));
ALTER TABLE camera ADD CONSTRAINT camera_decommission_kind_only_when_decommissioned
    CHECK (decommission_kind IS NULL OR status = 'DECOMMISSIONED');
UPDATE camera SET decommission_kind = 'OTHER' WHERE status = 'DECOMMISSIONED';
CREATE INDEX camera_decommissioned_on_idx ON camera (decommissioned_on) WHERE decommissioned_on IS NOT NULL;

-- A project's warranty terms (a delivered camera's warranty ends this many years after its installation) and the
-- plan year it was made from.
ALTER TABLE procurement_project ADD COLUMN warranty_years smallint CHECK (warranty_years BETWEEN 0 AND 20);
ALTER TABLE procurement_project ADD COLUMN plan_id bigint;
ALTER TABLE procurement_project ADD COLUMN plan_year smallint;

-- A replacement (or decommission) order bought through a project; the camera a replacement order delivered.
ALTER TABLE work_order ADD COLUMN project_id bigint REFERENCES procurement_project (id);
ALTER TABLE work_order ADD COLUMN delivered_camera_id bigint REFERENCES camera (id);
CREATE INDEX work_order_project_idx ON work_order (project_id, state) WHERE project_id IS NOT NULL;
CREATE UNIQUE INDEX work_order_delivered_camera_key ON work_order (delivered_camera_id) WHERE delivered_camera_id IS NOT NULL;

-- The planner's price list: the unit price of replacing one camera of a kind, installation included, from a date.
-- The price on a day is the entry of that kind with the latest applies_from on or before it.
CREATE TABLE price_list_entry (
    id              bigserial PRIMARY KEY,
    kind            varchar(16)  NOT NULL CHECK (kind IN ('NONE', 'LPR', 'REALTIME_LPR')),
    applies_from    date         NOT NULL CHECK (applies_from BETWEEN DATE '1990-01-01' AND DATE '2100-12-31'),
    unit_price_ntd  bigint       NOT NULL CHECK (unit_price_ntd > 0 AND unit_price_ntd <= 100000000),
    note            varchar(300),
    created_by      varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (kind, applies_from)
);

-- Defaults derived from the seed report (八.2, 八.4): NT$39,955,000 for 530 replacements is NT$75,387 a camera
-- (rounded); the NT$10,000,000 added for plate recognition and analytics over the same 530 is NT$18,868 more
-- (NT$94,255 an LPR camera); the central subsidy's NT$20,526,000 for 219 cameras, 40 of them real-time LPR, leaves
-- NT$7,031,727 for those 40 after 179 standard ones at NT$75,387: NT$175,793 a real-time LPR camera.
INSERT INTO price_list_entry (kind, applies_from, unit_price_ntd, note, created_by) VALUES
    ('NONE', DATE '2023-01-01', 75387, '39,955,000 / 530 (112年汰換案)', 'system'),
    ('LPR', DATE '2023-01-01', 94255, '(39,955,000 + 10,000,000) / 530', 'system'),
    ('REALTIME_LPR', DATE '2023-01-01', 175793, '(20,526,000 - 179 × 75,387) / 40 (中央補助案)', 'system');

-- Cameras a planner marks as an important site (raises their replacement priority).
CREATE TABLE planning_important_camera (
    camera_id   bigint       PRIMARY KEY REFERENCES camera (id),
    note        varchar(300),
    flagged_by  varchar(64)  NOT NULL,
    flagged_at  timestamptz  NOT NULL DEFAULT now()
);

-- A saved what-if: its inputs (first fiscal year, years, budgets per year, weights, price date, filters), the
-- date it was computed for, and its totals. The name is unique whatever its case.
CREATE TABLE replacement_plan (
    id              bigserial PRIMARY KEY,
    name            varchar(120) NOT NULL,
    first_year      smallint     NOT NULL CHECK (first_year BETWEEN 1990 AND 2100),
    years           smallint     NOT NULL CHECK (years BETWEEN 1 AND 10),
    as_of           date         NOT NULL,
    budgets         jsonb        NOT NULL,
    weights         jsonb        NOT NULL,
    inputs          jsonb        NOT NULL DEFAULT '{}'::jsonb,
    planned_cameras integer      NOT NULL DEFAULT 0,
    planned_cost    bigint       NOT NULL DEFAULT 0,
    created_by      varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX replacement_plan_name_key ON replacement_plan (lower(name));
ALTER TABLE procurement_project ADD CONSTRAINT procurement_project_plan_fk FOREIGN KEY (plan_id) REFERENCES replacement_plan (id);

-- A plan's year: its budget, what it buys, and the backlog left at its end with and without the cap.
CREATE TABLE replacement_plan_year (
    plan_id           bigint   NOT NULL REFERENCES replacement_plan (id) ON DELETE CASCADE,
    fiscal_year       smallint NOT NULL,
    budget_ntd        bigint   NOT NULL CHECK (budget_ntd >= 0),
    cameras           integer  NOT NULL CHECK (cameras >= 0),
    cost_ntd          bigint   NOT NULL CHECK (cost_ntd >= 0),
    backlog_capped    integer  NOT NULL CHECK (backlog_capped >= 0),
    backlog_uncapped  integer  NOT NULL CHECK (backlog_uncapped >= 0),
    PRIMARY KEY (plan_id, fiscal_year)
);

-- A camera a plan puts in a year, with its rank in that year, its score and every part of it. A camera is planned
-- at most once per plan.
CREATE TABLE replacement_plan_camera (
    plan_id          bigint        NOT NULL REFERENCES replacement_plan (id) ON DELETE CASCADE,
    camera_id        bigint        NOT NULL REFERENCES camera (id),
    fiscal_year      smallint      NOT NULL,
    rank             integer       NOT NULL CHECK (rank > 0),
    score            numeric(12,4) NOT NULL,
    years_past_eol   numeric(8,3)  NOT NULL,
    downtime_hours   numeric(10,1) NOT NULL,
    repair_orders    integer       NOT NULL,
    lpr              varchar(16)   NOT NULL,
    useful_footage   integer       NOT NULL,
    covered          boolean       NOT NULL,
    important        boolean       NOT NULL,
    unit_price_ntd   bigint        NOT NULL,
    PRIMARY KEY (plan_id, camera_id),
    UNIQUE (plan_id, fiscal_year, rank)
);

-- A maintenance budget split applied to a year's precinct contracts: the total, the reference date of the
-- out-of-warranty counts, and each precinct's part (largest remainder: the parts add up to the total).
CREATE TABLE maintenance_budget_split (
    id              bigserial PRIMARY KEY,
    fiscal_year     smallint     NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
    total_ntd       bigint       NOT NULL CHECK (total_ntd > 0),
    reference_date  date         NOT NULL,
    applied_by      varchar(64)  NOT NULL,
    applied_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE maintenance_budget_split_part (
    split_id         bigint  NOT NULL REFERENCES maintenance_budget_split (id) ON DELETE CASCADE,
    precinct_id      bigint  NOT NULL REFERENCES precinct (id),
    out_of_warranty  integer NOT NULL CHECK (out_of_warranty >= 0),
    amount_ntd       bigint  NOT NULL CHECK (amount_ntd >= 0),
    contract_id      bigint REFERENCES maintenance_contract (id),
    PRIMARY KEY (split_id, precinct_id)
);
