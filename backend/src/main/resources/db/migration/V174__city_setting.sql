-- The department a Watchkeeper installation serves (issue 13, city set-up): its name in both languages, shown in the
-- page header. One row at most; no row, or empty names, means the header shows the product's name alone.
CREATE TABLE city_setting (
    id               smallint     PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    department_zh    varchar(100),
    department_en    varchar(100),
    updated_by       varchar(64),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);
