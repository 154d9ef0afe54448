-- The slow parts of a camera's replacement priority, kept per date the 12-month window ends on (the plan's asOf):
-- downtime hours and repair orders in the 12 months before it, USEFUL footage, and whether another working camera
-- covers its view point. Aggregating ten million outages and testing every camera's field of view against its
-- neighbours takes minutes on a million cameras, so a plan reads these rows (computed once for a date, on demand
-- or again on request) instead of aggregating at every what-if. A camera without a row has zero of each.
CREATE TABLE planning_priority_snapshot (
    as_of        date         PRIMARY KEY,
    cameras      integer      NOT NULL CHECK (cameras >= 0),
    computed_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE planning_priority_fact (
    as_of           date          NOT NULL REFERENCES planning_priority_snapshot (as_of) ON DELETE CASCADE,
    camera_id       bigint        NOT NULL,
    downtime_hours  numeric(10,1) NOT NULL,
    repair_orders   integer       NOT NULL,
    useful_footage  integer       NOT NULL,
    covered         boolean       NOT NULL,
    PRIMARY KEY (as_of, camera_id)
);

-- What a plan year would need to clear everything due by its end that earlier years left (cameras and cost at the
-- year's prices), shown beside what the budget buys.
ALTER TABLE replacement_plan_year ADD COLUMN clear_cameras integer NOT NULL DEFAULT 0 CHECK (clear_cameras >= 0);
ALTER TABLE replacement_plan_year ADD COLUMN clear_cost_ntd bigint NOT NULL DEFAULT 0 CHECK (clear_cost_ntd >= 0);
