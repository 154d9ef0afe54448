-- Facts hidden in names (issue 13): an import's derivations (a column read with a pattern whose named groups fill
-- fields) are kept with its job, so a run started later reads them; and a mapping with its derivations and
-- options can be saved as a named import profile for the next list of the same shape.
ALTER TABLE import_job ADD COLUMN derivations jsonb NOT NULL DEFAULT '[]'::jsonb;

CREATE TABLE import_profile (
    id           bigserial    PRIMARY KEY,
    name         varchar(100) NOT NULL,
    -- {"column header": "FIELD" or "IGNORE"}
    mapping      jsonb        NOT NULL DEFAULT '{}'::jsonb,
    -- [{"column": "column header", "pattern": "regex with named groups"}]
    derivations  jsonb        NOT NULL DEFAULT '[]'::jsonb,
    -- {"encoding": "AUTO|UTF_8|BIG5", "format": "CSV|GEOJSON", "strict": bool, "createStations": bool}
    options      jsonb        NOT NULL DEFAULT '{}'::jsonb,
    created_by   varchar(100) NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_by   varchar(100) NOT NULL,
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    version      bigint       NOT NULL DEFAULT 0
);
-- one profile per name, whatever its case and surrounding spaces
CREATE UNIQUE INDEX import_profile_name_key ON import_profile (lower(btrim(name)));
